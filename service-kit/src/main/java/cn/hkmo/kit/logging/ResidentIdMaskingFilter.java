package cn.hkmo.kit.logging;

import cn.hkmo.kit.identity.ResidentId;
import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks resident ID numbers in every log message, whoever logs them (our code, Hibernate, Kafka...).
 * Enabled for console and file by the kit's defaults ({@code quarkus.log.console.filter=resident-id-mask}).
 */
@LoggingFilter(name = ResidentIdMaskingFilter.NAME)
public final class ResidentIdMaskingFilter implements Filter {

    public static final String NAME = "resident-id-mask";

    /** The shape of a GB 11643 number (region, plausible birth date, sequence, check); no checksum, to mask typos too. */
    static final Pattern RESIDENT_ID = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
                    + "(?![0-9A-Za-z])");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : new SimpleFormatter().formatMessage(record);
        if (message != null) {
            String masked = mask(message);
            if (!masked.equals(message)) {
                if (record instanceof ExtLogRecord ext) {
                    ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                } else {
                    record.setMessage(masked);
                }
                record.setParameters(null);
            }
        }
        return true;
    }

    public static String mask(String text) {
        Matcher matcher = RESIDENT_ID.matcher(text);
        return matcher.find() ? matcher.replaceAll(m -> Matcher.quoteReplacement(ResidentId.mask(m.group()))) : text;
    }
}
