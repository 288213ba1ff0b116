package cn.hkmo.kit.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the shape of every list an answer holds (docs/conventions.md, "Lists"); {@code total} is the
 * number of items on all pages, counted by the database where the list comes from one.
 */
public record Page<T>(@Schema(required = true) List<T> items,
                      @Schema(required = true, description = "This page's number, from 0") int page,
                      @Schema(required = true, description = "The largest number of items a page holds") int size,
                      @Schema(required = true, description = "The number of items on all pages") long total) {

    /** The requested page of a Panache query; {@code total} is the query's count over the same condition. */
    public static <E, T> Page<T> of(PageRequest paging, PanacheQuery<E> query, Function<? super E, T> view) {
        List<T> items = query.page(paging.panache()).list().stream().<T>map(view).toList();
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }

    /** The requested page of a JPA query; {@code count} counts the rows of the same condition. */
    public static <E, T> Page<T> of(PageRequest paging, TypedQuery<E> rows, TypedQuery<Long> count,
                                    Function<? super E, T> view) {
        List<T> items = rows.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().<T>map(view).toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    /**
     * The requested page of a list that is not held in a database (a catalogue read from configuration, a
     * computed list), so its size is its total.
     */
    public static <T> Page<T> of(PageRequest paging, List<T> all) {
        int from = (int) Math.min(all.size(), (long) paging.offset());
        int to = (int) Math.min(all.size(), (long) paging.offset() + paging.size());
        return new Page<>(List.copyOf(all.subList(from, to)), paging.page(), paging.size(), all.size());
    }
}
