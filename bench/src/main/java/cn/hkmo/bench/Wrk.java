package cn.hkmo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk (Debian package) runs and the parsing of its {@code --latency} report. */
public final class Wrk {

    /** A wrk result: requests/s, latency percentiles (ms), request count, non-2xx count, the command. */
    public record Result(double requestsPerSecond, double p50Ms, double p75Ms, double p90Ms, double p99Ms, double meanMs,
                         long requests, long non2xx, long socketErrors, String command) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PCT = Pattern.compile("^\\s*(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern MEAN = Pattern.compile("^\\s*Latency\\s+([0-9.]+)(us|ms|s)", Pattern.MULTILINE);
    private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    public static Result run(String url, int threads, int connections, int seconds, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s", url));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + cmd);
        }
        return parse(java.nio.file.Files.readString(log), String.join(" ", cmd));
    }

    public static Result parse(String out, String command) {
        double[] pct = new double[4];
        Matcher m = PCT.matcher(out);
        while (m.find()) {
            int i = switch (m.group(1)) {
                case "50" -> 0;
                case "75" -> 1;
                case "90" -> 2;
                default -> 3;
            };
            pct[i] = millis(m.group(2), m.group(3));
        }
        Matcher mean = MEAN.matcher(out);
        Matcher rps = RPS.matcher(out);
        Matcher count = COUNT.matcher(out);
        Matcher non = NON2XX.matcher(out);
        Matcher err = ERRORS.matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("no wrk report in:\n" + out);
        }
        long errors = 0;
        if (err.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(err.group(g));
            }
        }
        return new Result(Double.parseDouble(rps.group(1)), pct[0], pct[1], pct[2], pct[3],
                mean.find() ? millis(mean.group(1), mean.group(2)) : Double.NaN,
                count.find() ? Long.parseLong(count.group(1)) : -1, non.find() ? Long.parseLong(non.group(1)) : 0, errors,
                command);
    }

    static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000.0;
            case "s" -> v * 1000.0;
            default -> v;
        };
    }
}
