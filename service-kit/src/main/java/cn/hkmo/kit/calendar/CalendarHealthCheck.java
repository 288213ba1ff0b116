package cn.hkmo.kit.calendar;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Says, without ever failing readiness, how long the published notices last: from {@code warn-before} ahead of
 * their last day it carries a {@code warning}, so operations load the next notice before deadlines turn
 * provisional. A refused calendar file is reported the same way. (The alert on the metric pages; this tells why.)
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "hkmo.calendar.enabled", stringValue = "true")
public class CalendarHealthCheck implements HealthCheck {

    private final CalendarSource source;
    private final CalendarConfig config;
    private final Clock clock;

    public CalendarHealthCheck(CalendarSource source, CalendarConfig config, Clock clock) {
        this.source = source;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        WorkingDayCalendar calendar = source.current();
        LocalDate today = LocalDate.now(clock);
        HealthCheckResponseBuilder health = HealthCheckResponse.named("working-day calendar").up()
                .withData("publishedYears", calendar.publishedYears().toString());
        calendar.publishedUntil().ifPresentOrElse(until -> {
            long daysLeft = ChronoUnit.DAYS.between(today, until);
            health.withData("publishedUntil", until.toString()).withData("daysLeft", daysLeft);
            if (daysLeft < config.warnBefore().toDays()) {
                health.withData("warning", daysLeft < 0
                        ? "no State Council notice after " + until + ": deadlines from " + until.plusDays(1) + " are provisional"
                        : "the published notices end on " + until + " (" + daysLeft + " days): load the next year's notice");
            }
        }, () -> health.withData("warning", "no State Council notice loaded: every deadline is provisional"));
        source.fileProblem().ifPresent(p -> health.withData("fileRefused", p));
        return health.build();
    }
}
