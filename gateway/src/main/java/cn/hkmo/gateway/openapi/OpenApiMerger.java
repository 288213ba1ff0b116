package cn.hkmo.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into the one public document: only the {@code /api/v1} paths a
 * service owns at the gateway, one OIDC security scheme, component names kept apart where two services use the
 * same name for different things, and the gateway's own problem answers added to each operation's. Plain functions,
 * so they are unit-tested without a container.
 */
public final class OpenApiMerger {

    public static final String SECURITY_SCHEME = "oidc";
    private static final String[] COMPONENT_KINDS = { "schemas", "responses", "parameters", "examples", "requestBodies",
            "headers", "links", "callbacks" };

    /** A service's document, or empty when it could not be fetched. */
    public record ServiceDocument(String service, Predicate<String> ownsPath, Optional<JsonObject> document) {
    }

    /** A problem the gateway answers for an operation itself (EdgeProblems): its code, status and English title. */
    public record EdgeProblem(String code, int status, String title) {
    }

    /** The gateway's own problems for an operation, by HTTP method and path template. */
    @FunctionalInterface
    public interface EdgeAnswers {
        List<EdgeProblem> of(String method, String path);
    }

    /** Where the services' documents (the kit's ProblemResponsesFilter) list an answer's codes. */
    static final String CODES_EXTENSION = "x-error-codes";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String TYPE_BASE = "https://hkmo.cn/problems/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiMerger() {
    }

    public static JsonObject merge(Iterable<ServiceDocument> documents, Optional<String> openIdConnectUrl,
                                   EdgeAnswers edge) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        JsonObject status = new JsonObject();
        String openapiVersion = "3.0.3";

        for (ServiceDocument source : documents) {
            if (source.document().isEmpty()) {
                status.put(source.service(), "missing");
                continue;
            }
            status.put(source.service(), "ok");
            JsonObject document = source.document().get().copy();
            openapiVersion = document.getString("openapi", openapiVersion);
            renameClashingComponents(source.service(), document, components);
            mergeComponents(document.getJsonObject("components", new JsonObject()), components);
            JsonObject servicePaths = document.getJsonObject("paths", new JsonObject());
            for (String path : servicePaths.fieldNames()) {
                // A service documenting a path the gateway routes elsewhere would only mislead.
                if (path.startsWith("/api/v1/") && source.ownsPath().test(path)) {
                    paths.put(path, withEdgeProblems(path, withGatewaySecurity(servicePaths.getJsonObject(path)), edge));
                }
            }
            JsonArray serviceTags = document.getJsonArray("tags", new JsonArray());
            for (int i = 0; i < serviceTags.size(); i++) {
                JsonObject tag = serviceTags.getJsonObject(i);
                if (tags.stream().noneMatch(existing -> tag.getString("name").equals(((JsonObject) existing).getString("name")))) {
                    tags.add(tag);
                }
            }
        }

        JsonObject scheme = new JsonObject().put("type", "openIdConnect")
                .put("description", "Keycloak realm hkmo; access tokens must have audience hkmo-api.");
        openIdConnectUrl.ifPresent(url -> scheme.put("openIdConnectUrl", url));
        components.put("securitySchemes", new JsonObject().put(SECURITY_SCHEME, scheme));

        return new JsonObject()
                .put("openapi", openapiVersion)
                .put("info", new JsonObject()
                        .put("title", "港澳通行证 出入境在线服务 API / Exit-Entry Permit for Travelling to and from Hong Kong and Macao")
                        .put("version", "v1")
                        .put("description", "One public API through the gateway. Services whose document could not be"
                                + " fetched are listed as missing in x-hkmo-services; their paths are absent until they answer.")
                        .put("x-hkmo-services", status))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", components);
    }

    /** Operations keep their scopes/roles but reference the gateway's single scheme, whatever the service called its own. */
    private static JsonObject withGatewaySecurity(JsonObject pathItem) {
        for (String method : pathItem.fieldNames()) {
            if (!(pathItem.getValue(method) instanceof JsonObject operation) || !operation.containsKey("security")) {
                continue;
            }
            JsonArray requirements = new JsonArray();
            for (int i = 0; i < operation.getJsonArray("security").size(); i++) {
                JsonObject original = operation.getJsonArray("security").getJsonObject(i);
                if (original.isEmpty()) {
                    requirements.add(original); // "{}" marks anonymous access as allowed
                    continue;
                }
                JsonArray scopes = new JsonArray();
                for (String scheme : original.fieldNames()) {
                    original.getJsonArray(scheme).forEach(scope -> {
                        if (!scopes.contains(scope)) {
                            scopes.add(scope);
                        }
                    });
                }
                requirements.add(new JsonObject().put(SECURITY_SCHEME, scopes));
            }
            operation.put("security", requirements);
        }
        return pathItem;
    }

    /**
     * Adds the gateway's own problems to each operation's answers, in the services' form: under its status, the code
     * in {@value #CODES_EXTENSION} and in the answer's {@code code} enum, an answer of its own where the service has
     * none for that status.
     */
    private static JsonObject withEdgeProblems(String path, JsonObject pathItem, EdgeAnswers edge) {
        for (String method : pathItem.fieldNames()) {
            if (!METHODS.contains(method) || !(pathItem.getValue(method) instanceof JsonObject operation)) {
                continue;
            }
            JsonObject responses = operation.getJsonObject("responses");
            if (responses == null) {
                responses = new JsonObject();
                operation.put("responses", responses);
            }
            for (EdgeProblem problem : edge.of(method, path)) {
                addCode(responses, path, problem);
            }
        }
        return pathItem;
    }

    private static void addCode(JsonObject responses, String path, EdgeProblem problem) {
        String status = Integer.toString(problem.status());
        JsonObject answer = responses.getJsonObject(status);
        if (answer == null || !answer.containsKey(CODES_EXTENSION)) {
            JsonObject example = new JsonObject().put("type", TYPE_BASE + problem.code().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("title", problem.title()).put("status", problem.status()).put("detail", problem.title())
                    .put("instance", path).put("code", problem.code());
            JsonObject schema = new JsonObject().put("allOf", new JsonArray()
                    .add(new JsonObject().put("$ref", PROBLEM_REF))
                    .add(new JsonObject().put("type", "object").put("properties", new JsonObject()
                            .put("code", new JsonObject().put("type", "string").put("enum", new JsonArray())))));
            answer = new JsonObject()
                    .put("description", answer == null ? "" : answer.getString("description", ""))
                    .put(CODES_EXTENSION, new JsonArray())
                    .put("content", new JsonObject().put(PROBLEM_JSON, new JsonObject().put("schema", schema).put("example", example)));
            responses.put(status, answer);
        }
        JsonArray codes = answer.getJsonArray(CODES_EXTENSION);
        if (codes.contains(problem.code())) {
            return;
        }
        codes.add(problem.code());
        answer.getJsonObject("content").getJsonObject(PROBLEM_JSON).getJsonObject("schema").getJsonArray("allOf")
                .getJsonObject(1).getJsonObject("properties").getJsonObject("code").getJsonArray("enum").add(problem.code());
        String description = answer.getString("description", "");
        if (!description.contains(problem.code())) {
            answer.put("description", (description.isEmpty() ? "" : description + "; ") + problem.code() + ": " + problem.title());
        }
    }

    private static void renameClashingComponents(String service, JsonObject document, JsonObject merged) {
        JsonObject own = document.getJsonObject("components");
        if (own == null) {
            return;
        }
        own.remove("securitySchemes"); // replaced by the gateway's single scheme
        Map<String, String> renamedRefs = new LinkedHashMap<>();
        // Until nothing clashes: renaming a component changes the components that refer to it (a Page<BookingView>
        // that read the same as another service's before its BookingView was renamed), which may clash in turn.
        boolean renamedAny;
        do {
            renamedAny = false;
            for (String kind : COMPONENT_KINDS) {
                JsonObject ownKind = own.getJsonObject(kind);
                JsonObject mergedKind = merged.getJsonObject(kind);
                if (ownKind == null || mergedKind == null) {
                    continue;
                }
                for (String name : ownKind.fieldNames().toArray(String[]::new)) {
                    if (mergedKind.containsKey(name) && !mergedKind.getValue(name).equals(ownKind.getValue(name))) {
                        String renamed = service + "_" + name;
                        ownKind.put(renamed, ownKind.remove(name));
                        renamedRefs.put("#/components/" + kind + "/" + name, "#/components/" + kind + "/" + renamed);
                        renamedAny = true;
                    }
                }
            }
            if (renamedAny) {
                rewriteRefs(document, renamedRefs);
            }
        } while (renamedAny);
    }

    private static void rewriteRefs(Object node, Map<String, String> renamedRefs) {
        if (node instanceof JsonObject object) {
            for (String key : object.fieldNames().toArray(String[]::new)) {
                Object value = object.getValue(key);
                if ("$ref".equals(key) && value instanceof String ref && renamedRefs.containsKey(ref)) {
                    object.put(key, renamedRefs.get(ref));
                } else {
                    rewriteRefs(value, renamedRefs);
                }
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                rewriteRefs(array.getValue(i), renamedRefs);
            }
        }
    }

    private static void mergeComponents(JsonObject own, JsonObject merged) {
        for (String kind : COMPONENT_KINDS) {
            JsonObject ownKind = own.getJsonObject(kind);
            if (ownKind == null) {
                continue;
            }
            if (!merged.containsKey(kind)) {
                merged.put(kind, new JsonObject());
            }
            JsonObject mergedKind = merged.getJsonObject(kind);
            ownKind.fieldNames().forEach(name -> mergedKind.put(name, ownKind.getValue(name)));
        }
    }
}
