package cn.hkmo.issuance.supervision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An extension approved by the provincial exit-entry bureau (FAQ Q51), as recorded by a supervisor.
 *
 * @param workingDays the new limit in working days from acceptance (at most 20)
 * @param approvalNo  the approval's document number
 * @param approvedBy  the approving authority
 */
public record ExtensionRequest(
        @Min(1) @Max(60) int workingDays,
        @NotBlank @Size(max = 100) String approvalNo,
        @NotBlank @Size(max = 200) String approvedBy,
        @NotBlank @Size(max = 1000) String reason) {
}
