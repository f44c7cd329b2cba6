package com.brandclosure.platform.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.ContextAttributes;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

/**
 * How request bodies are read: strictly. A client's {@code 10.5}, {@code "100"}, {@code 100.0} or
 * {@code 1e2} for a whole number (money in minor units, counts, versions) is refused instead of
 * being bent into 10 or 100; a number or boolean where text is expected, an unknown field, a
 * duplicate key, a date given as a number or an impossible date, a NUL character (PostgreSQL's jsonb cannot store it) and a string longer than
 * {@code maxStringLength} are refused too. Each refusal is a Jackson exception with the field's
 * path, which the web layer answers with 400 naming the field.
 * <p>
 * The application's {@link JsonMapper} is built with these rules (the web layer uses that mapper);
 * {@link JsonCodec} derives its mapper from it and switches them off again with {@link #lenient},
 * because stored and published JSON must stay readable as it evolves.
 */
public final class StrictJson {

    /** Context attribute that turns the string checks off ({@link JsonCodec}'s reads). */
    static final String LENIENT = "platform.json.lenient";

    /** Per logical type, the JSON shapes a request may not give it. */
    private static final Map<LogicalType, List<CoercionInputShape>> REFUSED_COERCIONS = Map.of(
            LogicalType.Integer, List.of(CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Boolean),
            LogicalType.Float, List.of(CoercionInputShape.String, CoercionInputShape.Boolean),
            LogicalType.Boolean, List.of(CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float),
            LogicalType.Textual, List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean));

    private StrictJson() {
    }

    /** Applies the strict rules to the application mapper's builder. */
    public static void strict(JsonMapper.Builder builder, int maxStringLength) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Dates and times as ISO text only: no epoch numbers, no 2026-02-30 rolled into March.
                .defaultLeniency(false)
                // Numbers for text and text for numbers are type errors, not conversions.
                .withAllCoercionConfigs(c -> REFUSED_COERCIONS.forEach((type, shapes) -> shapes.forEach(shape ->
                        c.findOrCreateCoercion(type).setCoercion(shape, CoercionAction.Fail))))
                .addModule(new SimpleModule("platform-strict-strings")
                        .addDeserializer(String.class, new CheckedStringDeserializer(maxStringLength))
                        .setDeserializerModifier(new ValueDeserializerModifier() {
                            @Override
                            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                                           BeanDescription.Supplier beanDesc,
                                                                           ValueDeserializer<?> deserializer) {
                                Class<?> type = deserializer.handledType();
                                return type != null && Temporal.class.isAssignableFrom(type)
                                        ? new TextOnlyTemporal(deserializer) : deserializer;
                            }
                        }));
    }

    /** The lenient reading of stored and published JSON, on a builder derived from the strict mapper. */
    public static JsonMapper.Builder lenient(JsonMapper.Builder builder) {
        return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .defaultLeniency(null)
                // null: no explicit coercion, Jackson's defaults apply again.
                .withAllCoercionConfigs(c -> REFUSED_COERCIONS.forEach((type, shapes) -> shapes.forEach(shape ->
                        c.findOrCreateCoercion(type).setCoercion(shape, null))))
                .defaultAttributes(ContextAttributes.getEmpty().withSharedAttribute(LENIENT, Boolean.TRUE));
    }

    /** A string value refused for its content; {@link #reason()} is meant for the client. */
    public static final class RefusedString extends MismatchedInputException {
        private final String reason;

        RefusedString(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * A date or time only as ISO text: an epoch number for an instant ({@code "eventAt": 123}) is a
     * type error in a request, not 1970-01-01T00:02:03Z.
     */
    static final class TextOnlyTemporal extends DelegatingDeserializer {
        TextOnlyTemporal(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnlyTemporal(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.currentToken() != null && p.currentToken().isNumeric()
                    && !Boolean.TRUE.equals(ctxt.getAttribute(LENIENT))) {
                return ctxt.reportInputMismatch(handledType(), "a date or time must be ISO-8601 text");
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Jackson's own string reading plus the NUL and length checks. */
    static final class CheckedStringDeserializer extends StringDeserializer {
        private final int maxLength;

        CheckedStringDeserializer(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (value == null || Boolean.TRUE.equals(ctxt.getAttribute(LENIENT))) {
                return value;
            }
            if (value.indexOf('\u0000') >= 0) {
                throw new RefusedString(p, "must not contain the NUL character (\\u0000)");
            }
            if (value.length() > maxLength) {
                throw new RefusedString(p, "is longer than " + maxLength + " characters");
            }
            return value;
        }
    }
}
