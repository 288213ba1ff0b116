package cn.hkmo.kit.problem.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Problem} and {@code Violation} schemas every service publishes (the same in each, so the gateway merges
 * them into one), and an answer's schema: the Problem with {@code code} narrowed to the codes the answer can carry.
 * Written here rather than derived from the records, to say what each field means and which are always present;
 * {@code ProblemAnswersTest} keeps the fields equal to the records'.
 */
public final class ProblemSchemas {

    private ProblemSchemas() {
    }

    public static Schema problem(String violationRef) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with the suite's extensions code, violations and requestId; "
                        + "title and detail in the caller's language (Accept-Language: zh-CN, the default, or en)")
                .addProperty("type", string("https://hkmo.cn/problems/<code in kebab case>"))
                .addProperty("title", string("What went wrong, in a few words"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request, and what to do"))
                .addProperty("instance", string("The request's path"))
                .addProperty("code", string("Stable code clients switch on, e.g. SLOT_FULL; each operation lists the codes "
                        + "of each of its answers"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("One per field at fault (400 VALIDATION_FAILED)")
                        .items(OASFactory.createSchema().ref(violationRef)))
                .addProperty("requestId", string("The request's id (X-Request-Id), to quote to support"))
                .required(List.of("type", "title", "status", "detail", "instance", "code"));
    }

    public static Schema violation() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The field at fault, as in the request: items[0].hallId"))
                .addProperty("code", string("Stable code of the reason, e.g. NOT_BLANK, INVALID_MOBILE"))
                .addProperty("message", string("The reason, in the caller's language"))
                .required(List.of("field", "code", "message"));
    }

    /** The Problem whose {@code code} is one of {@code codes}. */
    public static Schema answer(String problemRef, List<String> codes) {
        return OASFactory.createSchema()
                .addAllOf(OASFactory.createSchema().ref(problemRef))
                .addAllOf(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .enumeration(new ArrayList<>(codes))));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
