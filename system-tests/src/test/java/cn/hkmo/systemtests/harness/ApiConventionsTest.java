package cn.hkmo.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list and retry conventions of docs/conventions.md, checked over the whole merged contract (docs/openapi.yaml):
 * a new operation that answers a bare array, a list without its total, or a citizen's write without an
 * {@code Idempotency-Key} fails here before a client generated from the document meets it. The time convention is
 * checked over real answers (ApiConventionsIT), since the document only says "date-time".
 */
class ApiConventionsTest {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Set<String> LIST_FIELDS = Set.of("items", "page", "size", "total");
    /** Citizens' calls that change nothing (a form checked before it is submitted): nothing to retry safely. */
    private static final Set<String> CALCULATIONS = Set.of("POST /api/v1/bookings/review");

    private static JsonNode api;

    @BeforeAll
    static void read() throws IOException {
        api = OpenApiContract.committed();
    }

    @Test
    void noAnswerIsABareArray() {
        List<String> bare = new ArrayList<>();
        eachSuccessSchema((operation, schema) -> {
            if ("array".equals(resolve(schema).path("type").asText())) {
                bare.add(operation);
            }
        });
        assertThat(bare).as("2xx answers that are a bare array instead of {items, page, size, total}").isEmpty();
    }

    @Test
    void everyListAnswerIsAPageWithItsTotal() {
        List<String> lists = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        eachSuccessSchema((operation, schema) -> {
            JsonNode answer = resolve(schema);
            JsonNode fields = answer.path("properties");
            // a list: rows in items beside any paging field (a checklist's or a notice's own items are no list)
            if (!"array".equals(fields.path("items").path("type").asText())
                    || !(fields.has("page") || fields.has("size") || fields.has("total"))) {
                return;
            }
            lists.add(operation);
            Set<String> required = new java.util.HashSet<>();
            answer.path("required").forEach(name -> required.add(name.asText()));
            if (!required.containsAll(LIST_FIELDS)) {
                wrong.add(operation + " requires only " + required);
            }
        });
        eachOperation((operation, op) -> {
            Set<String> query = new java.util.HashSet<>();
            op.path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    query.add(p.path("name").asText());
                }
            });
            if (lists.contains(operation) && !query.containsAll(Set.of("page", "size"))) {
                wrong.add(operation + " takes no page and size");
            }
        });
        assertThat(lists).as("the list answers").hasSizeGreaterThanOrEqualTo(20)
                .contains("GET /api/v1/waitlist", "GET /api/v1/cases/mine", "GET /api/v1/fees/orders/mine",
                        "GET /api/v1/intake/bookings", "GET /api/v1/cases/review-queue");
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyWriteOfACitizenOrAPartnerTakesAnIdempotencyKey() {
        List<String> citizenWrites = new ArrayList<>();
        List<String> withoutKey = new ArrayList<>();
        eachOperation((operation, op) -> {
            String method = operation.substring(0, operation.indexOf(' ')).toLowerCase();
            if (!WRITES.contains(method) || !citizenOrPartner(op) || CALCULATIONS.contains(operation)) {
                return;
            }
            citizenWrites.add(operation);
            boolean keyed = false;
            for (JsonNode p : op.path("parameters")) {
                keyed |= "header".equals(p.path("in").asText()) && "Idempotency-Key".equals(p.path("name").asText());
            }
            if (!keyed) {
                withoutKey.add(operation);
            }
        });
        assertThat(citizenWrites).as("citizens' and partners' writes").contains("POST /api/v1/holds", "DELETE /api/v1/holds/{id}",
                "POST /api/v1/waitlist", "POST /api/v1/bookings", "PUT /api/v1/messages/preferences");
        assertThat(withoutKey).as("citizens' and partners' writes without an Idempotency-Key header").isEmpty();
    }

    /** Any signed-in caller (no role named: bookings, holds, waitlist) or a role a citizen or partner has. */
    private static boolean citizenOrPartner(JsonNode op) {
        for (JsonNode requirement : op.path("security")) {
            JsonNode roles = requirement.path("oidc");
            if (roles.isArray() && roles.isEmpty()) {
                return true;
            }
            for (JsonNode role : roles) {
                if (Set.of("citizen", "partner").contains(role.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void eachOperation(BiConsumer<String, JsonNode> check) {
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (WRITES.contains(op.getKey()) || "get".equals(op.getKey())) {
                    check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
    }

    private static void eachSuccessSchema(BiConsumer<String, JsonNode> check) {
        eachOperation((operation, op) -> {
            for (Map.Entry<String, JsonNode> answer : op.path("responses").properties()) {
                if (answer.getKey().startsWith("2")) {
                    JsonNode json = answer.getValue().path("content").path("application/json").path("schema");
                    if (!json.isMissingNode()) {
                        check.accept(operation, json);
                    }
                }
            }
        });
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                ? api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }
}
