-- The W3C traceparent of the span that caused the row (README "Traces"): the relay sends it as the
-- Kafka header traceparent so that the consumer continues the trace. Null when nothing was traced.
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
ALTER TABLE outbox_parked ADD COLUMN traceparent TEXT;
