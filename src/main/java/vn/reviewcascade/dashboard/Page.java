package vn.reviewcascade.dashboard;

import java.util.List;

/** One page of a list that can reach national size: {@code page} counts from 0, {@code total} is over all pages. */
public record Page<T>(int page, int size, long total, List<T> items) {

    /** The most rows one request may ask for. */
    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }

    /** A requested page size within 1 and {@link #MAX_SIZE}. */
    public static int size(int requested) {
        return Math.max(1, Math.min(MAX_SIZE, requested));
    }
}
