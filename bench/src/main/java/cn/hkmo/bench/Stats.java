package cn.hkmo.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latency summary of a set of samples (nanoseconds in, milliseconds out), nearest-rank percentiles. */
public record Stats(int count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    public static Stats ofNanos(Collection<Long> nanos) {
        return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    public static Stats ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN) / 1e6;
        return new Stats(s.length, mean, pct(s, 50) / 1e6, pct(s, 95) / 1e6, pct(s, 99) / 1e6, s[s.length - 1] / 1e6);
    }

    public static Stats ofMillis(double[] millis) {
        long[] nanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = Math.round(millis[i] * 1e6);
        }
        return ofNanos(nanos);
    }

    /** Nearest-rank percentile of sorted values. */
    static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
