package cn.hkmo.fee.quote;

import cn.hkmo.fee.schedule.FeeScheduleService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

@ApplicationScoped
public class QuoteService {

    private final FeeScheduleService schedules;
    private final Clock clock;

    public QuoteService(FeeScheduleService schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    public Quote quote(QuoteRequest request) {
        LocalDate date = request.date() != null ? request.date() : LocalDate.now(clock);
        return Quoter.quote(schedules.schedule(), date, request.permit(), request.issuedEndorsements());
    }
}
