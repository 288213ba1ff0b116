package cn.hkmo.eligibility.rules.processing;

import cn.hkmo.eligibility.rules.RuleRef;

import java.util.ArrayList;
import java.util.List;

/** Time limits after acceptance (docs/domain.md#r-time-limits [FAQ2 Q51–53]); issuance-service counts them. */
public final class ProcessingRules {

    public static final RuleRef HUKOU_LOCAL = RuleRef.official("PROCESSING.HUKOU", "[FAQ2 Q51]",
            "户籍地受理通行证或单独受理签注后, 7个工作日内签发; 交通不便或特殊情况经省级批准可延长至20个工作日");
    public static final RuleRef NON_HUKOU = RuleRef.official("PROCESSING.NON_HUKOU", "[FAQ2 Q51] [FAQ2 Q52]",
            "在非常住户口所在地申请的, 20日内签发 (按自然日计)");
    public static final RuleRef URGENT = RuleRef.official("PROCESSING.URGENT", "[FAQ2 Q53] [URG19]",
            "奔丧、治疗重症、探望危重病人、处理境外突发事件、紧急会议谈判、签订合同、留学报到临近、行前证件遗失损毁等紧急事由, 按急事急办原则优先审批, 无固定时限");

    /**
     * @param hukouLocal null when the office is unknown
     */
    public ProcessingTime processing(Boolean hukouLocal, UrgentReason urgent) {
        List<RuleRef> rules = new ArrayList<>();
        Integer days = null;
        Boolean workingDays = null;
        if (hukouLocal == null) {
            rules.add(HUKOU_LOCAL);
            rules.add(NON_HUKOU);
        } else if (hukouLocal) {
            rules.add(HUKOU_LOCAL);
            days = 7;
            workingDays = true;
        } else {
            rules.add(NON_HUKOU);
            days = 20;
            workingDays = false;
        }
        if (urgent != null) {
            rules.add(URGENT);
        }
        return new ProcessingTime(hukouLocal, days, workingDays, urgent, rules);
    }
}
