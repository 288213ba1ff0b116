package cn.hkmo.issuance.calendar;

import cn.hkmo.contracts.issuance.CalendarNoticeLoaded;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.casefile.DeadlineRecomputation;
import cn.hkmo.kit.calendar.CalendarSource;
import cn.hkmo.kit.calendar.HolidayNotice;
import cn.hkmo.kit.calendar.InvalidCalendarDataException;
import cn.hkmo.kit.calendar.NoticeProblem;
import cn.hkmo.kit.calendar.WorkingDayCalendar;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Operations load a year's State Council holiday notice without a release. One transaction stores the notice with
 * its audit row, recomputes every open provisional deadline on the new calendar and publishes the notice for the
 * other services: all of it or nothing. The same notice again changes nothing.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    static final String SOURCE = "ADMIN_API";

    private final CalendarSource calendar;
    private final DeadlineRecomputation recomputation;
    private final Outbox outbox;
    private final Clock clock;

    public CalendarService(CalendarSource calendar, DeadlineRecomputation recomputation, Outbox outbox, Clock clock) {
        this.calendar = calendar;
        this.recomputation = recomputation;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param year the year in the path; must be the notice's
     * @throws ProblemException {@code CALENDAR_NOTICE_INVALID} (422) with one violation per problem found
     */
    public NoticeLoaded load(int year, JsonNode body, String admin) {
        HolidayNotice notice = checked(year, body);
        OffsetDateTime now = OffsetDateTime.now(clock);
        NoticeLoaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            if (!calendar.store(notice, SOURCE, admin, now)) {
                return new NoticeLoaded(year, notice.title(), notice.sha256(), false, 0, 0);
            }
            WorkingDayCalendar next = calendar.current().extendedBy(List.of(notice));
            DeadlineRecomputation.Outcome outcome = recomputation.recompute(next);
            outbox.publish(String.valueOf(year), new CalendarNoticeLoaded(year,
                    notice.title(), notice.holidays().stream().map(h -> new CalendarNoticeLoaded.NoticeHoliday(h.name(),
                    h.nameEn(), h.from(), h.to(), h.makeUpWorkdays())).toList(), notice.sha256(), admin, now));
            return new NoticeLoaded(year, notice.title(), notice.sha256(), true, outcome.changed(), outcome.moved());
        });
        if (loaded.changed()) {
            LOG.infof("holiday notice for %d loaded by %s (%s): %d deadlines recomputed, %d moved", year, admin,
                    loaded.sha256(), loaded.deadlinesRecomputed(), loaded.deadlinesMoved());
            calendar.refresh();
        }
        return loaded;
    }

    /** The notices in force: bundled, from the ops file and loaded here, a later layer replacing a year. */
    public List<HolidayNotice> inForce() {
        return calendar.current().notices();
    }

    private HolidayNotice checked(int year, JsonNode body) {
        try {
            HolidayNotice notice = HolidayNotice.parse(body, "request");
            if (notice.year() != year) {
                throw invalid(List.of(new NoticeProblem("year", NoticeProblem.Kind.YEAR_MISMATCH, String.valueOf(notice.year()))));
            }
            // against the notices in force: a notice spilling into its neighbour must agree with that year's
            calendar.current().extendedBy(List.of(notice));
            return notice;
        } catch (InvalidCalendarDataException e) {
            throw invalid(e.problems());
        }
    }

    private static ProblemException invalid(List<NoticeProblem> problems) {
        ProblemException problem = new ProblemException(IssuanceError.CALENDAR_NOTICE_INVALID, problems.size());
        problems.forEach(p -> problem.withViolation(p.field(), "CALENDAR_NOTICE_" + p.kind().name(), p.value()));
        return problem;
    }
}
