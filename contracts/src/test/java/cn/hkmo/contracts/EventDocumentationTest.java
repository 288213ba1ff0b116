package cn.hkmo.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed JSON Schemas ({@code src/main/resources/schemas/<type>.json}) and AsyncAPI document
 * ({@code docs/asyncapi.yaml}) are what the records produce. After changing a record or {@link EventCatalog}:
 * {@code ./mvnw -B -pl contracts test -Dhkmo.contracts.regenerate=true}, review the diff, commit it with the change.
 */
class EventDocumentationTest {

    private static final boolean REGENERATE = Boolean.getBoolean("hkmo.contracts.regenerate");
    private static final Path SCHEMAS = Path.of("src", "main", "resources", "schemas");
    private static final Path ASYNCAPI = Path.of(System.getProperty("hkmo.docs.dir", "../docs"), "asyncapi.yaml");

    @Test
    void everyRecordWithATypeConstantIsCatalogued() throws Exception {
        List<Class<?>> typed = recordsWithType();
        assertThat(typed).as("records with a TYPE constant").hasSizeGreaterThanOrEqualTo(20);
        Set<String> catalogued = EventCatalog.ALL.stream().map(e -> e.payload().getName()).collect(Collectors.toSet());
        assertThat(typed).allSatisfy(type -> assertThat(catalogued).as("EventCatalog lists " + type.getName())
                .contains(type.getName()));
        for (EventCatalog.EventType event : EventCatalog.ALL) {
            assertThat(typeConstant(event.payload())).as(event.payload().getSimpleName() + ".TYPE").isEqualTo(event.type());
            assertThat(Topics.ALL).contains(event.topic());
            assertThat(event.type()).matches("[a-z]+\\.[a-z-]+\\.v\\d+");
        }
        assertThat(EventCatalog.ALL.stream().map(EventCatalog.EventType::type).distinct()).hasSameSizeAs(EventCatalog.ALL);
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(EventCatalog.onTopic(topic))
                .extracting(EventCatalog.EventType::producer).as("one producer per topic").containsOnly(
                        EventCatalog.onTopic(topic).get(0).producer()));
    }

    @Test
    void committedSchemasAreWhatTheRecordsProduce() throws IOException {
        List<String> stale = new ArrayList<>();
        for (EventCatalog.EventType event : EventCatalog.ALL) {
            Path file = SCHEMAS.resolve(EventSchemas.fileName(event));
            String expected = EventSchemas.render(event);
            if (REGENERATE) {
                Files.createDirectories(SCHEMAS);
                Files.writeString(file, expected, StandardCharsets.UTF_8);
            } else if (!Files.exists(file) || !normalised(Files.readString(file, StandardCharsets.UTF_8)).equals(expected)) {
                stale.add(file.toString());
            }
        }
        assertThat(stale).as("schemas that differ from their records; regenerate with -Dhkmo.contracts.regenerate=true").isEmpty();
        Set<String> expectedFiles = EventCatalog.ALL.stream().map(EventSchemas::fileName).collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".json")))
                    .as("no schema without an event type").allSatisfy(name -> assertThat(expectedFiles).contains(name));
        }
    }

    @Test
    void schemasDescribeTheFieldsConsumersRead() {
        EventCatalog.EventType booked = EventCatalog.find("appointment.booked.v1").orElseThrow();
        var schema = EventSchemas.schema(booked);
        assertThat(schema.path("$schema").asText()).isEqualTo(EventSchemas.DRAFT_07);
        assertThat(schema.path("properties").path("hallRegion").path("type").asText()).isEqualTo("string");
        assertThat(schema.path("properties").path("date").path("format").asText()).isEqualTo("date");
        assertThat(schema.path("properties").path("bookedAt").path("format").asText()).isEqualTo("date-time");
        assertThat(schema.path("properties").path("category").path("enum")).hasSize(5);
        assertThat(schema.path("properties").has("TYPE")).isFalse();
        var accepted = EventSchemas.schema(EventCatalog.find("application.accepted.v1").orElseThrow());
        assertThat(accepted.path("properties").has("permitRequested")).as("a derived method is not a field").isFalse();
        assertThat(accepted.path("properties").path("applicant").toString()).contains("residentId");
    }

    @Test
    void asyncApiDocumentIsWhatTheCatalogueProduces() throws IOException {
        String expected = AsyncApiDocument.render();
        if (REGENERATE) {
            Files.writeString(ASYNCAPI, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(ASYNCAPI)).as(ASYNCAPI + " exists").isTrue();
        assertThat(normalised(Files.readString(ASYNCAPI, StandardCharsets.UTF_8)))
                .as(ASYNCAPI + " is up to date; regenerate with -Dhkmo.contracts.regenerate=true").isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTypedRecordAppearsInTheAsyncApiDocument() throws Exception {
        Map<String, Object> document = new ObjectMapper(new YAMLFactory()).readValue(ASYNCAPI.toFile(), Map.class);
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        List<String> messages = AsyncApiDocument.messageNames(document);
        Map<String, Object> channels = (Map<String, Object>) document.get("channels");
        assertThat(channels).containsKeys(Topics.ALL.toArray(String[]::new))
                .containsKeys(Topics.ALL.stream().map(Topics::deadLetter).toArray(String[]::new));
        for (Class<?> record : recordsWithType()) {
            String type = typeConstant(record);
            assertThat(messages).as("AsyncAPI message for " + record.getSimpleName()).contains(type);
            String topic = EventCatalog.find(type).orElseThrow().topic();
            Map<String, Object> channel = (Map<String, Object>) channels.get(topic);
            assertThat((Map<String, Object>) channel.get("messages")).as(topic + " carries " + type).containsKey(type);
        }
    }

    /** Every record under cn.hkmo.contracts with a {@code public static final String TYPE}. */
    private static List<Class<?>> recordsWithType() throws URISyntaxException, IOException, ClassNotFoundException {
        Path root = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted().toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name);
            if (type.isRecord() && typeConstant(type) != null) {
                found.add(type);
            }
        }
        return found;
    }

    private static String typeConstant(Class<?> type) {
        try {
            Field field = type.getField("TYPE");
            return Modifier.isStatic(field.getModifiers()) && field.getType() == String.class ? (String) field.get(null) : null;
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalised(String text) {
        return text.replace("\r\n", "\n");
    }
}
