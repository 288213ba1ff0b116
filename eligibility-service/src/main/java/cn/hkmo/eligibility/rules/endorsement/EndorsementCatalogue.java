package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.StayRule;
import cn.hkmo.eligibility.rules.RuleRef;
import cn.hkmo.eligibility.rules.city.TourismScheme;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisitMatrix;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Every endorsement type with the options it may be issued with on a date, by the condition that decides them. */
public final class EndorsementCatalogue {

    /** One type for one destination. */
    public record Entry(EndorsementType type, Destination destination, String letter, String nameZh, String nameEn,
                       List<Variant> variants, List<RuleRef> notes) {
    }

    /** The options under one condition (a relationship, a role, a category...). */
    public record Variant(String condition, List<EndorsementOption> options) {
    }

    private final EndorsementRules rules;
    private final FamilyVisitMatrix matrix = new FamilyVisitMatrix();
    private final BusinessRules business = new BusinessRules();
    private final OtherRules other = new OtherRules();

    public EndorsementCatalogue(EndorsementRules rules) {
        this.rules = rules;
    }

    public List<Entry> on(LocalDate date) {
        List<Entry> entries = new ArrayList<>();
        for (Destination destination : Destination.values()) {
            entries.add(familyVisit(destination));
            entries.add(entry(EndorsementType.S, destination, "商务", "Business", businessVariants(date), List.of()));
            Verdict group = rules.tours().groupTour(destination, date);
            entries.add(entry(EndorsementType.L, destination, "团队旅游", "Group tour",
                    List.of(new Variant("随旅行社团队 (with a designated agency's group)", group.options())), group.notes()));
            entries.add(individualTour(destination, date));
            entries.add(entry(EndorsementType.D, destination, "逗留", "Stay", List.of(new Variant(
                    "多次有效, 有效期按港澳批准期限 (multiple entries for the period HK/Macao approved)", List.of())),
                    List.of(destination == Destination.HK ? StayRules.HK : StayRules.MO_STUDY)));
            entries.add(entry(EndorsementType.Q, destination, "其他", "Other", List.of(
                    new Variant("事由 (a reason)", other.verdict(new OtherPurpose(OtherReason.OTHER_SPECIAL, false)).options()),
                    new Variant("确需多次往返 (several trips truly needed)",
                            other.verdict(new OtherPurpose(OtherReason.OTHER_SPECIAL, true)).options())), List.of()));
            entries.add(talent(destination, date));
        }
        return entries;
    }

    private Entry familyVisit(Destination destination) {
        List<Variant> variants = new ArrayList<>();
        for (Relationship relationship : List.of(Relationship.SPOUSE, Relationship.PARENT, Relationship.PARENT_IN_LAW,
                Relationship.CHILD, Relationship.CHILD_SPOUSE, Relationship.SIBLING, Relationship.GRANDPARENT, Relationship.GRANDCHILD)) {
            FamilyVisit visit = FamilyVisit.of(relationship, RelativeStatus.SETTLED);
            variants.add(new Variant(relationship.name(), matrix.options(visit, 30).options()));
            if (relationship.immediate()) {
                variants.add(new Variant(relationship.name() + ", 申请人60周岁(含)以上 (applicant 60+)", matrix.options(visit, 60).options()));
            }
        }
        variants.add(new Variant("SPOUSE, 在港澳定居且育有未满18周岁子女 (settled, with a minor child)", matrix.options(
                new FamilyVisit(Relationship.SPOUSE, RelativeStatus.SETTLED, false, true, false, false), 30).options()));
        variants.add(new Variant("特殊家庭困难 (special family hardship)", matrix.options(
                new FamilyVisit(Relationship.PARENT, RelativeStatus.SETTLED, false, false, true, false), 30).options()));
        return entry(EndorsementType.T, destination, "探亲", "Family visit", variants,
                List.of(FamilyVisitMatrix.NOT_ELIGIBLE, FamilyVisitMatrix.ACCOMPANYING, FamilyVisitMatrix.AGE_REFERENCE));
    }

    private List<Variant> businessVariants(LocalDate date) {
        return List.of(
                new Variant("ENTERPRISE_STAFF, 已备案 (filed)", business.verdict(new Business(BusinessRole.ENTERPRISE_STAFF, true, null), date).options()),
                new Variant("ENTERPRISE_STAFF, 未备案 (not filed)", business.verdict(new Business(BusinessRole.ENTERPRISE_STAFF, false, null), date).options()),
                new Variant("INDIVIDUAL_BUSINESS", business.verdict(new Business(BusinessRole.INDIVIDUAL_BUSINESS, false, null), date).options()),
                new Variant("VEHICLE_DRIVER", business.verdict(new Business(BusinessRole.VEHICLE_DRIVER, false, null), date).options()));
    }

    private Entry individualTour(Destination destination, LocalDate date) {
        Verdict group = rules.tours().groupTour(destination, date);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("个人游城市户籍居民或居住证持有人 (residents of an individual-visit city)", group.options().stream()
                .map(option -> EndorsementOption.of(option.validity(), option.entries(), option.maxStayDays(), option.stayRule(),
                        destination == Destination.HK ? TourRules.INDIVIDUAL_HK : TourRules.INDIVIDUAL_MO)).toList()));
        for (TourismScheme scheme : TourismScheme.values()) {
            if (scheme.destination() == destination && scheme.openOn(date)) {
                variants.add(new Variant(scheme.code(), List.of(scheme.option())));
            }
        }
        return entry(EndorsementType.G, destination, "个人旅游", "Individual tour", variants,
                List.of(TourRules.INDIVIDUAL_CITIES, TourRules.SCHEME_EXCLUSION));
    }

    private Entry talent(Destination destination, LocalDate date) {
        List<Variant> variants = new ArrayList<>();
        for (TalentCategory category : TalentCategory.values()) {
            if (category == TalentCategory.HETAO_SHENZHEN_PARK && date.isBefore(TalentRules.HETAO_FROM)) {
                continue;
            }
            variants.add(new Variant(category.name(), List.of(EndorsementOption.of(category.validity(),
                    Entries.MULTIPLE, 30, StayRule.PER_VISIT,
                    category == TalentCategory.HETAO_SHENZHEN_PARK ? TalentRules.HETAO : TalentRules.VALIDITY))));
        }
        return entry(EndorsementType.TALENT, destination, "人才", "Talent", variants, List.of(TalentRules.NOT_IN_PILOT));
    }

    private Entry entry(EndorsementType type, Destination destination, String zh, String en, List<Variant> variants, List<RuleRef> notes) {
        return new Entry(type, destination, rules.letter(type), zh, en, variants, notes);
    }
}
