package cn.hkmo.eligibility.rules.city;

import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.RuleRef;

import java.time.LocalDate;
import java.util.Set;

/** Where the talent endorsement is available, by work location and date (docs/domain.md#r-endorsement-types, #r-timeline). */
public final class TalentPilotAreas {

    public static final LocalDate GBA_FROM = LocalDate.of(2023, 2, 20);
    public static final LocalDate BEIJING_SHANGHAI_FROM = LocalDate.of(2024, 5, 6);
    public static final LocalDate WIDER_FROM = LocalDate.of(2025, 11, 5);

    public static final RuleRef GBA = RuleRef.official("TALENT.GBA", "[R23]",
            "2023-02-20起在粤港澳大湾区内地九市试点人才签注");
    public static final RuleRef BEIJING_SHANGHAI = RuleRef.official("TALENT.BJ_SH", "[R24] [S14]",
            "2024-05-06起人才签注扩大至北京、上海");
    public static final RuleRef WIDER = RuleRef.official("TALENT.WIDER", "[R25]",
            "2025-11-05起扩大至长三角全域(江苏、浙江、安徽)、京津冀全域及全部自由贸易试验区");

    /** The nine mainland GBA cities. */
    public static final Set<String> GBA_CITIES = Set.of(
            "440100", "440300", "440400", "440600", "441300", "441900", "442000", "440700", "441200");
    private static final Set<String> BJ_SH_PROVINCES = Set.of("110000", "310000");
    private static final Set<String> WIDER_PROVINCES = Set.of("320000", "330000", "340000", "120000", "130000");

    /** The pilot rule that covers work at {@code region} (or in a free-trade zone) on {@code date}, or null. */
    public RuleRef coveringRule(Region region, boolean freeTradeZone, LocalDate date) {
        if (!date.isBefore(GBA_FROM) && GBA_CITIES.contains(region.city())) {
            return GBA;
        }
        if (!date.isBefore(BEIJING_SHANGHAI_FROM) && BJ_SH_PROVINCES.contains(region.province())) {
            return BEIJING_SHANGHAI;
        }
        if (!date.isBefore(WIDER_FROM) && (freeTradeZone || WIDER_PROVINCES.contains(region.province()))) {
            return WIDER;
        }
        return null;
    }

    public boolean inGba(Region region) {
        return GBA_CITIES.contains(region.city());
    }
}
