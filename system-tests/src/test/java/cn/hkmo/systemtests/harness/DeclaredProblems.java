package cn.hkmo.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The problem answers each operation declares in a published OpenAPI document (per status, its codes in
 * {@code x-error-codes}), and the answers the tests observed: every observed (operation, status, code) must be declared,
 * so the contract's declarations are proven true by the tests that meet real problems. Thread-safe: the fuzzer records
 * from its pool.
 */
public final class DeclaredProblems {

    public static final String CODES_EXTENSION = "x-error-codes";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** Operation ("GET /api/v1/bookings/{no}") to status to declared codes. */
    private final Map<String, Map<Integer, Set<String>>> declared = new TreeMap<>();
    private final Map<Pattern, String> templates = new java.util.LinkedHashMap<>();
    private final Set<String> observed = new ConcurrentSkipListSet<>();

    private DeclaredProblems(JsonNode document) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            // a literal segment wins over a parameter: /bookings/review before /bookings/{no}
            templates.put(Pattern.compile(path.getKey().replace(".", "\\.").replaceAll("\\{[^}]+}", "[^/]+")), path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Map<Integer, Set<String>> byStatus = new TreeMap<>();
                op.getValue().path("responses").fields().forEachRemaining(answer -> {
                    Set<String> codes = new TreeSet<>();
                    answer.getValue().path(CODES_EXTENSION).forEach(code -> codes.add(code.asText()));
                    if (answer.getKey().matches("\\d{3}")) {
                        byStatus.put(Integer.parseInt(answer.getKey()), codes);
                    }
                });
                declared.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), byStatus);
            }
        }
    }

    /**
     * The declarations of the document the running gateway publishes, once every service's part is in it (a service
     * whose document the gateway could not fetch yet is retried by it after 5 s).
     */
    public static DeclaredProblems published() {
        JsonNode document = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .until(() -> JSON.readTree(given().baseUri(Suite.get().gatewayUrl()).get("/q/openapi?format=json")
                                .then().statusCode(200).extract().asString()),
                        doc -> !doc.path("info").path("x-hkmo-services").toString().contains("missing"));
        return new DeclaredProblems(document);
    }

    /** The declarations of a document's text (JSON or YAML). */
    public static DeclaredProblems of(JsonNode document) {
        return new DeclaredProblems(document);
    }

    public Map<String, Map<Integer, Set<String>>> operations() {
        return declared;
    }

    /** The operation a request went to: "POST /api/v1/bookings/{no}/cancel" for POST /api/v1/bookings/B1/cancel?x=1. */
    public Optional<String> operationOf(String method, String requestPath) {
        String path = requestPath.replaceFirst("[?#].*$", "");
        String verb = method.toUpperCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        templates.forEach((pattern, template) -> {
            if (pattern.matcher(path).matches() && declared.containsKey(verb + " " + template)) {
                matches.add(template);
            }
        });
        // the most literal template: fewest parameters
        return matches.stream().min(java.util.Comparator.comparingInt(t -> t.split("\\{").length))
                .map(t -> verb + " " + t);
    }

    /** Records a problem answer of {@code operation} ("METHOD /template"); other answers are ignored. */
    public void observe(String operation, int status, String contentType, String code) {
        if (status >= 400 && contentType != null && contentType.startsWith("application/problem+json") && code != null) {
            observed.add(operation + " " + status + " " + code.split(" ")[0]); // a code is one word; a note may follow
        }
    }

    /** Records the answer to a request by its concrete method and path. */
    public void observeRequest(String method, String requestPath, int status, String contentType, String code) {
        observe(operationOf(method, requestPath).orElse(method + " " + requestPath + " (no operation)"), status,
                contentType, code);
    }

    /** What was observed and is not declared: "GET /api/v1/x 404 SOME_CODE", sorted. */
    public List<String> undeclared() {
        List<String> missing = new ArrayList<>();
        for (String seen : observed) {
            int statusAt = seen.lastIndexOf(' ', seen.lastIndexOf(' ') - 1);
            String operation = seen.substring(0, statusAt);
            String[] statusAndCode = seen.substring(statusAt + 1).split(" ");
            Set<String> codes = declared.getOrDefault(operation, Map.of()).get(Integer.parseInt(statusAndCode[0]));
            if (codes == null || !codes.contains(statusAndCode[1])) {
                missing.add(seen);
            }
        }
        return missing;
    }

    public int observations() {
        return observed.size();
    }
}
