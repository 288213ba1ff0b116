package cn.hkmo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * CPU profile of an application during one part, with JDK Flight Recorder started and dumped through {@code jcmd}
 * (its {@code profile} settings: a Java stack sample every 10 ms per running thread). Reads the execution samples
 * back into the frames that cost the most.
 */
final class Profiler {

    private static final String RECORDING = "bench";

    /** A frame and its share of the samples: {@code self} where it was on top, else anywhere on the stack. */
    record Frame(String method, double percent) {
    }

    /**
     * The top frames by self and by inclusive samples, self samples by library, and how many samples in all; and the
     * JIT's work over the recording (from the first to the last {@code jdk.CompilerStatistics}, taken every second):
     * the methods it compiled and its compiler threads' time, which the execution samples do not show.
     */
    record Profile(long samples, List<Frame> self, List<Frame> inclusive, List<Frame> byLibrary, long compilations,
                   double compileSeconds) {
    }

    private Profiler() {
    }

    static void start(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
    }

    /** Writes what was recorded so far to {@code file}; the recording goes on. */
    static void dump(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.dump", "name=" + RECORDING, "filename=" + file.toAbsolutePath());
    }

    static void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + RECORDING);
    }

    /**
     * The events of {@code [from, to]} only: the recording starts before the warm-up (below). The {@code top} frames by
     * self samples; by inclusive samples among the suite's own methods ({@code cn.hkmo.},
     * without the CDI proxies' frames), so the list says which of them the time is spent under; and the self samples
     * by library (the first two parts of the package: {@code org.hibernate}, {@code com.fasterxml}).
     */
    static Profile read(Path file, int top, Instant from, Instant to) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> byLibrary = new HashMap<>();
        long samples = 0;
        RecordedEvent firstCompilerStatistics = null;
        RecordedEvent lastCompilerStatistics = null;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            if (event.getEventType().getName().equals("jdk.CompilerStatistics")) {
                if (firstCompilerStatistics == null || event.getStartTime().isBefore(firstCompilerStatistics.getStartTime())) {
                    firstCompilerStatistics = event;
                }
                if (lastCompilerStatistics == null || event.getStartTime().isAfter(lastCompilerStatistics.getStartTime())) {
                    lastCompilerStatistics = event;
                }
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            String onTop = name(stack.getFrames().get(0));
            self.merge(onTop, 1L, Long::sum);
            byLibrary.merge(library(onTop), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String method = name(frame);
                if (method.startsWith("cn.hkmo.") && !method.contains("_Subclass") && !method.contains("_Bean")
                        && !method.contains("_ClientProxy") && !method.contains("$$") && seen.add(method)) {
                    inclusive.merge(method, 1L, Long::sum);
                }
            }
        }
        long compilations = 0;
        double compileSeconds = 0;
        if (firstCompilerStatistics != null) {
            compilations = lastCompilerStatistics.getLong("compileCount") - firstCompilerStatistics.getLong("compileCount");
            compileSeconds = (lastCompilerStatistics.getDuration("totalTimeSpent").toMillis()
                    - firstCompilerStatistics.getDuration("totalTimeSpent").toMillis()) / 1000.0;
        }
        return new Profile(samples, top(self, samples, top), top(inclusive, samples, top), top(byLibrary, samples, top),
                compilations, compileSeconds);
    }

    /** The profile as three side-by-side tables under a bold title line. */
    static void describe(Report r, String title, Profile profile) {
        r.line("**%s** (%d samples; the JIT compiled %d methods in %.1f s of its compiler threads' time during the"
                + " recording)", title, profile.samples(), profile.compilations(), profile.compileSeconds());
        r.line("");
        r.line("| self %, by library | | self %, by frame | | inclusive %, the suite's methods | |");
        r.line("|---:|---|---:|---|---:|---|");
        int rows = Math.max(profile.byLibrary().size(), Math.max(profile.self().size(), profile.inclusive().size()));
        for (int i = 0; i < rows; i++) {
            r.line("| %s | %s | %s |", cell(profile.byLibrary(), i), cell(profile.self(), i), cell(profile.inclusive(), i));
        }
        r.line("");
    }

    private static String cell(List<Frame> frames, int i) {
        return i < frames.size() ? String.format("%.1f | `%s`", frames.get(i).percent(), frames.get(i).method()) : " | ";
    }

    private static List<Frame> top(Map<String, Long> counts, long samples, int top) {
        List<Frame> frames = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> frames.add(new Frame(e.getKey(), 100.0 * e.getValue() / Math.max(1, samples))));
        return frames;
    }

    private static String library(String method) {
        String[] parts = method.split("\\.");
        return parts.length < 3 ? method : parts[0] + "." + parts[1];
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** Runs a diagnostic command in the JVM {@code pid} and returns its output. */
    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}
