package cn.hkmo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on, and what else was running. */
public final class Machine {

    private Machine() {
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    public static String memory() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal")).findFirst()
                .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    /** The three load averages of /proc/loadavg. */
    public static String loadAverage() {
        String[] f = read("/proc/loadavg").trim().split("\\s+");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
    }

    public static double load1() {
        try {
            return Double.parseDouble(read("/proc/loadavg").trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    public static String kernel() {
        return read("/proc/sys/kernel/osrelease").trim();
    }

    public static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /** The busiest processes not started by this harness (ps), to say plainly what else competed for the cores. */
    public static List<String> busiestProcesses(int n, long ownPid) {
        List<String> out = new ArrayList<>();
        String ps = run(List.of("ps", "-eo", "pid,ppid,pcpu,rss,etimes,args", "--sort=-pcpu", "--no-headers"));
        for (String line : ps.lines().toList()) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6 || Double.parseDouble(f[2]) < 5.0) {
                continue;
            }
            long pid = Long.parseLong(f[0]);
            if (isOwn(pid, ownPid) || f[5].startsWith("ps ")) {
                continue;
            }
            String cmd = f[5].length() > 110 ? f[5].substring(0, 110) + "..." : f[5];
            out.add(String.format("pid %s %s%% cpu (lifetime avg), %d MB: %s", f[0], f[2], Long.parseLong(f[3]) / 1024, cmd));
            if (out.size() >= n) {
                break;
            }
        }
        return out;
    }

    private static boolean isOwn(long pid, long ownPid) {
        for (var p = ProcessHandle.of(pid); p.isPresent(); p = p.get().parent()) {
            if (p.get().pid() == ownPid) {
                return true;
            }
        }
        return false;
    }

    /** Resident set size (kB) of a process, from /proc/<pid>/status VmRSS; -1 when gone. */
    public static long rssKb(long pid) {
        return statusKb(pid, "VmRSS");
    }

    /** A size field of {@code /proc/<pid>/status} ({@code VmRSS}, {@code RssAnon}, {@code RssFile}) in kB, or -1. */
    public static long statusKb(long pid, String field) {
        for (String l : read("/proc/" + pid + "/status").lines().toList()) {
            if (l.startsWith(field + ":")) {
                return Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    public static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    public static boolean hasTool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin:/usr/sbin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", name));
    }

    public static String toolPath(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
