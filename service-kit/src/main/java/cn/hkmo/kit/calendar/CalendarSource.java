package cn.hkmo.kit.calendar;

import cn.hkmo.contracts.issuance.CalendarNoticeLoaded;
import cn.hkmo.kit.persistence.AdvisoryLock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's working-day calendar as it is now, in three layers, each replacing a year of the one before:
 * the notices bundled in the kit, the ops file ({@code hkmo.calendar.file}, re-read when it changes), and the
 * notices loaded at run time (table {@code calendar_notice}: through issuance-service's admin API, or from its
 * {@code calendar.notice-loaded.v1} event). Every replica looks again every {@code refresh-interval}, so all
 * replicas and all services that read the same file and events agree without a restart.
 *
 * <p>Callers take {@link #current()} once per computation: a calendar is immutable, so a change never shows
 * halfway through one.
 */
@ApplicationScoped
@IfBuildProperty(name = "hkmo.calendar.enabled", stringValue = "true")
public class CalendarSource {

    private static final Logger LOG = Logger.getLogger(CalendarSource.class);

    private final CalendarConfig config;
    private final EntityManager entityManager;
    private final Event<CalendarChanged> changes;
    private final WorkingDayCalendar bundled = WorkingDayCalendar.bundled();
    private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>(bundled);
    private final AtomicReference<String> fileProblem = new AtomicReference<>();
    private byte[] lastFile;
    private List<HolidayNotice> fileNotices = List.of();

    public CalendarSource(CalendarConfig config, EntityManager entityManager, Event<CalendarChanged> changes,
                          MeterRegistry meters) {
        this.config = config;
        this.entityManager = entityManager;
        this.changes = changes;
        Gauge.builder("hkmo.calendar.published.until", this, s -> s.current().publishedUntil()
                        .map(d -> (double) d.toEpochDay() * 86_400).orElse(0.0))
                .description("The last day a published State Council notice decides (start of that day, UTC epoch)")
                .baseUnit("seconds").register(meters);
        Gauge.builder("hkmo.calendar.file.refused", this, s -> s.fileProblem().isPresent() ? 1 : 0)
                .description("1 while the ops calendar file is refused and the previous notices are kept").register(meters);
    }

    public WorkingDayCalendar current() {
        return current.get();
    }

    /** Why the ops file was last refused, while the calendar keeps its previous notices; empty when it was taken. */
    public Optional<String> fileProblem() {
        return Optional.ofNullable(fileProblem.get());
    }

    /** An invalid file at start-up stops the service, as a bad configuration should. */
    void onStart(@Observes StartupEvent event) {
        config.file().ifPresent(f -> {
            lastFile = read(f);
            fileNotices = WorkingDayCalendar.readNotices(new ByteArrayInputStream(lastFile), f.toString());
        });
        refresh();
        LOG.infof("working-day calendar: notices for %s, provisional after %s", current().publishedYears(),
                current().publishedUntil().map(LocalDate::toString).orElse("-"));
    }

    @Scheduled(every = "${hkmo.calendar.refresh-interval:30s}", delayed = "${hkmo.calendar.refresh-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /**
     * Reads the file and the loaded notices again and, if the calendar differs, swaps it and fires
     * {@link CalendarChanged}. A file that no longer reads or validates is reported and ignored, keeping the
     * last good one: a typo in a ConfigMap must not stop running services.
     */
    public synchronized void refresh() {
        config.file().ifPresent(f -> {
            byte[] content;
            try {
                content = read(f);
            } catch (UncheckedIOException e) {
                fileProblem.set(e.getMessage());
                lastFile = null; // read and check it again once it is back, whatever it holds then
                LOG.errorf("calendar file %s unreadable, keeping the previous notices: %s", f, e.getCause());
                return;
            }
            if (!Arrays.equals(content, lastFile)) {
                try {
                    fileNotices = WorkingDayCalendar.readNotices(new ByteArrayInputStream(content), f.toString());
                    fileProblem.set(null);
                    LOG.infof("calendar file %s changed: notices for %s", f, fileNotices.stream().map(HolidayNotice::year).toList());
                } catch (InvalidCalendarDataException e) {
                    fileProblem.set(e.getMessage());
                    LOG.errorf("calendar file %s refused, keeping the previous notices: %s", f, e.getMessage());
                }
                lastFile = content;
            }
        });
        List<HolidayNotice> layers = new ArrayList<>(fileNotices);
        layers.addAll(QuarkusTransaction.joiningExisting().call(this::loadedNotices));
        WorkingDayCalendar next = bundled.extendedBy(layers);
        WorkingDayCalendar previous = current.get();
        if (!fingerprint(next).equals(fingerprint(previous))) {
            current.set(next);
            LOG.infof("working-day calendar changed: notices for %s", next.publishedYears());
            changes.fire(new CalendarChanged(previous, next));
        }
    }

    /**
     * Stores a notice loaded at run time, in the caller's transaction, and writes the audit row.
     *
     * @return false when the same notice (same digest) was already loaded for its year: nothing is written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(HolidayNotice notice, String source, String loadedBy, OffsetDateTime at) {
        // two loads of the same year (two admins, the API and an event) take turns: one audit row, one winner
        AdvisoryLock.hold(entityManager, "calendar_notice:" + notice.year());
        List<?> previous = entityManager.createNativeQuery("select sha256 from calendar_notice where year = ?1")
                .setParameter(1, notice.year()).getResultList();
        String digest = notice.sha256();
        if (!previous.isEmpty() && digest.equals(previous.get(0))) {
            return false;
        }
        entityManager.createNativeQuery("""
                        insert into calendar_notice (year, title, notice, sha256, source, loaded_by, loaded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (year) do update set title = excluded.title, notice = excluded.notice, sha256 = excluded.sha256,
                            source = excluded.source, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at""")
                .setParameter(1, notice.year()).setParameter(2, notice.title()).setParameter(3, notice.toJson().toString())
                .setParameter(4, digest).setParameter(5, source).setParameter(6, loadedBy).setParameter(7, at)
                .executeUpdate();
        entityManager.createNativeQuery("""
                        insert into calendar_notice_audit (year, sha256, previous_sha256, source, loaded_by, loaded_at, notice)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, notice.year()).setParameter(2, digest).setParameter(3, previous.isEmpty() ? null : previous.get(0))
                .setParameter(4, source).setParameter(5, loadedBy).setParameter(6, at).setParameter(7, notice.toJson().toString())
                .executeUpdate();
        return true;
    }

    /**
     * Stores a notice another service loaded (its {@code calendar.notice-loaded.v1} event), checked as any notice is,
     * in the consumer's transaction; the caller refreshes after the commit.
     *
     * @throws InvalidCalendarDataException a notice that does not pass the checks: a poison record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean store(CalendarNoticeLoaded event) {
        HolidayNotice notice = new HolidayNotice(event.year(), event.title(), event.holidays().stream()
                .map(h -> new Holiday(h.name(), h.nameEn(), h.from(), h.to(), h.makeUpWorkdays())).toList());
        HolidayNotice checked = HolidayNotice.parse(notice.toJson(), CalendarNoticeLoaded.TYPE);
        return store(checked, "EVENT", event.loadedBy(), event.loadedAt());
    }

    private List<HolidayNotice> loadedNotices() {
        List<?> rows = entityManager.createNativeQuery("select notice from calendar_notice order by year").getResultList();
        List<HolidayNotice> notices = new ArrayList<>();
        for (Object row : rows) {
            // Checked when stored; read again with the same checks, so a hand-edited row cannot slip in.
            notices.addAll(WorkingDayCalendar.readNotices(new ByteArrayInputStream(
                    ("{\"years\":[" + row + "]}").getBytes(StandardCharsets.UTF_8)), "table calendar_notice"));
        }
        return notices;
    }

    private static String fingerprint(WorkingDayCalendar calendar) {
        return calendar.notices().stream().map(n -> n.year() + ":" + n.sha256()).toList().toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar file " + file, e);
        }
    }
}
