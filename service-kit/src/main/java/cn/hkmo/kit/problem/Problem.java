package cn.hkmo.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details with the suite's extensions {@code code}, {@code violations}, {@code requestId}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<Violation> violations,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://hkmo.cn/problems/";

    /** {@code SLOT_FULL} becomes {@code https://hkmo.cn/problems/slot-full}. */
    public static String typeOf(String code) {
        return TYPE_BASE + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public record Violation(String field, String code, String message) {
    }
}
