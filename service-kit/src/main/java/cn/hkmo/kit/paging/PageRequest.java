package cn.hkmo.kit.paging;

import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import io.quarkus.panache.common.Page;

/**
 * A validated {@code page} and {@code size} of a list endpoint. Both are bounded so that the row offset
 * ({@code page * size}) always fits an {@code int}: unchecked, {@code page=21474837&size=100} overflowed into a
 * negative offset and a 500. Every paged endpoint builds one of these from its query parameters.
 */
public record PageRequest(int page, int size) {

    /** Deeper than any list a person pages through; with {@link #LONG_LIST_MAX_SIZE} the offset stays at 2 million. */
    public static final int MAX_PAGE = 10_000;
    /** Largest page of citizens' and public lists. */
    public static final int MAX_SIZE = 100;
    /** Largest page of the staff work lists that have always allowed it (officer's day, collection, courier). */
    public static final int LONG_LIST_MAX_SIZE = 200;

    /** A page of at most {@link #MAX_SIZE} items. */
    public static PageRequest of(int page, int size) {
        return of(page, size, MAX_SIZE);
    }

    /**
     * @throws ProblemException VALIDATION_FAILED (400) with a violation on {@code page} and/or {@code size}
     */
    public static PageRequest of(int page, int size, int maxSize) {
        if (maxSize < 1 || maxSize > LONG_LIST_MAX_SIZE) {
            throw new IllegalArgumentException("maxSize must be 1.." + LONG_LIST_MAX_SIZE + ": " + maxSize);
        }
        boolean pageBad = page < 0 || page > MAX_PAGE;
        boolean sizeBad = size < 1 || size > maxSize;
        if (!pageBad && !sizeBad) {
            return new PageRequest(page, size);
        }
        ProblemException problem = new ProblemException(KitError.VALIDATION_FAILED);
        if (pageBad) {
            problem.withViolation("page", PagingError.PAGE_OUT_OF_RANGE, MAX_PAGE);
        }
        if (sizeBad) {
            problem.withViolation("size", PagingError.PAGE_SIZE_OUT_OF_RANGE, maxSize);
        }
        throw problem;
    }

    /** Rows to skip before this page; cannot overflow within the bounds above. */
    public int offset() {
        return page * size;
    }

    /** The same page for Panache queries. */
    public Page panache() {
        return Page.of(page, size);
    }
}
