package com.brandclosure.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event schemas in docs/events/ are those of the records: one per type of the catalog, each
 * with exactly the record's components as properties, all required, typed as the wire shows them.
 * After changing a record: {@code ./mvnw -pl integration-events verify -Devent-schemas.write=true}
 * rewrites docs/events/ (then review and commit the diff).
 */
class EventSchemasTest {

    /** Surefire runs in the module folder; the repository root is its parent. */
    static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs/events");

    @Test
    void there_is_one_schema_per_catalog_type_and_its_properties_are_the_record_components() {
        assertThat(EventSchemas.files().keySet().stream().map(f -> f.replace(".schema.json", "")).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(EventCatalog.names()));
        EventCatalog.all().forEach((name, type) -> {
            Map<String, Object> schema = EventSchemas.schema(name, type);
            List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(properties(schema).keySet()).as(name + " properties").containsExactlyElementsOf(components);
            assertThat(schema.get("required")).as(name + " required").isEqualTo(components);
            assertThat(schema.get("additionalProperties")).isEqualTo(false);
            assertThat(schema.get("title")).isEqualTo(name);
            for (RecordComponent c : type.getRecordComponents()) {
                assertThat(properties(schema).get(c.getName())).as(name + "." + c.getName())
                        .containsAllEntriesOf(expectedType(c, EventSchemas.NULLABLE.getOrDefault(name, Set.of())));
            }
        });
    }

    @Test
    void every_component_listed_as_nullable_exists() {
        EventSchemas.NULLABLE.forEach((name, components) -> {
            assertThat(EventCatalog.all()).containsKey(name);
            assertThat(Arrays.stream(EventCatalog.all().get(name).getRecordComponents()).map(RecordComponent::getName))
                    .containsAll(components);
        });
    }

    @Test
    void docs_events_holds_exactly_the_generated_schemas() throws IOException {
        if (Boolean.getBoolean("event-schemas.write")) {
            EventSchemas.main(new String[] {DOCS.toString()});
        }
        Map<String, String> onDisk = new TreeMap<>();
        try (var files = Files.list(DOCS)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".schema.json")).toList()) {
                onDisk.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        assertThat(new TreeSet<>(onDisk.keySet())).isEqualTo(new TreeSet<>(EventSchemas.files().keySet()));
        EventSchemas.files().forEach((file, text) -> assertThat(onDisk.get(file))
                .as("docs/events/" + file + " is stale: run with -Devent-schemas.write=true").isEqualTo(text));
    }

    @Test
    void instants_are_date_times_dates_are_dates_and_nullable_components_admit_null() {
        var closureRequested = properties(EventSchemas.schema("ClosureRequested", ClosureRequested.class));
        assertThat(closureRequested.get("requestedAt")).isEqualTo(Map.of("type", "string", "format", "date-time"));
        var conversion = properties(EventSchemas.schema("ConversionTracked", ConversionTracked.class));
        assertThat(conversion.get("contractId")).isEqualTo(Map.of("type", List.of("string", "null")));
        assertThat(conversion.get("costMinor")).isEqualTo(Map.of("type", "integer", "format", "int64"));
        assertThat(EventSchemas.toJson(EventSchemas.schema("ClosureRequested", ClosureRequested.class), ""))
                .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        return (Map<String, Map<String, Object>>) schema.get("properties");
    }

    private static Map<String, Object> expectedType(RecordComponent c, Set<String> nullable) {
        Class<?> t = c.getType();
        Object json;
        if (t == String.class || t == Instant.class || t == LocalDate.class || t.isEnum()) {
            json = "string";
        } else if (t == long.class || t == int.class || t == Long.class || t == Integer.class) {
            json = "integer";
        } else if (t == boolean.class || t == Boolean.class) {
            json = "boolean";
        } else if (List.class.isAssignableFrom(t) || Set.class.isAssignableFrom(t)) {
            json = "array";
        } else if (t.isRecord() || Map.class.isAssignableFrom(t)) {
            json = "object";
        } else {
            json = "number";
        }
        Map<String, Object> expected = new java.util.HashMap<>();
        expected.put("type", nullable.contains(c.getName()) ? List.of(json, "null") : json);
        if (t == Instant.class) {
            expected.put("format", "date-time");
        } else if (t == LocalDate.class) {
            expected.put("format", "date");
        }
        return expected;
    }
}
