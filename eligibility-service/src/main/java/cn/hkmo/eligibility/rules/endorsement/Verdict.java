package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.RuleRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one endorsement rule answers: the options it may be issued with, or why not; and the rules that
 * shaped the answer (notes), so the caller can show them.
 */
public record Verdict(List<EndorsementOption> options, List<Reason> refusals, List<RuleRef> notes) {

    public static Verdict allowed(List<EndorsementOption> options, List<RuleRef> notes) {
        return new Verdict(distinct(options), List.of(), List.copyOf(notes));
    }

    public static Verdict refused(Reason reason, List<RuleRef> notes) {
        return new Verdict(List.of(), List.of(reason), List.copyOf(notes));
    }

    public boolean isAllowed() {
        return refusals.isEmpty();
    }

    /** One option per choice code: the first rule that grants it names it. */
    private static List<EndorsementOption> distinct(List<EndorsementOption> options) {
        Map<String, EndorsementOption> byCode = new LinkedHashMap<>();
        options.forEach(option -> byCode.putIfAbsent(option.code(), option));
        return new ArrayList<>(byCode.values());
    }
}
