package com.brandclosure.platform.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON setup for stored events, snapshots and Kafka envelopes, derived from the
 * application's {@link JsonMapper} (the same one the web layer uses). Reading stored or
 * published JSON tolerates unknown fields so that adding a field is not a breaking change;
 * the web layer stays strict ({@link StrictJson}).
 */
public final class JsonCodec {

    private final JsonMapper mapper;

    public JsonCodec(JsonMapper applicationMapper) {
        this.mapper = StrictJson.lenient(applicationMapper.rebuild()).build();
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    public JsonNode parse(String json) {
        return mapper.readTree(json);
    }

    public <T> T read(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    public <T> T convert(JsonNode node, Class<T> type) {
        return mapper.treeToValue(node, type);
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** True if the text is not JSON at all. */
    public static boolean isJsonError(Throwable e) {
        return e instanceof JacksonException;
    }
}
