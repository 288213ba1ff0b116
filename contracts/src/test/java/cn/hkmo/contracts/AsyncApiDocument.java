package cn.hkmo.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AsyncAPI 3.0 document of the suite's events ({@code docs/asyncapi.yaml}), made from {@link EventCatalog}: the four
 * topics and their dead-letter topics, the CloudEvents envelope, the record key, every message type with its JSON
 * schema ({@code contracts/src/main/resources/schemas/<type>.json}), who sends and who receives it.
 */
final class AsyncApiDocument {

    /** From {@code docs/} to the committed schemas. */
    static final String SCHEMAS_FROM_DOCS = "../contracts/src/main/resources/schemas/";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private static final Map<String, String> TOPIC_DESCRIPTIONS = Map.of(
            Topics.APPOINTMENTS, "Bookings and halls (appointment-service). Key = booking number, except "
                    + "appointment.hall-closed.v1 (hall id) and appointment.place-offered.v1 (hold id).",
            Topics.APPLICATIONS, "Counter intake outcomes (eligibility-service). Key = application number for "
                    + "application.accepted.v1; booking number for the correction notice and not-accepted (no application "
                    + "number exists then). Each carries the booking number, so appointment-service marks the booking served.",
            Topics.PAYMENTS, "Fees, payment orders, payments and refunds (fee-service). Key = application number.",
            Topics.ISSUANCE, "Review, decision, issuance and delivery (issuance-service). Key = application number.");

    private AsyncApiDocument() {
    }

    static String render() {
        try {
            return "# Generated from cn.hkmo.contracts.EventCatalog and the payload records by EventDocumentationTest\n"
                    + "# (contracts module). Do not edit: change the records or the catalogue, then run\n"
                    + "#   ./mvnw -B -pl contracts test -Dhkmo.contracts.regenerate=true\n"
                    + YAML.writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", map(
                "title", "HK/Macao permit suite: events",
                "version", "1.0.0",
                "description", """
                        Events between the services of the 往来港澳通行证 suite. Every record on a topic is a CloudEvents 1.0 \
                        event in structured JSON mode (cn.hkmo.contracts.EventEnvelope): id (UUID, consumers record it to \
                        apply an event once), type with a version, source (/<producer>), time, subject (= the Kafka record \
                        key), datacontenttype application/json and data (the payload record, schema per message). \
                        Producers write events through the transactional outbox in the business transaction; a relay \
                        publishes them after commit, in order per key, with the W3C traceparent header. Consumers are \
                        idempotent (kit Inbox) and ignore unknown payload fields and types they do not need. A record that \
                        still fails after the consumer's retries goes to <topic>.dlq and the partition moves on."""));
        doc.put("defaultContentType", "application/json");
        doc.put("servers", map("local", map(
                "host", "localhost:59092",
                "protocol", "kafka",
                "description", "Kafka (KRaft) of the local run (./run); tests start their own broker on a free port.")));

        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            List<EventCatalog.EventType> events = EventCatalog.onTopic(topic);
            Map<String, Object> messages = new LinkedHashMap<>();
            events.forEach(event -> messages.put(event.type(), ref("#/components/messages/" + event.type())));
            channels.put(topic, map(
                    "address", topic,
                    "title", topic,
                    "description", TOPIC_DESCRIPTIONS.get(topic),
                    "messages", messages,
                    "bindings", map("kafka", map("topic", topic, "bindingVersion", "0.5.0"))));
            String dlq = Topics.deadLetter(topic);
            channels.put(dlq, map(
                    "address", dlq,
                    "title", dlq,
                    "description", "Poison records of " + topic + " (not an envelope, unreadable payload, or still failing "
                            + "after the consumer's retries), copied unchanged by the consumer's SmallRye Kafka "
                            + "dead-letter-queue strategy with dead-letter-reason, dead-letter-cause, dead-letter-topic, "
                            + "dead-letter-partition and dead-letter-offset headers.",
                    "messages", map("deadLetter", ref("#/components/messages/deadLetter")),
                    "bindings", map("kafka", map("topic", dlq, "bindingVersion", "0.5.0"))));

