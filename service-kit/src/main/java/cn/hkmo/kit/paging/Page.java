package cn.hkmo.kit.paging;

import java.util.List;

/** One page of a list, the shape of every paged answer; {@code total} is the number of items on all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
