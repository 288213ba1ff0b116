package cn.hkmo.eligibility.rules.city;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.eligibility.rules.Locality;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;

import java.time.LocalDate;
import java.time.Period;

import static cn.hkmo.contracts.common.Entries.MULTIPLE;
import static cn.hkmo.contracts.common.StayRule.PER_VISIT;

/**
 * City-specific multiple-entry individual-tour schemes (docs/domain.md#r-city-schemes). Each is open to the residents of
 * one city (or the Hengqin zone) for a period, never to military or registered state employees (§3.6).
 */
public enum TourismScheme {

    SHENZHEN_MULTIPLE("SZ_MULTI", Destination.HK, "440300", false, true,
            LocalDate.of(2024, 12, 1), null, "在深圳出入境管理部门申请",
            RuleRef.official("G.SZ_MULTI", "[SZZH]",
                    "深圳户籍居民及居住证持有人 (不含国家工作人员、现役军人): 赴港一签多行, 1年多次, 每次逗留不超过7天; 自2024-12-01")),
    SHENZHEN_WEEKLY("SZ_WEEKLY", Destination.HK, "440300", false, true,
            null, LocalDate.of(2024, 12, 1), "每个自然周限往返一次; 在深圳出入境管理部门申请",
            RuleRef.unconfirmed("G.SZ_WEEKLY", "[SZZH]",
                    "深圳赴港一周一行: 自2024-12-01起停止受理, 已签发的有效期内继续有效; 1年、每周一次、每次7天的条件系推断")),
    ZHUHAI_WEEKLY("ZH_WEEKLY", Destination.MO, "440400", false, false,
            LocalDate.of(2025, 1, 1), null, "每个自然周限往返一次; 在珠海出入境管理部门申请",
            RuleRef.official("G.ZH_WEEKLY", "[SZZH] [WAOU25]",
                    "珠海户籍居民赴澳一周一行: 1年内每自然周一次, 每次逗留不超过7天; 自2025-01-01 (公告未提及居住证持有人)")),
    HENGQIN_MULTIPLE("HQ_MULTI", Destination.MO, "440400", true, true,
            LocalDate.of(2025, 1, 1), null, "在珠海(横琴)出入境管理部门申请",
            RuleRef.official("G.HQ_MULTI", "[SZZH]",
                    "横琴粤澳深度合作区户籍居民及居住证持有人: 赴澳一签多行, 1年多次, 每次逗留不超过7天; 自2025-01-01"));

    private final String code;
    private final Destination destination;
    private final String city;
    private final boolean hengqinOnly;
    private final boolean residencePermitHolders;
    private final LocalDate from;
    private final LocalDate until;
    private final String condition;
    private final RuleRef rule;

    TourismScheme(String code, Destination destination, String city, boolean hengqinOnly, boolean residencePermitHolders,
                  LocalDate from, LocalDate until, String condition, RuleRef rule) {
        this.code = code;
        this.destination = destination;
        this.city = city;
        this.hengqinOnly = hengqinOnly;
        this.residencePermitHolders = residencePermitHolders;
        this.from = from;
        this.until = until;
        this.condition = condition;
        this.rule = rule;
    }

    public String code() {
        return code;
    }

    public Destination destination() {
        return destination;
    }

    /** GB/T 2260 code of the city whose offices take the scheme. */
    public String city() {
        return city;
    }

    public RuleRef rule() {
        return rule;
    }

    /** New applications are taken on {@code date}: from its start (inclusive) to its end (exclusive). */
    public boolean openOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
    }

    /** The residence qualifies: hukou there, or (where the scheme allows) a residence permit there. */
    public boolean residentQualifies(Locality hukou, Locality residencePermit) {
        return covers(hukou) || residencePermitHolders && residencePermit != null && covers(residencePermit);
    }

    private boolean covers(Locality locality) {
        return locality.region().city().equals(city) && (!hengqinOnly || locality.hengqin());
    }

    public EndorsementOption option() {
        return EndorsementOption.of(Period.ofYears(1), MULTIPLE, 7, PER_VISIT, rule).scheme(code).condition(condition);
    }
}
