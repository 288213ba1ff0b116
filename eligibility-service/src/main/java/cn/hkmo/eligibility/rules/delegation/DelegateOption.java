package cn.hkmo.eligibility.rules.delegation;

import cn.hkmo.eligibility.rules.RuleRef;

/** One way another party may hand in the application, and on what condition. */
public record DelegateOption(Submitter submitter, RuleRef rule, String condition) {
}
