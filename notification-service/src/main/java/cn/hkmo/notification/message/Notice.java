package cn.hkmo.notification.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one event tells one citizen: a kind (the template key of the message bundles and of the SMS template), its
 * parameters in template order, and a link to the booking or application it is about. Never a resident ID.
 *
 * @param recipient    the citizen's subject
 * @param timeCritical sent even in quiet hours and over the daily cap (an offer that lapses within the hour)
 */
public record Notice(String recipient, String kind, Map<String, String> params, String link, boolean timeCritical) {

    public Notice {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(kind, "kind");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The parameters as {@code MessageFormat} arguments: {0} is the first parameter, and so on. */
    public Object[] arguments() {
        return params.values().toArray();
    }
}
