package cn.hkmo.fee.quote;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.schedule.FeeItem;
import cn.hkmo.fee.schedule.FeeSchedule;
import cn.hkmo.fee.schedule.FeeScheduleVersion;
import cn.hkmo.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Prices a request or an accepted application: one line for the permit, one per endorsement
 * (Hong Kong and Macao are separate items, docs/domain.md#r-fees), with the fees in force on the given date.
 */
public final class Quoter {

    private Quoter() {
    }

    public static Quote quote(FeeSchedule schedule, LocalDate pricedOn, boolean permit, List<IssuedEndorsement> endorsements) {
        if (!permit && endorsements.isEmpty()) {
            throw new ProblemException(FeeError.QUOTE_EMPTY);
        }
        FeeScheduleVersion version = schedule.inForceOn(pricedOn);
        String legalBasis = version.legalBasis() + "（第" + version.version() + "版，" + version.effectiveFrom() + "起施行）";

        List<QuoteLine> lines = new ArrayList<>();
        if (permit) {
            lines.add(line(version, FeeItem.PERMIT, null, "往来港澳通行证", legalBasis));
        }
        Set<Destination> seen = EnumSet.noneOf(Destination.class);
        for (IssuedEndorsement endorsement : endorsements) {
            if (!seen.add(endorsement.destination())) {
                throw new ProblemException(FeeError.DUPLICATE_DESTINATION, endorsement.destination());
            }
            FeeItem item = FeeItem.ofEndorsement(endorsement.entries(), endorsement.validity(), pricedOn);
            lines.add(line(version, item, endorsement.destination(), describe(endorsement), legalBasis));
        }
        long total = lines.stream().mapToLong(QuoteLine::amountFen).sum();
        return new Quote(pricedOn, version.version(), version.effectiveFrom(), version.legalBasis(), List.copyOf(lines), total);
    }

    private static QuoteLine line(FeeScheduleVersion version, FeeItem item, Destination destination, String description, String legalBasis) {
        return new QuoteLine(item, destination, description, item.legalName(), legalBasis, version.feeFen(item));
    }

    private static String describe(IssuedEndorsement endorsement) {
        return "赴" + (endorsement.destination() == Destination.HK ? "香港" : "澳门")
                + typeName(endorsement.type()) + "签注（" + entriesName(endorsement.entries()) + "，有效期 "
                + endorsement.validity() + "）";
    }

    private static String typeName(EndorsementType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case T -> "探亲(T)";
            case S -> "商务(S)";
            case L -> "团队旅游(L)";
            case G -> "个人旅游(G)";
            case D -> "逗留(D)";
            case Q -> "其他(Q)";
            case TALENT -> "人才";
        };
    }

    private static String entriesName(Entries entries) {
        return switch (entries) {
            case SINGLE -> "一次有效";
            case DOUBLE -> "二次有效";
            case MULTIPLE -> "多次有效";
        };
    }
}
