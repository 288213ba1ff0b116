package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs last (after the fault test): every log line the tests made the applications write (their log files under
 * {@code target/system-tests/logs/}, and the platform's copies and PostgreSQL's and Keycloak's logs under the
 * platform's data folder) is searched for resident IDs: each demo citizen's and synthetic citizen's number, and any
 * 18-character string with a valid GB 11643 check character.
 */
@SystemTest
@Order(Integer.MAX_VALUE)
class LogScanIT {

    static final List<String> DEMO_IDS = List.of("110105199003071239", "310104195806120025", "440106201409150036",
            "440304199508210047", "510107198804050051");

    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])"
            + "(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");

    @Test
    @DisplayName("no log line of any application or server holds a resident ID")
    void noResidentIdInAnyLog() throws IOException {
        Set<String> known = new LinkedHashSet<>(DEMO_IDS);
        known.addAll(Citizens.allResidentIds());
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("target", "system-tests", "logs"),
                Suite.get().platform().config().dataDir().resolve("logs"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".log")).forEach(files::add);
                }
            }
        }
        List<String> hits = new ArrayList<>();
        long lines = 0;
        for (Path f : files) {
            try (Stream<String> s = Files.lines(f, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) s::iterator) {
                    lines++;
                    Matcher m = CANDIDATE.matcher(line);
                    while (m.find()) {
                        String id = m.group();
                        if (known.contains(id.toUpperCase()) || Citizens.validResidentId(id)) {
                            if (hits.size() < 20) {
                                hits.add(f.getFileName() + ": " + (line.length() > 300 ? line.substring(0, 300) : line));
                            }
                        }
                    }
                    for (String id : known) {
                        if (line.contains(id) && hits.size() < 20) {
                            hits.add(f.getFileName() + ": " + id);
                        }
                    }
                }
            } catch (java.io.UncheckedIOException e) {
                // a binary or non-UTF-8 log: read it leniently
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String id : known) {
                    if (text.contains(id)) {
                        hits.add(f.getFileName() + ": " + id);
                    }
                }
            }
        }
        Suite.log("[logs] scanned " + files.size() + " files, " + lines + " lines, for " + known.size()
                + " known resident IDs and any valid GB 11643 number: " + hits.size() + " hits");
        assertThat(files).isNotEmpty();
        assertThat(hits).as("log lines with a resident ID").isEmpty();
    }
}
