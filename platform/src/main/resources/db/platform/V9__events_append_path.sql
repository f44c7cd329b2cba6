-- The append path (issue 13): fewer indexes to maintain per event, JSON stored as written.
-- (stream_id, version) becomes the primary key: it is the optimistic-concurrency arbiter and the index
-- every stream load reads. global_position keeps its sequence (the global order readers see, by account
-- through events_account) but loses its own index: no query looks an event up or pages by position alone.
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events DROP CONSTRAINT events_stream_version;
ALTER TABLE events ADD CONSTRAINT events_stream_version PRIMARY KEY (stream_id, version);
-- json instead of jsonb: the platform writes the JSON itself and only ever reads it back whole (no query
-- looks inside), so the binary form was parsed on every write and printed again on every read for nothing.
ALTER TABLE events ALTER COLUMN payload TYPE json USING payload::json;
ALTER TABLE snapshots ALTER COLUMN state TYPE json USING state::json;
