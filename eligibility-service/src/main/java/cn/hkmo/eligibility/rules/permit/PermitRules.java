package cn.hkmo.eligibility.rules.permit;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.eligibility.rules.EligibilityRulesConfig;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The permit: validity, issue category, renewal first (docs/domain.md#r-endorsements, #r-permit-form, #r-renewal). */
public final class PermitRules {

    public static final RuleRef VALIDITY = RuleRef.official("PERMIT.VALIDITY", "[FAQ2 Q55]",
            "申请时未满16周岁签发5年有效通行证; 16周岁(含)以上签发10年有效通行证");
    public static final RuleRef NEEDS_VALID_PERMIT = RuleRef.official("PERMIT.REQUIRED", "[FAQ2 Q32]",
            "申请签注须持有效往来港澳通行证, 同时申请通行证的除外");
    public static final RuleRef RENEW_FIRST = RuleRef.official("PERMIT.RENEW_FIRST", "[FAQ2 Q48] [FAQ2 Q49]",
            "通行证有效期不足6个月, 或者短于拟申请签注有效期的, 须换发通行证");
    public static final RuleRef MARGIN = RuleRef.low("PERMIT.MARGIN", "[LOW: V5TT]",
            "地方做法: 3个月签注须通行证剩余110天以上, 1年签注须剩余385天以上 (hkmo.eligibility.rules.permit-margin)");
    public static final RuleRef GROUNDS = RuleRef.official("PERMIT.RENEWAL_GROUNDS", "[FAQ2 Q48] [FAQ2 Q50]",
            "换发、补发情形: 损毁、遗失或被盗抢; 有效期不足6个月或短于拟申请签注; 身份信息变更; 补充申请免登记自助通关; 本式换电子证; 其他确需情形");
    public static final RuleRef CATEGORIES = RuleRef.official("PERMIT.CATEGORIES", "[FAQ1 Q2] [SEEDA]",
            "签发类别: 首次申请、换发、补发、失效重新申领; 已持有效通行证的不属首次申请");
    public static final RuleRef CARD = RuleRef.official("PERMIT.CARD", "[FP14] [BOOK] [FAQ2 Q48]",
            "2014-09-15起签发电子往来港澳通行证, 签注打印于卡背面; 本式通行证已于2019-09-13全部到期, 换领电子证属换发");
    public static final RuleRef ALONE = RuleRef.official("PERMIT.ALONE", "[FAQ1 Q3-4]",
            "可单独申请通行证, 不申请签注; 往来港澳须同时持有效通行证和签注");
    public static final RuleRef NUMBER_FORMAT = RuleRef.unconfirmed("PERMIT.NUMBER", "[PNO]",
            "通行证号码格式: 电子证C+8位, 本式W+8位数字 (非官方, hkmo.eligibility.rules.permit-number-pattern)");

    private final EligibilityRulesConfig config;
    private final Pattern numberPattern;

    public PermitRules(EligibilityRulesConfig config) {
        this.config = config;
        this.numberPattern = Pattern.compile(config.permitNumberPattern());
    }

    public int validityYears(int age) {
        return age < 16 ? 5 : 10;
    }

    public boolean validNumber(String number) {
        return number != null && numberPattern.matcher(number).matches();
    }

    /**
     * @param requestedOptions every option of the endorsements asked for, to test "shorter than the endorsement"
     */
    public PermitDecision decide(ApplicationCategory category, CurrentPermit current, Set<RenewalReason> reasons,
                                 int age, LocalDate date, Collection<EndorsementOption> requestedOptions,
                                 boolean endorsementsRequested) {
        List<Reason> refusals = new ArrayList<>();
        List<RuleRef> notes = new ArrayList<>();
        if (category == ApplicationCategory.ENDORSEMENT_ONLY) {
            boolean renewal = false;
            if (current == null || !current.validOn(date)) {
                refusals.add(new Reason("NO_VALID_PERMIT", NEEDS_VALID_PERMIT,
                        "An endorsement alone needs a valid permit; apply for the permit with the endorsement."));
                renewal = current != null;
            } else if (current.form() == PermitForm.BOOKLET) {
                refusals.add(new Reason("BOOKLET_PERMIT", CARD, "Endorsements are printed on the electronic card only; renew the booklet first."));
                renewal = true;
            } else if (expiresWithinSixMonths(current, date)) {
                refusals.add(new Reason("PERMIT_RENEWAL_REQUIRED", RENEW_FIRST,
                        "The permit expires on " + current.expiry() + ", less than 6 months from " + date + "; renew it first."));
                renewal = true;
            }
            notes.add(NEEDS_VALID_PERMIT);
            if (config.permitMargin().enabled()) {
                notes.add(MARGIN);
            }
            return new PermitDecision(category, false, null, renewal, refusals, notes);
        }
        notes.add(VALIDITY);
        if (!endorsementsRequested) {
            notes.add(ALONE);
        }
        boolean holdsValid = current != null && current.validOn(date);
        switch (category) {
            case FIRST_APPLICATION -> {
                if (holdsValid) {
                    refusals.add(new Reason("PERMIT_ALREADY_HELD", CATEGORIES,
                            "A valid permit (until " + current.expiry() + ") is held: this is a renewal, not a first application."));
                }
            }
            case RENEWAL, REISSUE -> {
                notes.add(GROUNDS);
                if (!anyGroundMet(reasons, current, date, requestedOptions)) {
                    refusals.add(new Reason("RENEWAL_GROUND_NOT_MET", GROUNDS,
                            "None of the grounds for renewal or reissue holds: " + (reasons == null ? Set.of() : reasons) + "."));
                }
            }
            default -> {
                // 失效重新申领: the invalidation is recorded elsewhere; nothing to check here.
            }
        }
        return new PermitDecision(category, true, validityYears(age), false, refusals, notes);
    }

    /**
     * Whether the current permit would expire before this option, counted from {@code date}; with the local
     * margins on, also whether it leaves fewer days than the margin.
     */
    public boolean outlastsPermit(EndorsementOption option, CurrentPermit current, LocalDate date) {
        if (current.expiry().isBefore(option.validUntil(date))) {
            return true;
        }
        if (!config.permitMargin().enabled()) {
            return false;
        }
        long daysLeft = ChronoUnit.DAYS.between(date, current.expiry());
        if (option.validity().equals(Period.ofMonths(3))) {
            return daysLeft <= config.permitMargin().threeMonthDays();
        }
        if (option.validity().equals(Period.ofYears(1))) {
            return daysLeft <= config.permitMargin().oneYearDays();
        }
        return false;
    }

    private boolean anyGroundMet(Set<RenewalReason> reasons, CurrentPermit current, LocalDate date,
                                 Collection<EndorsementOption> requestedOptions) {
        if (reasons == null) {
            return false;
        }
        for (RenewalReason reason : reasons) {
            boolean met = switch (reason) {
                case EXPIRING -> current != null && expiresWithinSixMonths(current, date);
                case BOOKLET_TO_CARD -> current != null && current.form() == PermitForm.BOOKLET;
                case SHORTER_THAN_ENDORSEMENT -> current != null
                        && requestedOptions.stream().anyMatch(option -> current.expiry().isBefore(option.validUntil(date)));
                case DAMAGED, LOST_OR_STOLEN, IDENTITY_DATA_CHANGED, ADD_SELF_SERVICE_CLEARANCE, OTHER_NEED -> true;
            };
            if (met) {
                return true;
            }
        }
        return false;
    }

    /** "有效期不足6个月": the permit ends before the same day six months on. */
    static boolean expiresWithinSixMonths(CurrentPermit current, LocalDate date) {
        return current.expiry().isBefore(date.plusMonths(6));
    }
}
