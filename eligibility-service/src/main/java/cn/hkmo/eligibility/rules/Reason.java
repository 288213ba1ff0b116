package cn.hkmo.eligibility.rules;

/**
 * Why something is not allowed, or what limits it: a stable code, the rule, and a sentence.
 *
 * @param code   stable, e.g. {@code RELATIVE_NOT_ELIGIBLE}
 * @param rule   the rule and its source
 * @param detail the reason in one sentence, for the officer and the citizen
 */
public record Reason(String code, RuleRef rule, String detail) {
}
