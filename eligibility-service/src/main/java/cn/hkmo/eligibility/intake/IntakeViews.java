package cn.hkmo.eligibility.intake;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementRequest;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.contracts.common.Notice;
import cn.hkmo.eligibility.booking.BookingStatus;
import cn.hkmo.eligibility.rules.Assessment;
import cn.hkmo.eligibility.rules.materials.Presented;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the intake API. Resident IDs appear masked only. */
public final class IntakeViews {

    private IntakeViews() {
    }

    /** A booking waiting at the officer's hall. */
    public record BookingView(String bookingNo, String residentId, String name, String hallId, LocalDate date,
                              String category, List<EndorsementRequest> endorsements, BookingStatus status) {
    }

    /** The officer's record of the counter visit: the details, and each item presented. */
    public record MaterialsBody(@NotNull @Valid cn.hkmo.eligibility.assessment.ApplicationBody application,
                                @NotNull List<@Valid PresentedItem> presented) {
    }

    /** One item presented; {@code acceptable=false} with a note when it is there but wrong. */
    public record PresentedItem(@NotBlank String key, Boolean acceptable, String note) {

        Presented toPresented() {
            return new Presented(key, acceptable == null || acceptable, note);
        }
    }

    /**
     * One line of what is missing or wrong.
     *
     * @param region the region of the endorsement the item is for; null for the application as a whole
     */
    public record DeficiencyView(String code, String key, String kind, String nameZh, String nameEn, String note,
                                 Destination region) {
    }

    /** The checklist against what was presented, and the outcome it points to. */
    public record IntakeView(String bookingNo, Assessment assessment, List<DeficiencyView> deficiencies, Decision suggestedDecision) {
    }

    /**
     * The officer's decision.
     *
     * @param options for ACCEPTED: the chosen option code per endorsement item, e.g. {@code {"HK-T": "P3M/MULTIPLE"}};
     *                an endorsement with a single option may be left out
     * @param reason  for NOT_ACCEPTED when the rules give no ground of their own
     */
    public record DecisionBody(@NotNull Decision decision, Map<String, String> options, String reason) {
    }

    public record DecisionView(String bookingNo, Decision decision, String applicationNo, String receiptNo,
                               String noticeNo, List<Notice> items, String reasonCode, String reason) {
    }

    public record NoticeView(String noticeNo, String bookingNo, String hallId, List<Notice> items, OffsetDateTime issuedAt) {
    }

    public record ApplicationView(String applicationNo, String receiptNo, String bookingNo, String hallId, String residentId,
                                  String category, List<IssuedEndorsement> endorsements, OffsetDateTime acceptedAt) {
    }
}
