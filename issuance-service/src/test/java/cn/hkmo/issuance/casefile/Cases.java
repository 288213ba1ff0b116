package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.contracts.common.StayRule;
import cn.hkmo.issuance.deadline.Deadline;
import cn.hkmo.issuance.deadline.DeadlineBasis;
import cn.hkmo.issuance.payment.PaymentStanding;
import cn.hkmo.issuance.permit.PermitIssuer;
import cn.hkmo.issuance.permit.PermitNumberFormat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/** Object mother of accepted applications and cases (demo users of docs/conventions.md). */
public final class Cases {

    public static final ZoneOffset CST = ZoneOffset.ofHours(8);
    public static final Applicant ZHANGWEI = new Applicant("sub-zhangwei", "110105199003071239", "张伟", "13800000001",
            LocalDate.of(1990, 3, 7));
    public static final Applicant WANGXIAOMING = new Applicant("sub-wangxiaoming", "440106201409150036", "王小明",
            "13800000003", LocalDate.of(2014, 9, 15));
    public static final IssuedEndorsement G_HK_1Y_SINGLE = new IssuedEndorsement(Destination.HK, EndorsementType.G, "P1Y",
            Entries.SINGLE, 7, StayRule.PER_VISIT, null);
    public static final IssuedEndorsement T_MO_3M_MULTIPLE = new IssuedEndorsement(Destination.MO, EndorsementType.T, "P3M",
            Entries.MULTIPLE, 90, StayRule.FROM_FIRST_ENTRY, null);
    public static final Delivery EMS = new Delivery(CollectionMethod.EMS, "张伟", "13800000001", "北京市朝阳区建国路1号");
    public static final Delivery HALL = new Delivery(CollectionMethod.HALL, null, null, null);

    private Cases() {
    }

    public static ApplicationAccepted accepted(String applicationNo, Applicant applicant, ApplicationCategory category,
                                               Delivery delivery, LocalDate acceptanceDate) {
        return new ApplicationAccepted(applicationNo, "R-" + applicationNo, "B-" + applicationNo, "BJ-CHAOYANG", "110105",
                applicant, category, category == ApplicationCategory.ENDORSEMENT_ONLY ? "C12345678" : null, 10,
                List.of(G_HK_1Y_SINGLE, T_MO_3M_MULTIPLE), true, null, delivery, "officer.bj", acceptanceDate,
                acceptanceDate.atTime(10, 0).atOffset(CST));
    }

    public static CaseFile open(ApplicationAccepted accepted, boolean paid) {
        return CaseFile.open(accepted, new Deadline(accepted.acceptanceDate().plusDays(9), DeadlineBasis.HUKOU_WORKING_DAYS, 7, false),
                standing(paid), new ResidentIdOnFile(accepted.applicant().residentId(), "hash", "110105********1239"),
                accepted.acceptedAt().plusMinutes(1));
    }

    /** A 90-yuan fee, paid in full or not paid at all. */
    public static PaymentStanding standing(boolean paid) {
        return paid ? new PaymentStanding(9000L, 9000, 0, 9000) : new PaymentStanding(9000L, 0, 0, 0);
    }

    public static PermitIssuer issuer() {
        return new PermitIssuer(new PermitNumberFormat("C", 8, "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"), new Random(42));
    }

    public static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 9, 30, 0, 0, CST);
    }
}
