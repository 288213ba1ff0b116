package cn.hkmo.kit.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes the calendar injectable. {@code hkmo.calendar.file} names an ops-maintained data file whose
 * years are added to the bundled ones (and replace a bundled year of the same number), so a new
 * year's notice goes live without a release.
 */
@ApplicationScoped
public class WorkingDayCalendarProducer {

    private static final Logger LOG = Logger.getLogger(WorkingDayCalendarProducer.class);

    @Produces
    @Singleton
    WorkingDayCalendar workingDayCalendar(@ConfigProperty(name = "hkmo.calendar.file") Optional<String> file) {
        WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
        if (file.isPresent()) {
            calendar = calendar.extendedBy(WorkingDayCalendar.fromFile(Path.of(file.get())));
        }
        LOG.infof("working-day calendar loaded, known years %s", calendar.knownYears());
        return calendar;
    }
}
