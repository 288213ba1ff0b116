package cn.hkmo.kit.problem;

import cn.hkmo.kit.time.BusinessTime;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.text.Format;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Titles and details of error codes in zh-CN (the default) or English: first the service's
 * {@code problems*.properties}, then the kit's {@code kit-problems*.properties}. Wording that is no error (a note
 * in a view) lives in the service's {@code messages*.properties}, read through {@link RequestLanguage}.
 */
@ApplicationScoped
public class ProblemMessages {

    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);
    private static final List<String> BUNDLES = List.of("problems", "messages", "kit-problems");
    /** Without this, a missing zh_CN bundle would fall back to the JVM's default locale, not to the base file. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The supported language the {@code Accept-Language} header prefers; zh-CN when it names none of them. */
    public static Locale languageOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("en")) {
                    return Locale.ENGLISH;
                }
                if (tag.startsWith("zh") || tag.equals("*")) {
                    return CHINESE;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            return CHINESE;
        }
        return CHINESE;
    }

    public String title(String code, Locale locale) {
        return message(code + ".title", locale).orElse(code);
    }

    public Optional<String> detail(String code, Locale locale, Object... args) {
        return message(code + ".detail", locale, args);
    }

    /** The entry {@code key} formatted with {@code args}, if a bundle has it. */
    public Optional<String> message(String key, Locale locale, Object... args) {
        for (String bundleName : BUNDLES) {
            Optional<ResourceBundle> bundle = bundle(bundleName, locale);
            if (bundle.isPresent() && bundle.get().containsKey(key)) {
                MessageFormat format = new MessageFormat(bundle.get().getString(key), locale);
                return Optional.of(format.format(plainValues(format, args == null ? new Object[0] : args)));
            }
        }
        return Optional.empty();
    }

    /**
     * A number in a plain {@code {0}} is written as it is: MessageFormat would group its digits (year "2,027",
     * amount "1,234.5"). An argument given its own format ({@code {0,number,...}}, {@code {0,choice,...}}) keeps it.
     * A point in time is written in the business zone, as every answer shows it ({@link BusinessTime}): a Chinese
     * reader of {@code HOLD_EXPIRED} must not be told a UTC time.
     */
    private static Object[] plainValues(MessageFormat format, Object[] args) {
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            boolean plain = i >= formats.length || formats[i] == null;
            if (plain && values[i] instanceof BigDecimal decimal) {
                values[i] = decimal.toPlainString();
            } else if (plain && values[i] instanceof Number number) {
                values[i] = number.toString();
            } else {
                values[i] = BusinessTime.text(values[i]);
            }
        }
        return values;
    }

    private static Optional<ResourceBundle> bundle(String name, Locale locale) {
        Locale bundleLocale = CHINESE.equals(locale) ? Locale.ROOT : locale;
        try {
            return Optional.of(ResourceBundle.getBundle(name, bundleLocale,
                    Thread.currentThread().getContextClassLoader(), NO_FALLBACK));
        } catch (MissingResourceException noSuchBundle) {
            return Optional.empty();
        }
    }
}