            String producer = events.get(0).producer();
            operations.put(camel(producer) + "Sends" + pascal(topic), map(
                    "action", "send",
                    "channel", ref("#/channels/" + topic),
                    "title", producer + " publishes " + topic,
                    "summary", producer + " writes these events through its outbox.",
                    "messages", events.stream().map(e -> ref("#/channels/" + topic + "/messages/" + e.type())).toList()));
            Set<String> consumers = new LinkedHashSet<>();
            events.forEach(event -> consumers.addAll(event.consumers()));
            for (String consumer : consumers.stream().sorted().toList()) {
                List<EventCatalog.EventType> read = events.stream().filter(e -> e.consumers().contains(consumer)).toList();
                operations.put(camel(consumer) + "Receives" + pascal(topic), map(
                        "action", "receive",
                        "channel", ref("#/channels/" + topic),
                        "title", consumer + " consumes " + topic,
                        "summary", consumer + " (consumer group " + consumer + ") applies these types once each; other "
                                + "types on the topic are skipped.",
                        "messages", read.stream().map(e -> ref("#/channels/" + topic + "/messages/" + e.type())).toList()));
                operations.put(camel(consumer) + "DeadLetters" + pascal(topic), map(
                        "action", "send",
                        "channel", ref("#/channels/" + dlq),
                        "title", consumer + " dead-letters " + topic,
                        "messages", List.of(ref("#/channels/" + dlq + "/messages/deadLetter"))));
            }
        }
        doc.put("channels", channels);
        doc.put("operations", operations);

        Map<String, Object> messages = new LinkedHashMap<>();
        for (EventCatalog.EventType event : EventCatalog.ALL) {
            messages.put(event.type(), message(event));
        }
        messages.put("deadLetter", map(
                "name", "deadLetter",
                "title", "Dead letter",
                "summary", "The original record (any bytes), with the failure in the headers.",
                "headers", map("type", "object", "properties", map(
                        "dead-letter-reason", map("type", "string"),
                        "dead-letter-cause", map("type", "string"),
                        "dead-letter-topic", map("type", "string"),
                        "dead-letter-partition", map("type", "string"),
                        "dead-letter-offset", map("type", "string"))),
                "payload", map("description", "The record as it was read from the original topic.")));
        doc.put("components", map(
                "schemas", map("CloudEventEnvelope", envelope()),
                "messages", messages));
        return doc;
    }

    private static Map<String, Object> message(EventCatalog.EventType event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", event.type());
        message.put("title", event.payload().getSimpleName());
        message.put("summary", event.summary());
        message.put("description", "Topic " + event.topic() + ". Record key and subject = " + event.key() + ". Producer: "
                + event.producer() + ". Consumers: " + (event.consumers().isEmpty() ? "none in the suite yet"
                : String.join(", ", event.consumers())) + ". Payload record cn.hkmo.contracts."
                + event.payload().getName().substring("cn.hkmo.contracts.".length()) + ".");
        message.put("headers", map("type", "object", "properties", map(
                "traceparent", map("type", "string", "description", "W3C trace context of the business transaction"))));
        message.put("payload", map("allOf", List.of(
                ref("#/components/schemas/CloudEventEnvelope"),
                map("type", "object", "properties", map(
                        "type", map("const", event.type()),
                        "source", map("const", event.source()),
                        "subject", map("description", event.key()),
                        "data", ref(SCHEMAS_FROM_DOCS + EventSchemas.fileName(event)))))));
        message.put("bindings", map("kafka", map(
                "key", map("type", "string", "description", event.key()),
                "bindingVersion", "0.5.0")));
        message.put("x-producer", event.producer());
        message.put("x-consumers", event.consumers());
        return message;
    }

    private static Map<String, Object> envelope() {
        return map(
                "type", "object",
                "description", "CloudEvents 1.0, structured JSON mode (cn.hkmo.contracts.EventEnvelope).",
                "required", List.of("specversion", "id", "type", "source", "time", "subject", "data"),
                "properties", map(
                        "specversion", map("type", "string", "const", "1.0"),
                        "id", map("type", "string", "format", "uuid", "description", "unique per event; consumers record it"),
                        "type", map("type", "string", "description", "domain type with its version, e.g. appointment.booked.v1"),
                        "source", map("type", "string", "description", "the producing service, e.g. /appointment-service"),
                        "time", map("type", "string", "format", "date-time", "description", "when the business change committed"),
                        "subject", map("type", "string", "description", "= the Kafka record key"),
                        "datacontenttype", map("type", "string", "const", "application/json"),
                        "data", map("type", "object", "description", "the payload record")));
    }

    private static Map<String, Object> ref(String target) {
        return map("$ref", target);
    }

    private static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[-.]")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static String camel(String name) {
        String pascal = pascal(name);
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Every message type the document lists, from its components. */
    @SuppressWarnings("unchecked")
    static List<String> messageNames(Map<String, Object> document) {
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Object> messages = (Map<String, Object>) components.get("messages");
        List<String> names = new ArrayList<>();
        messages.values().forEach(m -> names.add((String) ((Map<String, Object>) m).get("name")));
        return names;
    }
}
