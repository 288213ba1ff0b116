package cn.hkmo.contracts.common;

import java.time.LocalDate;

/**
 * The verified citizen an application is for. Carries the full resident ID because downstream services strictly need it; never log it unmasked.
 */
public record Applicant(
        String subject,
        String residentId,
        String name,
        String mobile,
        LocalDate birthDate) {}
