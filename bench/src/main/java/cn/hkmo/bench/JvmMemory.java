package cn.hkmo.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * What a running JVM holds, from its performance counters ({@code jcmd <pid> PerfCounter.print}), which need no JVM
 * option: the application keeps running with production's. Sizes in MB: the heap committed and used (both generations of
 * the serial collector), the metaspace committed (class space included), the compiled code; the classes loaded, and of
 * them those mapped from a class-data sharing archive (HotSpot counts these apart: {@code java.cls.loadedClasses} holds
 * only the others); live threads.
 */
record JvmMemory(double heapCommittedMb, double heapUsedMb, double metaspaceMb, double compiledCodeMb, long classes,
                 long sharedClasses, long threads) {

    private static final double MB = 1024.0 * 1024.0;

    static JvmMemory of(long pid) throws Exception {
        return parse(Profiler.jcmd(pid, "PerfCounter.print"));
    }

    static JvmMemory parse(String counters) {
        Map<String, Long> c = new HashMap<>();
        counters.lines().map(String::trim).filter(l -> l.matches("[\\w.]+=-?\\d+")).forEach(l -> {
            int eq = l.indexOf('=');
            c.put(l.substring(0, eq), Long.parseLong(l.substring(eq + 1)));
        });
        long committed = 0;
        long used = 0;
        for (int gen = 0; gen < 2; gen++) {
            committed += c.getOrDefault("sun.gc.generation." + gen + ".capacity", 0L);
            for (int space = 0; space < 3; space++) {
                used += c.getOrDefault("sun.gc.generation." + gen + ".space." + space + ".used", 0L);
            }
        }
        long shared = c.getOrDefault("java.cls.sharedLoadedClasses", 0L) - c.getOrDefault("java.cls.sharedUnloadedClasses", 0L);
        return new JvmMemory(committed / MB, used / MB, c.getOrDefault("sun.gc.metaspace.capacity", 0L) / MB,
                c.getOrDefault("sun.ci.nmethodSize", 0L) / MB,
                c.getOrDefault("java.cls.loadedClasses", 0L) - c.getOrDefault("java.cls.unloadedClasses", 0L) + shared,
                shared,
                c.getOrDefault("java.threads.live", 0L));
    }
}
