package cn.hkmo.issuance.permit;

import cn.hkmo.contracts.common.IssuedEndorsement;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/** Makes the permit and endorsement terms of an issuance. Plain Java; no clock, no database. */
public class PermitIssuer {

    private final PermitNumberFormat numbers;
    private final RandomGenerator random;

    public PermitIssuer(PermitNumberFormat numbers, RandomGenerator random) {
        this.numbers = numbers;
        this.random = random;
    }

    /**
     * @param issueDate the day of issue: the card's and every endorsement's validity start there
     * @param taken     whether a permit number is already used
     */
    public IssuedPermit issue(PermitRequest request, LocalDate issueDate, Predicate<String> taken) {
        if (!request.newCard()) {
            return new IssuedPermit(request.existingPermitNo(), false, null, null, null, issueDate,
                    endorsements(request.endorsements(), issueDate, null));
        }
        int years = PermitValidity.yearsFor(request.birthDate(), request.applicationDate());
        LocalDate validUntil = PermitValidity.lastDay(issueDate, Period.ofYears(years));
        return new IssuedPermit(numbers.next(random, taken), true, CardType.ELECTRONIC_CARD, issueDate, validUntil,
                issueDate, endorsements(request.endorsements(), issueDate, validUntil));
    }

    /** An endorsement may not outlast the permit it is printed on (docs/domain.md#r-endorsements), hence the cap. */
    private static List<GrantedEndorsement> endorsements(List<IssuedEndorsement> terms, LocalDate from, LocalDate permitUntil) {
        return terms.stream().map(t -> {
            LocalDate until = PermitValidity.lastDay(from, Period.parse(t.validity()));
            if (permitUntil != null && until.isAfter(permitUntil)) {
                until = permitUntil;
            }
            return new GrantedEndorsement(t.destination(), t.type(), GrantedEndorsement.letterOf(t.type()), t.validity(),
                    from, until, t.entries(), t.maxStayDays(), t.stayRule(), t.scheme());
        }).toList();
    }
}
