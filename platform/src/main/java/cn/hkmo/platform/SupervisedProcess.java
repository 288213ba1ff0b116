package cn.hkmo.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive this JVM.
 *
 * <p>The command runs under a tiny {@code sh} watchdog whose standard input is a pipe held only by this JVM:
 * <pre>sh -c 'trap "" INT; sig=$1; shift; "$@" &amp; c=$!; read _; kill -s $sig $c; wait $c' sh SIG cmd...</pre>
 * When the JVM closes the pipe (normal stop) or dies for any reason (Ctrl-C, crash, {@code kill -9}) the kernel
 * closes the pipe, {@code read} returns and the watchdog sends the stop signal to the child and waits for it.
 * No polling, no pid files. The watchdog runs in its own session ({@code setsid}) so that a Ctrl-C in the
 * terminal reaches only the JVM, whose shutdown hook stops the children in order.
 */
public final class SupervisedProcess {

    private static final String WATCHDOG =
            "trap '' INT; sig=$1; shift; \"$@\" & c=$!; read _; kill -s \"$sig\" \"$c\" 2>/dev/null; wait \"$c\"";

    private final String name;
    private final Process watchdog;
    private final OutputStream lifeline;
    private final Path log;

    private SupervisedProcess(String name, Process watchdog, Path log) {
        this.name = name;
        this.watchdog = watchdog;
        this.lifeline = watchdog.getOutputStream();
        this.log = log;
    }

    /**
     * Starts {@code command} under the watchdog.
     *
     * @param stopSignal signal name sent to the child on stop ({@code TERM}, {@code INT} for PostgreSQL's fast shutdown)
     * @param log        file that receives the child's stdout and stderr
     */
    public static SupervisedProcess start(String name, List<String> command, Path workDir, Path log,
            Map<String, String> environment, String stopSignal) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            cmd.add("setsid");
        }
        cmd.addAll(List.of("sh", "-c", WATCHDOG, "sh", stopSignal));
        cmd.addAll(command);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment);
        // stdin stays a PIPE (the default): that pipe is the lifeline
        return new SupervisedProcess(name, pb.start(), log);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The watchdog's pid (the child is its only child process). */
    public long pid() {
        return watchdog.pid();
    }

    public boolean isAlive() {
        return watchdog.isAlive();
    }

    /**
     * Asks the child to stop (closes the lifeline) and waits until it has exited; after {@code timeout} the
     * watchdog and everything below it are killed.
     */
    public void stop(Duration timeout) {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the watchdog is gone already
        }
        try {
            if (!watchdog.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                watchdog.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                watchdog.destroyForcibly();
                watchdog.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            watchdog.destroyForcibly();
        }
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        return Logs.tail(log, lines);
    }
}
