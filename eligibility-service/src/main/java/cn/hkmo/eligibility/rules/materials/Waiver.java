package cn.hkmo.eligibility.rules.materials;

import cn.hkmo.eligibility.rules.RuleRef;

/** A document that would be needed, and why it is not this time. */
public record Waiver(MaterialItem item, RuleRef rule, String reason) {
}
