package com.brandclosure.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A JSON Schema (draft 2020-12) per integration event type, generated from the records in
 * {@link EventCatalog}: the shape of the envelope's {@code payload} for that {@code type}. Every
 * component is required (the platform's JSON writes every component, a null as {@code null});
 * only the components listed in {@link #NULLABLE} (documented as "may be null" on their record)
 * admit {@code null}. Instants are {@code date-time}, dates {@code date}, enums list their values.
 * The schemas are kept in {@code docs/events/} ({@link #main} writes them; a test in this module
 * fails when they differ from the records).
 */
public final class EventSchemas {

    /** Components that may be null, by event type (each is documented on its record). */
    public static final Map<String, Set<String>> NULLABLE = Map.of(
            "ConversionTracked", Set.of("contractId"),
            "PayoutsSettled", Set.of("lastLockDate"),
            "FinalReviewApproved", Set.of("closureDate"));

    private static final Map<Class<?>, String> TOPICS = Map.of(
            ContractsEvent.class, Topics.CONTRACTS, PayoutsEvent.class, Topics.PAYOUTS,
            FundingEvent.class, Topics.FUNDING, CatalogEvent.class, Topics.CATALOG,
            ClosureEvent.class, Topics.CLOSURE, ConversionTracked.class, Topics.ACTIONS_INGEST);

    private EventSchemas() {
    }

    /** File name ({@code <Type>.schema.json}) to schema text, for every type of {@link EventCatalog}. */
    public static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        EventCatalog.all().forEach((name, type) -> files.put(name + ".schema.json", toJson(schema(name, type), "") + "\n"));
        return files;
    }

    /** The schema of one event type as nested maps and lists (JSON objects and arrays). */
    public static Map<String, Object> schema(String name, Class<? extends IntegrationEvent> type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:brandclosure:events:" + name);
        schema.put("title", name);
        schema.put("description", "payload of an envelope with type '" + name + "', published on topic "
                + topicOf(type) + ", keyed by accountId");
        schema.putAll(object(type, NULLABLE.getOrDefault(name, Set.of())));
        return schema;
    }

    /** The topic (or topics, sorted: AccountFenced goes out on each source's own) that publish {@code type}. */
    private static String topicOf(Class<?> type) {
        String topics = TOPICS.entrySet().stream().filter(e -> e.getKey().isAssignableFrom(type))
                .map(Map.Entry::getValue).sorted().collect(java.util.stream.Collectors.joining(", "));
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("no topic known for " + type.getName());
        }
        return topics;
    }

    private static Map<String, Object> object(Class<?> record, Set<String> nullable) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            Map<String, Object> property = type(c.getGenericType());
            if (nullable.contains(c.getName())) {
                property.put("type", List.of(property.get("type"), "null"));
            }
            properties.put(c.getName(), property);
            required.add(c.getName());
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        object.put("properties", properties);
        object.put("required", required);
        object.put("additionalProperties", false);
        return object;
    }

    private static Map<String, Object> type(Type type) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                s.put("type", "array");
                s.put("items", type(p.getActualTypeArguments()[0]));
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object");
                s.put("additionalProperties", type(p.getActualTypeArguments()[1]));
                return s;
            }
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("no JSON Schema mapping for " + type);
        }
        if (c == String.class) {
            s.put("type", "string");
        } else if (c == long.class || c == Long.class) {
            s.put("type", "integer");
            s.put("format", "int64");
        } else if (c == int.class || c == Integer.class) {
            s.put("type", "integer");
            s.put("format", "int32");
        } else if (c == boolean.class || c == Boolean.class) {
            s.put("type", "boolean");
        } else if (c == double.class || c == Double.class || c == java.math.BigDecimal.class) {
            s.put("type", "number");
        } else if (c == Instant.class) {
            s.put("type", "string");
            s.put("format", "date-time");
        } else if (c == LocalDate.class) {
            s.put("type", "string");
            s.put("format", "date");
        } else if (c.isEnum()) {
            s.put("type", "string");
            List<String> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            s.put("enum", values);
        } else if (c.isRecord()) {
            return object(c, Set.of());
        } else {
            throw new IllegalArgumentException("no JSON Schema mapping for " + c.getName());
        }
        return s;
    }

    /** Pretty JSON of maps, lists, strings, numbers and booleans (two-space indent, insertion order). */
    static String toJson(Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            String inner = indent + "  ";
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(inner + quote(String.valueOf(k)) + ": " + toJson(v, inner)));
            return "{\n" + String.join(",\n", entries) + "\n" + indent + "}";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(toJson(v, indent)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        return String.valueOf(value);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return out.append('"').toString();
    }

    /** Writes every schema to {@code args[0]} (default {@code docs/events}) and removes stale ones. */
    public static void main(String[] args) throws java.io.IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/events");
        Files.createDirectories(dir);
        Map<String, String> files = files();
        try (var existing = Files.list(dir)) {
            for (Path p : existing.filter(p -> p.getFileName().toString().endsWith(".schema.json")).toList()) {
                if (!files.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
