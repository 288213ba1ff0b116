package cn.hkmo.eligibility.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A rule's values over time: each value is in force from its date until the next one starts. The value in
 * force on the application date applies.
 */
public final class Timeline<T> {

    /** One value of the rule; {@code from} null means "since before any date the system deals with". */
    public record Entry<T>(LocalDate from, T value, RuleRef rule) {
    }

    private final List<Entry<T>> entries;

    private Timeline(List<Entry<T>> entries) {
        List<Entry<T>> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        this.entries = List.copyOf(sorted);
    }

    @SafeVarargs
    public static <T> Timeline<T> of(Entry<T>... entries) {
        return new Timeline<>(List.of(entries));
    }

    public static <T> Entry<T> since(LocalDate from, T value, RuleRef rule) {
        return new Entry<>(from, value, rule);
    }

    public static <T> Entry<T> always(T value, RuleRef rule) {
        return new Entry<>(null, value, rule);
    }

    /** The entry in force on {@code date}, empty before the first entry. */
    public Optional<Entry<T>> on(LocalDate date) {
        Entry<T> current = null;
        for (Entry<T> entry : entries) {
            if (entry.from() == null || !entry.from().isAfter(date)) {
                current = entry;
            }
        }
        return Optional.ofNullable(current);
    }

    public T valueOn(LocalDate date) {
        return on(date).map(Entry::value).orElseThrow(() -> new IllegalStateException("no rule in force on " + date));
    }
}
