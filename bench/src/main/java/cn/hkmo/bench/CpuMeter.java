package cn.hkmo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the cores went during a part: CPU seconds of each component (from /proc/<pid>/stat utime+stime, plus
 * cutime+cstime for children already reaped: PostgreSQL backends, finished tools), and of the whole machine
 * (/proc/stat), so "other work" = machine busy - ours.
 */
public final class CpuMeter {

    private static final double HZ = 100.0; // USER_HZ on Linux

    /** CPU seconds by component, and the machine's busy and wall seconds. */
    public record Snapshot(Map<String, Double> cpu, double machineBusy, double machineTotal, long nanos) {

        public Snapshot minus(Snapshot before) {
            Map<String, Double> d = new LinkedHashMap<>();
            cpu.forEach((k, v) -> d.put(k, v - before.cpu.getOrDefault(k, 0.0)));
            return new Snapshot(d, machineBusy - before.machineBusy, machineTotal - before.machineTotal, nanos - before.nanos);
        }

        public double ours() {
            return cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** "appointment-service 3.1 s (24%), ..." of the machine's capacity over the wall time. */
        public String describe(int cores) {
            double wall = nanos / 1e9;
            StringBuilder s = new StringBuilder();
            cpu.forEach((k, v) -> s.append(String.format(java.util.Locale.ROOT, "%s %.1f s (%.0f%%), ", k, v, 100 * v / (wall * cores))));
            double other = Math.max(0, machineBusy - ours());
            s.append(String.format(java.util.Locale.ROOT, "other processes %.1f s (%.0f%%); machine busy %.0f%% of %d cores over %.1f s",
                    other, 100 * other / (wall * cores), 100 * machineBusy / Math.max(1e-9, machineTotal), cores, wall));
            return s.toString();
        }
    }

    private CpuMeter() {
    }

    /**
     * @param classify maps a descendant process of this JVM to a component name (null: "tools")
     */
    public static Snapshot snapshot(Function<ProcessHandle, String> classify) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        long[] self = ticks(ProcessHandle.current().pid());
        cpu.put("bench JVM (load generator, Kafka broker)", (self[0] + self[1]) / HZ);
        cpu.merge("tools (wrk, pgbench, JMH fork; counted when they exit)", (self[2] + self[3]) / HZ, Double::sum);
        ProcessHandle.current().descendants().forEach(p -> {
            long[] t = ticks(p.pid());
            if (t == null) {
                return;
            }
            String group = classify.apply(p);
            cpu.merge(group == null ? "tools (wrk, pgbench, JMH fork; counted when they exit)" : group, (t[0] + t[1] + t[2] + t[3]) / HZ, Double::sum);
        });
        double[] m = machine();
        return new Snapshot(cpu, m[0], m[1], System.nanoTime());
    }

    /** The JIT's compiler threads, by the names HotSpot gives them ({@code C1 CompilerThre}, {@code C2 CompilerThre}). */
    static final String JIT = "JIT compiler threads";
    /** HotSpot's VM thread: with the serial collector it runs the collections (and the other safepoint operations). */
    static final String VM_THREAD = "VM thread (serial GC)";
    static final String APPLICATION = "application threads";

    /**
     * CPU seconds of one JVM by kind of thread, from /proc/<pid>/task/<tid>/stat: what the execution samples of a profile
     * do not show (the JIT compiling, the collector). Threads that ended in between are not counted.
     */
    static Map<String, Double> threadsOf(long pid) {
        Map<String, Double> cpu = new LinkedHashMap<>(); // in this order in the report (Map.of's order changes per run)
        cpu.put(APPLICATION, 0.0);
        cpu.put(JIT, 0.0);
        cpu.put(VM_THREAD, 0.0);
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? JIT
                            : name.equals("VM Thread") ? VM_THREAD : APPLICATION;
                    cpu.merge(kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / HZ, Double::sum);
                } catch (Exception gone) {
                    // the thread ended while the list was read
                }
            });
        } catch (Exception e) {
            return Map.of();
        }
        return cpu;
    }

    /** The JIT's share of one JVM's CPU between two {@link #threadsOf} readings (0 when it used none). */
    static double jitShare(Map<String, Double> before, Map<String, Double> after) {
        double all = 0;
        double jit = 0;
        for (var e : after.entrySet()) {
            double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            all += d;
            jit += JIT.equals(e.getKey()) ? d : 0;
        }
        return all > 0 ? jit / all : 0;
    }

    /** The CPU seconds a process has used so far, all its threads, ended ones included; NaN when it is gone. */
    static double cpuSeconds(long pid) {
        long[] t = ticks(pid);
        return t == null ? Double.NaN : (t[0] + t[1]) / HZ;
    }

    /** utime, stime, cutime, cstime in ticks, or null when the process is gone. */
    static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": f[0] = state (field 3); utime = field 14 -> f[11]
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (Exception e) {
            return null;
        }
    }

    /** busy and total seconds of all cores since boot. */
    static double[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / HZ, total / HZ};
        } catch (Exception e) {
            return new double[] {0, 0};
        }
    }
}
