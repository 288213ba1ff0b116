package cn.hkmo.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;

/**
 * JSON Schema (draft-07) of an event payload record, as the records serialise through {@link EventEnvelope#JSON}:
 * java.time values are ISO-8601 strings, enums their names. Unknown properties are allowed (consumers ignore them,
 * so a producer may add a field without breaking anybody).
 */
final class EventSchemas {

    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
    static final String ID_BASE = "https://hkmo.cn/schemas/";

    private static final SchemaGenerator GENERATOR = new SchemaGenerator(
            new SchemaGeneratorConfigBuilder(EventEnvelope.JSON, SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                    .with(new JacksonModule())
                    .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                    .build());

    private static final ObjectMapper PRETTY = new ObjectMapper();

    private EventSchemas() {
    }

    /** The file name under {@code schemas/}. */
    static String fileName(EventCatalog.EventType event) {
        return event.type() + ".json";
    }

    static ObjectNode schema(EventCatalog.EventType event) {
        ObjectNode generated = GENERATOR.generateSchema(event.payload());
        ObjectNode schema = PRETTY.createObjectNode();
        schema.put("$schema", DRAFT_07);
        schema.put("$id", ID_BASE + fileName(event));
        schema.put("title", event.payload().getSimpleName());
        schema.put("description", event.summary() + " Event type " + event.type() + " on topic " + event.topic()
                + ", key = " + event.key() + ", producer " + event.producer() + ".");
        generated.remove("$schema");
        schema.setAll(generated);
        return schema;
    }

    /** The schema as committed: two-space indentation, one trailing newline. */
    static String render(EventCatalog.EventType event) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return PRETTY.writer(printer).writeValueAsString(schema(event)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
