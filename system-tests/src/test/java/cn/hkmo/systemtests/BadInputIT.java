package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.DeclaredProblems;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, schema-driven: every operation of the merged OpenAPI document the gateway publishes ({@code /q/openapi})
 * gets malformed, oversized, wrongly typed and boundary requests (path and query parameters, JSON bodies derived from
 * the operation's request schema with one defect or more, wrong media types, huge headers), sent through the gateway
 * with a token of a caller allowed on the path (so the request reaches the service's own validation), sometimes with
 * none or a garbage one. {@code hkmo.resilience.fuzz.requests} requests (default 2,000), seed
 * {@code hkmo.resilience.fuzz.seed} (default 20261).
 *
 * <p>Every answer: status below 500; every 4xx an {@code application/problem+json} with a non-blank {@code code}
 * (over-long request lines and oversized headers included: {@code URI_TOO_LONG}, {@code HEADERS_TOO_LARGE});
 * no write answered 2xx (but the read-only queries and the SMS setting); and no partial write: the row count of every
 * table of the five service databases is the same after the run as before (but the payment notify audit, which records
 * every refused notify by design, the fuzzing citizen's notification settings, and the SMS simulator's store); and every problem answer is one its
 * operation declares in the published document (status and code).
 */
@SystemTest
class BadInputIT {

    static final int REQUESTS = Integer.getInteger("hkmo.resilience.fuzz.requests", 2000);
    static final long SEED = Long.getLong("hkmo.resilience.fuzz.seed", 20261L);

    /** POSTs that only ask (they change nothing) or answer the payment platform. */
    private static final Set<String> QUERIES = Set.of("POST /api/v1/eligibility/assessments", "POST /api/v1/fees/quotes",
            "POST /api/v1/bookings/review", "POST /api/v1/fees/alipay/notify");
    /**
     * A setting whose one required field is a boolean: most defects (an unknown field dropped, the optional one
     * removed) leave a request the citizen may make, turning texts on or off, so its 2xx is an answer, not a hole.
     */
    private static final Set<String> SETTINGS = Set.of("PUT /api/v1/messages/preferences");
    /**
     * Tables that change by design: the refused notifies' audit, and the settings' row of the fuzzing citizen with the
     * first answer its accepted write stores when the fuzzer sent an Idempotency-Key (whether it does depends on the
     * seed's path through the operations, which moves when operations are added). And the SMS provider simulator's own
     * store: it is the third party's, and texts planned by earlier tests reach it on the dispatcher's schedule (a retry,
     * the end of quiet hours); a text the fuzz caused would first be a row of {@code notification.message}.
     */
    private static final Set<String> AUDIT_TABLES = Set.of("fee.notify_audit", "notification.recipient",
            "notification.idempotency_key", "notification.sms_simulator_message");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Operation(String method, String path, JsonNode op, JsonNode bodySchema) {
        String name() {
            return method + " " + path;
        }
    }

    record Outcome(String operation, String request, int status, String contentType, String code, String body) {
    }

    @Test
    @DisplayName("thousands of malformed, oversized, wrongly typed and boundary requests to every endpoint: no 5xx, "
            + "every 4xx a problem+json with a code, no write accepted, no row written")
    void fuzzEveryEndpoint() throws Exception {
        JsonNode doc = JSON.readTree(given().baseUri(Suite.get().gatewayUrl()).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        assertThat(doc.path("info").path("x-hkmo-services").toString()).doesNotContain("missing");
        List<Operation> operations = operations(doc);
        assertThat(operations).hasSizeGreaterThan(40);
        String fuzzer = Citizens.create("fuzzer", 1).get(0).token();

        Db.noHoldLapsingWithin(Duration.ofMinutes(2));
        Map<String, Long> before = Db.atRest(BadInputIT::snapshot);
        Random random = new Random(SEED);
        List<Supplier<Outcome>> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation op = operations.get(i % operations.size());
            long seed = random.nextLong();
            requests.add(() -> send(doc, op, new Random(seed), fuzzer));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Future<Outcome>> futures = new ArrayList<>();
        requests.forEach(r -> futures.add(pool.submit(r::get)));
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byCode = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        DeclaredProblems declared = DeclaredProblems.of(doc);
        for (Outcome o : outcomes) {
            byStatus.merge(Integer.toString(o.status()), 1, Integer::sum);
            declared.observe(o.operation(), o.status(), o.contentType(), o.code());
            String ct = o.contentType() == null ? "" : o.contentType();
            if (o.status() >= 500) {
                failures.add("5xx: " + describe(o));
            } else if (o.status() >= 400) {
                String code = ct.startsWith("application/problem+json") ? o.code() : null;
                if (code == null || code.isBlank()) {
                    failures.add("4xx without a problem+json code: " + describe(o));
                } else {
                    byCode.merge(code, 1, Integer::sum);
                }
            } else if (o.status() / 100 == 2 && !o.operation().startsWith("GET") && !QUERIES.contains(o.operation())
                    && !SETTINGS.contains(o.operation())) {
                failures.add("write accepted: " + describe(o));
            }
        }
        Map<String, Long> after = Db.atRest(BadInputIT::snapshot);
        List<String> changed = new ArrayList<>();
        before.forEach((table, rows) -> {
            if (!AUDIT_TABLES.contains(table) && !rows.equals(after.get(table))) {
                changed.add(table + ": " + rows + " -> " + after.get(table));
            }
        });
        Suite.log("[fuzz] " + outcomes.size() + " requests over " + operations.size() + " operations in " + seconds
                + " s (seed " + SEED + "): statuses " + byStatus + "; codes " + byCode);
        assertThat(failures).as("answers to bad input (first 30 of %d)", failures.size())
                .satisfies(f -> assertThat(f.subList(0, Math.min(30, f.size()))).isEmpty());
        assertThat(changed).as("rows written by rejected requests").isEmpty();
        assertThat(declared.undeclared()).as("problem answers (operation, status, code) the published OpenAPI document "
                + "does not declare, of %d seen", declared.observations()).isEmpty();
    }

    /** Integer arithmetic at its edges: the int and long limits and one past them, signs, a page whose offset overflows. */
    static final List<String> INTEGER_EDGES = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483648",
            "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "21474837", "1e3", "1.5",
            "+1", "00001", "0x10");

    @Test
    @DisplayName("every numeric query and path parameter of every operation, at every integer edge (and page × size "
            + "past the int range): no 5xx, every 4xx a problem+json with a code")
    void everyNumericParameterAtTheIntegerEdges() throws Exception {
        JsonNode doc = JSON.readTree(given().baseUri(Suite.get().gatewayUrl()).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        String fuzzer = Citizens.create("edges", 1).get(0).token();
        List<String> failures = new ArrayList<>();
        DeclaredProblems declared = DeclaredProblems.of(doc);
        int requests = 0;
        Set<String> parameters = new java.util.TreeSet<>();
        for (Operation op : operations(doc)) {
            if (!op.method().equals("GET") && !op.method().equals("PUT")) {
                continue; // a numeric parameter of a POST or DELETE would write with a valid value; reads and the idempotent PUT do not
            }
            List<JsonNode> numeric = new ArrayList<>();
            op.op().path("parameters").forEach(p -> {
                String type = p.path("schema").path("type").asText();
                if (Set.of("query", "path").contains(p.path("in").asText()) && Set.of("integer", "number").contains(type)) {
                    numeric.add(p);
                }
            });
            for (JsonNode param : numeric) {
                String name = param.path("name").asText();
                parameters.add(op.name() + " " + name);
                for (String edge : INTEGER_EDGES) {
                    String path = op.path();
                    RequestSpecification spec = given().baseUri(Suite.get().gatewayUrl()).urlEncodingEnabled(true);
                    String token = tokenFor(op, fuzzer);
                    if (token != null) {
                        spec = spec.auth().oauth2(token);
                    }
                    if ("path".equals(param.path("in").asText())) {
                        path = path.replace("{" + name + "}", java.net.URLEncoder.encode(edge, StandardCharsets.UTF_8));
                    } else {
                        spec = spec.queryParam(name, edge);
                        if (name.equals("page")) {
                            spec = spec.queryParam("size", "100");
                        }
                    }
                    path = path.replaceAll("\\{[^}]+}", "X1");
                    if (op.method().equals("PUT")) {
                        spec = spec.contentType("application/json").body("{}");
                    }
                    Response r = spec.request(op.method(), path);
                    requests++;
                    String ct = r.contentType() == null ? "" : r.contentType();
                    declared.observe(op.name(), r.statusCode(), ct, ct.startsWith("application/problem+json") ? r.path("code") : null);
                    if (r.statusCode() >= 500) {
                        failures.add("5xx: " + op.method() + " " + path + " " + name + "=" + edge + " -> " + abbreviate(r.asString(), 200));
                    } else if (r.statusCode() >= 400 && (!ct.startsWith("application/problem+json") || r.path("code") == null)) {
                        failures.add("4xx without a code: " + op.method() + " " + path + " " + name + "=" + edge);
                    } else if (r.statusCode() / 100 == 2 && op.method().equals("PUT")) {
                        failures.add("write accepted: PUT " + path + " " + name + "=" + edge);
                    }
                }
            }
        }
        Suite.log("[integer edges] " + requests + " requests over " + parameters.size() + " numeric parameters: " + parameters);
        assertThat(parameters).as("numeric parameters found in the document").hasSizeGreaterThan(5);
        assertThat(failures).as("answers at the integer edges").isEmpty();
        assertThat(declared.undeclared()).as("problem answers the published OpenAPI document does not declare").isEmpty();
    }

    @Test
    @DisplayName("every enum, date and UUID query or path parameter of every read, given a value not of its type: 400 "
            + "VALIDATION_FAILED naming the parameter and what it accepts, in the caller's language")
    void everyTypedParameterNamesItselfWhenNotOfItsType() throws Exception {
        JsonNode doc = JSON.readTree(given().baseUri(Suite.get().gatewayUrl()).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        String citizen = Citizens.create("typed", 1).get(0).token();
        List<String> failures = new ArrayList<>();
        Set<String> parameters = new java.util.TreeSet<>();
        for (Operation op : operations(doc)) {
            if (!op.method().equals("GET")) {
                continue;
            }
            for (JsonNode param : op.op().path("parameters")) {
                JsonNode schema = resolve(doc, param.path("schema"));
                String in = param.path("in").asText();
                if (!Set.of("query", "path").contains(in)
                        || !(schema.has("enum") || Set.of("date", "uuid").contains(schema.path("format").asText()))) {
                    continue;
                }
                String name = param.path("name").asText();
                parameters.add(op.name() + " " + name);
                RequestSpecification spec = given().baseUri(Suite.get().gatewayUrl()).header("Accept-Language", "en");
                String token = tokenFor(op, citizen);
                if (token != null) {
                    spec = spec.auth().oauth2(token);
                }
                String path = op.path();
                if (in.equals("path")) {
                    path = path.replace("{" + name + "}", "NO_SUCH_VALUE");
                } else {
                    spec = spec.queryParam(name, "NO_SUCH_VALUE");
                }
                Response r = spec.get(path.replaceAll("\\{[^}]+}", "X1"));
                String expected = schema.has("enum") ? "NOT_ONE_OF" : "INVALID_FORMAT";
                String answer = op.name() + " " + name + "=NO_SUCH_VALUE -> " + r.statusCode() + " " + abbreviate(r.asString(), 300);
                if (r.statusCode() != 400 || !"VALIDATION_FAILED".equals(r.path("code"))
                        || !List.of(name).equals(r.path("violations.field")) || !expected.equals(r.path("violations[0].code"))) {
                    failures.add(answer);
                    continue;
                }
                String message = r.path("violations[0].message");
                schema.path("enum").forEach(value -> {
                    if (!message.contains(value.asText())) {
                        failures.add(answer + " (does not name " + value.asText() + ")");
                    }
                });
            }
        }
        Suite.log("[typed parameters] " + parameters.size() + " parameters: " + parameters);
        assertThat(parameters).as("typed parameters found in the document").hasSizeGreaterThan(5);
        assertThat(failures).as("answers to a parameter not of its type").isEmpty();
    }

    // ------------------------------------------------------------------ the document

    static List<Operation> operations(JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = doc.path("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> method = m.next();
                String verb = method.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)) {
                    continue;
                }
                JsonNode body = method.getValue().path("requestBody").path("content");
                JsonNode schema = body.has("application/json") ? body.path("application/json").path("schema") : null;
                ops.add(new Operation(verb, path.getKey(), method.getValue(), schema));
            }
        }
        return ops;
    }

    // ------------------------------------------------------------------ one request

    private static final String[] BAD_STRINGS = {"", " ", "0", "-1", "99999999999999999999999", "1e309", "NaN", "null",
            "true", "../../../../etc/passwd", "..%2f..%2f", "%00", "\u0000", "' OR '1'='1' --", "\"; drop table booking; --",
            "<script>alert(1)</script>", "😀😀😀", "ａｂｃ全角", "\u202e", "${jndi:ldap://127.0.0.1/x}", "%s%s%s%n",
            "2026-13-45", "2026-02-30", "25:61", "-2147483649", "2147483648", "9223372036854775808", "A".repeat(300),
            "110105199003071238", "11010519900307123X", "1101051990030712", "BJ-CHAOYANG", "HK", "G", "Z".repeat(5000)};

    private static Outcome send(JsonNode doc, Operation op, Random r, String fuzzer) {
        String path = fillPath(op, r);
        StringBuilder request = new StringBuilder(op.method()).append(' ').append(path);
        RequestSpecification spec = given().baseUri(Suite.get().gatewayUrl())
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .urlEncodingEnabled(true);
        // who: usually a caller allowed on the path, sometimes nobody, sometimes a garbage token
        int who = r.nextInt(20);
        if (who == 0) {
            spec = spec.header("Authorization", "Bearer " + pick(r, BAD_STRINGS).replaceAll("[\\r\\n\\u0000]", ""));
            request.append(" [garbage token]");
        } else if (who == 1) {
            request.append(" [anonymous]");
        } else {
            String token = tokenFor(op, fuzzer);
            if (token != null) {
                spec = spec.auth().oauth2(token);
            }
        }
        // query parameters: declared ones with bad values, plus an unknown one
        for (JsonNode param : op.op().path("parameters")) {
            if ("query".equals(param.path("in").asText()) && r.nextBoolean()) {
                String v = pick(r, BAD_STRINGS);
                spec = spec.queryParam(param.path("name").asText(), v);
                request.append(" ?").append(param.path("name").asText()).append('=').append(abbreviate(v, 40));
            }
        }
        if (r.nextInt(10) == 0) {
            spec = spec.queryParam("page", pick(r, BAD_STRINGS)).queryParam("size", "1000000000");
        }
        // headers
        if (!op.method().equals("GET") && r.nextInt(3) == 0) {
            spec = spec.header("Idempotency-Key", r.nextBoolean() ? Api.newKey() : pick(r, BAD_STRINGS).replaceAll("[\\r\\n\\u0000]", ""));
        }
        if (r.nextInt(15) == 0) {
            spec = spec.header("X-Request-Id", "x".repeat(2000));
        }
        if (r.nextInt(15) == 0) {
            spec = spec.header("Accept-Language", r.nextBoolean() ? "en" : "xx-YY;q=abc");
        }
        // body
        if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            String[] body = body(doc, op, r);
            spec = spec.contentType(body[0]).body(body[1]);
            request.append(" body(").append(body[0]).append(", ").append(body[1].length()).append(" chars): ")
                    .append(abbreviate(body[1], 200));
        }
        Response resp;
        try {
            resp = spec.request(op.method(), path);
        } catch (Exception e) {
            if (request.toString().contains("{\"x\":\"AAAAAAAA") && e instanceof java.net.SocketException) {
                // the gateway answered 413 on the Content-Length and closed before the 1.2 MB body was written
                return new Outcome(op.name(), request.toString(), 413, "application/problem+json", "PAYLOAD_TOO_LARGE (closed)", "");
            }
            return new Outcome(op.name(), request.toString(), 599, "client error", null, e.toString());
        }
        String text = resp.asString();
        String code = null;
        if (resp.contentType() != null && resp.contentType().startsWith("application/problem+json")) {
            try {
                code = JSON.readTree(text).path("code").asText(null);
            } catch (Exception e) {
                code = null;
            }
        }
        return new Outcome(op.name(), request.toString(), resp.statusCode(), resp.contentType(), code, abbreviate(text, 500));
    }

    private static String fillPath(Operation op, Random r) {
        String path = op.path();
        while (path.contains("{")) {
            int a = path.indexOf('{');
            int b = path.indexOf('}', a);
            String v = pick(r, BAD_STRINGS);
            if (v.isEmpty() || v.contains("/") || v.contains("%")) {
                v = "X" + r.nextInt(1000);
            }
            path = path.substring(0, a) + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20") + path.substring(b + 1);
        }
        return path;
    }

    /** Media type and text of a bad body for the operation. */
    private static String[] body(JsonNode doc, Operation op, Random r) {
        int kind = r.nextInt(14);
        switch (kind) {
            case 0:
                return new String[]{"application/json", "{\"unterminated\": "};
            case 1:
                return new String[]{"application/json", pick(r, new String[]{"[]", "null", "42", "\"text\"", "true", "{}", ""})};
            case 2:
                return new String[]{"text/plain", "hello"};
            case 3:
                return new String[]{"application/xml", "<booking><hallId>BJ</hallId></booking>"};
            case 4: {
                // deeply nested
                int depth = 2000;
                return new String[]{"application/json", "[".repeat(depth) + "]".repeat(depth)};
            }
            case 5: {
                // oversized: above the gateway's 1 MB limit
                return new String[]{"application/json", "{\"x\":\"" + "A".repeat(1_200_000) + "\"}"};
            }
            case 6:
                return new String[]{"application/json; charset=ISO-8859-1", "{\"name\":\"\u00ff\u00fe\"}"};
            default: {
                ObjectNode valid = op.bodySchema() == null ? NODES.objectNode() : asObject(example(doc, op.bodySchema(), r, 0));
                ObjectNode bad = mutate(doc, op.bodySchema(), valid, r);
                return new String[]{"application/json", bad.toString()};
            }
        }
    }

    private static ObjectNode asObject(JsonNode n) {
        return n instanceof ObjectNode o ? o : NODES.objectNode();
    }

    /** One or more defects in a body that follows the schema: wrong types, boundaries, huge values, nulls, unknown fields. */
    private static ObjectNode mutate(JsonNode doc, JsonNode schema, ObjectNode body, Random r) {
        ObjectNode out = body.deepCopy();
        List<String> fields = new ArrayList<>();
        out.fieldNames().forEachRemaining(fields::add);
        int defects = 1 + r.nextInt(3);
        for (int i = 0; i < defects; i++) {
            if (fields.isEmpty() || r.nextInt(8) == 0) {
                out.set("unexpected" + r.nextInt(5), wrongValue(r));
                continue;
            }
            String field = fields.get(r.nextInt(fields.size()));
            switch (r.nextInt(4)) {
                case 0 -> out.remove(field);
                case 1 -> out.putNull(field);
                default -> out.set(field, wrongValue(r));
            }
        }
        return out;
    }

    private static JsonNode wrongValue(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> NODES.numberNode(Long.MAX_VALUE);
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.arrayNode().add("x").add(1);
            case 5 -> NODES.objectNode().put("nested", "x");
            case 6 -> NODES.textNode("x".repeat(100_000));
            case 7 -> NODES.textNode("");
            case 8 -> NODES.numberNode(0.5);
            case 9 -> NODES.numberNode(Integer.MIN_VALUE);
            case 10 -> NODES.textNode("2026-02-30");
            default -> NODES.textNode(BAD_STRINGS[r.nextInt(BAD_STRINGS.length)]);
        };
    }

    /** A plausible value for a schema (enum values, formats), so the defects are what the service sees. */
    static JsonNode example(JsonNode doc, JsonNode schema, Random r, int depth) {
        schema = resolve(doc, schema);
        if (depth > 5 || schema == null || schema.isMissingNode()) {
            return NODES.textNode("x");
        }
        if (schema.has("allOf")) {
            return example(doc, schema.path("allOf").get(0), r, depth + 1);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(r.nextInt(schema.path("enum").size()));
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> f = schema.path("properties").fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = f.next();
                    o.set(e.getKey(), example(doc, e.getValue(), r, depth + 1));
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                a.add(example(doc, schema.path("items"), r, depth + 1));
                return a;
            }
            case "integer":
                return NODES.numberNode(1 + r.nextInt(100));
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(r.nextBoolean());
            default: {
                String format = schema.path("format").asText("");
                return switch (format) {
                    // in the past: a body that slips through every defect still cannot add a fee version or book
                    case "date" -> NODES.textNode("2000-01-03");
                    case "date-time" -> NODES.textNode("2000-01-03T10:00:00+08:00");
                    case "local-time" -> NODES.textNode("09:00:00");
                    default -> NODES.textNode(schema.has("pattern") ? "110105" : "x");
                };
            }
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        int hops = 0;
        while (schema != null && schema.has("$ref") && hops++ < 10) {
            String ref = schema.path("$ref").asText();
            JsonNode target = doc;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part);
            }
            schema = target;
        }
        return schema;
    }

    /** A token of a caller allowed on the path, so the request reaches the service's validation. */
    private static String tokenFor(Operation op, String fuzzer) {
        String p = op.path();
        String m = op.method();
        if (p.startsWith("/api/v1/admin") || (p.equals("/api/v1/fees/schedule") && m.equals("POST"))) {
            return Tokens.of("admin");
        }
        if (p.startsWith("/api/v1/officer") || p.startsWith("/api/v1/intake/bookings") || p.endsWith("/counter-payments")
                || p.endsWith("/refunds") || p.contains("/refunds/") || p.equals("/api/v1/fees/orders/hall")
                || p.endsWith("/collection") || p.endsWith("/ready-for-collection")) {
            return Tokens.of("officer.bj");
        }
        if (p.startsWith("/api/v1/courier")) {
            return Tokens.courier();
        }
        if (p.endsWith("/review-queue") || p.endsWith("/approval") || (p.endsWith("/refusal") && m.equals("POST"))) {
            return Tokens.of("reviewer.bj");
        }
        if (p.endsWith("/overdue") || p.endsWith("/near-deadline") || p.endsWith("/extension")) {
            return Tokens.of("supervisor");
        }
        if (p.equals("/api/v1/fees/alipay/notify")) {
            return null;
        }
        return fuzzer;
    }

    // ------------------------------------------------------------------ no partial writes

    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String db : Db.SERVICE_DATABASES) {
            for (String table : Db.tables(db)) {
                counts.put(db + "." + table, Db.count(db, "select count(*) from " + table));
            }
        }
        return counts;
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String describe(Outcome o) {
        return o.request() + " -> " + o.status() + " " + o.contentType() + " " + o.body();
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) + "...(" + s.length() + ")" : s;
    }

}
