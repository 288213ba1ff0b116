package cn.hkmo.kit.problem.openapi;

import cn.hkmo.kit.idempotency.IdempotencyKeys;
import cn.hkmo.kit.problem.ErrorCode;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.ProblemMessages;
import cn.hkmo.kit.problem.Raises;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.model.Extensions;
import io.smallrye.openapi.runtime.util.JandexUtil;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Declares every operation's problem answers in the service's OpenAPI document, at build time: for each status it
 * can answer, {@code application/problem+json} with the shared {@code Problem} schema narrowed to the codes it can
 * carry ({@code code} enum), the same codes as {@value #CODES_EXTENSION}, their English titles, and an example. The
 * codes are the operation's {@link Raises} and what every operation of its kind answers ({@link ProblemAnswers});
 * statuses come from the error enums, so the contract cannot disagree with the answers. Fails the build on a
 * {@code @Raises} name no enum holds, a name two enums give different statuses, a {@code @Raises} method that is no
 * operation, or an error answer declared by hand without a code.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    public static final String CODES_EXTENSION = "x-error-codes";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String VIOLATION_SCHEMA = "Violation";
    private static final DotName RAISES = DotName.createSimple(Raises.class.getName());
    private static final DotName ERROR_CODE = DotName.createSimple(ErrorCode.class.getName());
    /** Quarkus's own descriptions of the answers it adds (auto-security, auto bad request): replaced by the codes'. */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    private final Map<String, ErrorCode> codes;
    /** Method reference (smallrye's, as on the operation) to the codes its {@code @Raises} and its class's name. */
    private final Map<String, List<ErrorCode>> declared = new HashMap<>();
    /** Each method-level {@code @Raises}, by its method references, to prove it reached an operation. */
    private final Map<String, Set<String>> raisingMethods = new LinkedHashMap<>();
    private final ProblemMessages messages = new ProblemMessages();
    /** The application's class loader at build time (the kit's own cannot see the service's enums and bundles). */
    private final ClassLoader application;

    public ProblemResponsesFilter(IndexView index) {
        this.application = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                getClass().getClassLoader());
        this.codes = errorCodes(index, application);
        for (AnnotationInstance raises : index.getAnnotations(RAISES)) {
            List<ErrorCode> named = Arrays.stream(raises.value().asStringArray()).map(this::code).toList();
            if (raises.target().kind() == AnnotationTarget.Kind.METHOD) {
                MethodInfo method = raises.target().asMethod();
                Set<String> refs = methodRefs(index, method.declaringClass(), method);
                refs.forEach(ref -> declared.computeIfAbsent(ref, r -> new ArrayList<>()).addAll(0, named));
                raisingMethods.put(method.declaringClass().name() + "#" + method.name(), refs);
            } else if (raises.target().kind() == AnnotationTarget.Kind.CLASS) {
                ClassInfo type = raises.target().asClass();
                for (MethodInfo method : type.methods()) {
                    methodRefs(index, type, method).forEach(ref -> declared.computeIfAbsent(ref, r -> new ArrayList<>()).addAll(named));
                }
            }
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(application); // the service's message bundles
        try {
            declareAll(openAPI);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private void declareAll(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, ProblemSchemas.problem("#/components/schemas/" + VIOLATION_SCHEMA));
        openAPI.getComponents().addSchema(VIOLATION_SCHEMA, ProblemSchemas.violation());
        Set<String> reached = new HashSet<>();
        List<String> defects = new ArrayList<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                String ref = Extensions.getMethodRef(operation);
                if (ref != null) {
                    reached.add(ref);
                }
                List<ErrorCode> own = ref == null ? List.of() : declared.getOrDefault(ref, List.of());
                declare(path, method + " " + path, operation, ProblemAnswers.of(kind(item, operation), own), defects);
            }));
        }
        raisingMethods.forEach((method, refs) -> {
            if (refs.stream().noneMatch(reached::contains)) {
                defects.add("@Raises on " + method + ", which is no operation of the document");
            }
        });
        if (!defects.isEmpty()) {
            throw new IllegalStateException("problem answers of the OpenAPI document: " + String.join("; ", defects));
        }
    }

    private void declare(String path, String name, Operation operation, SortedMap<Integer, Set<ErrorCode>> answers,
                         List<String> defects) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().keySet().stream()
                    .filter(status -> status.matches("[45]\\d\\d") && !answers.containsKey(Integer.parseInt(status)))
                    .forEach(status -> defects.add(name + " declares " + status + " but raises no code with that status"));
        }
        answers.forEach((status, statusCodes) -> {
            // Always a new answer: Quarkus gives every secured operation the same 401 and 403 instances.
            APIResponse declared = responses.getAPIResponse(status.toString());
            APIResponse response = OASFactory.createAPIResponse();
            if (declared != null) {
                response.setHeaders(declared.getHeaders());
            }
            List<String> names = statusCodes.stream().map(ErrorCode::code).toList();
            String description = declared == null ? null : declared.getDescription();
            response.setDescription(description == null || GENERIC_DESCRIPTIONS.contains(description)
                    ? statusCodes.stream().map(c -> c.code() + ": " + title(c)).collect(Collectors.joining("; "))
                    : description);
            responses.addAPIResponse(status.toString(), response);
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(ProblemSchemas.answer("#/components/schemas/" + PROBLEM_SCHEMA, names))
                    .example(example(path, statusCodes.iterator().next()))));
            response.addExtension(CODES_EXTENSION, new ArrayList<>(names));
        });
    }

    private static ProblemAnswers.OperationKind kind(PathItem item, Operation operation) {
        List<Parameter> parameters = Stream.concat(
                        item.getParameters() == null ? Stream.empty() : item.getParameters().stream(),
                        operation.getParameters() == null ? Stream.empty() : operation.getParameters().stream())
                .filter(p -> p.getIn() != null).toList();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                && operation.getSecurity().stream().allMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
        boolean answersContent = operation.getResponses() != null && operation.getResponses().getAPIResponses() != null
                && operation.getResponses().getAPIResponses().entrySet().stream().anyMatch(e -> e.getKey().startsWith("2")
                && e.getValue().getContent() != null && e.getValue().getContent().getMediaTypes() != null
                && !e.getValue().getContent().getMediaTypes().isEmpty());
        return new ProblemAnswers.OperationKind(
                secured,
                operation.getRequestBody() != null,
                !parameters.isEmpty(),
                parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                        && IdempotencyKeys.HEADER.equalsIgnoreCase(p.getName())),
                answersContent);
    }

    private Map<String, Object> example(String path, ErrorCode code) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.typeOf(code.code()));
        example.put("title", title(code));
        example.put("status", code.status());
        // A detail's arguments are the request's own values: without them, the title stands in (as in the answers).
        String detail = messages.detail(code.code(), Locale.ENGLISH).filter(d -> !d.contains("{")).orElse(title(code));
        example.put("detail", detail);
        example.put("instance", path);
        example.put("code", code.code());
        return example;
    }

    private String title(ErrorCode code) {
        return messages.title(code.code(), Locale.ENGLISH);
    }

    private ErrorCode code(String name) {
        ErrorCode code = codes.get(name);
        if (code == null) {
            throw new IllegalStateException("@Raises names " + name + ", which no ErrorCode enum of the service or the kit"
                    + " holds; known: " + new TreeSet<>(codes.keySet()));
        }
        return code;
    }

    /**
     * Every error code the service and the kit declare, by code; one status per code. Read reflectively: the enums
     * are loaded by the application's class loader, where {@link ErrorCode} may be another class than the filter's.
     */
    static Map<String, ErrorCode> errorCodes(IndexView index, ClassLoader loader) {
        Map<String, ErrorCode> byCode = new HashMap<>();
        for (ClassInfo type : index.getAllKnownImplementors(ERROR_CODE)) {
            if (!type.isEnum()) {
                continue;
            }
            try {
                Class<?> enumType = Class.forName(type.name().toString(), true, loader);
                for (Object constant : enumType.getEnumConstants()) {
                    ErrorCode code = new DeclaredCode((String) enumType.getMethod("code").invoke(constant),
                            (Integer) enumType.getMethod("status").invoke(constant));
                    ErrorCode known = byCode.putIfAbsent(code.code(), code);
                    if (known != null && known.status() != code.status()) {
                        throw new IllegalStateException("error code " + code.code() + " has the statuses " + known.status()
                                + " and " + code.status() + " (" + type.name() + ")");
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("error-code enum " + type.name() + " not readable", e);
            }
        }
        return byCode;
    }

    /** An error code as its enum declares it. */
    record DeclaredCode(String code, int status) implements ErrorCode {
        @Override
        public String name() {
            return code;
        }
    }

    /**
     * The references smallrye gives the method's operation. A class can be in more than one index of the build (the
     * application's and the bean archives'), each with its own {@link ClassInfo}; the reference names the instance.
     */
    private static Set<String> methodRefs(IndexView index, ClassInfo type, MethodInfo method) {
        Set<String> refs = new LinkedHashSet<>();
        refs.add(JandexUtil.createUniqueMethodReference(type, method));
        ClassInfo indexed = index.getClassByName(type.name());
        if (indexed != null) {
            MethodInfo same = indexed.method(method.name(), method.parameterTypes());
            refs.add(JandexUtil.createUniqueMethodReference(indexed, Objects.requireNonNullElse(same, method)));
        }
        return refs;
    }
}
