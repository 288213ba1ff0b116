package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "A first call" runs as written: its bash block is read from README.md, the local run's ports
 * (gateway 8080, Keycloak 8180) are replaced by the harness's, and every command runs in one bash session. The test
 * asserts that the README still has the commands it knows, so it breaks when the README drifts.
 */
@SystemTest
class ReadmeFirstCallIT {

    private static final String GATEWAY = "http://localhost:8080";
    private static final String KEYCLOAK = "http://localhost:8180";
    private static final String MARK = "@@@ end of command ";

    @Test
    @DisplayName("README 'A first call': get a token, list the halls, see the free windows, book, list my bookings, as written")
    void theReadmesFirstCallWorksAsWritten() throws Exception {
        List<String> commands = firstCallCommands();

        // the README still has the commands this test knows
        String token = find(commands, c -> c.startsWith("TOKEN=$(curl") && c.contains("grant_type=password")
                && c.contains("client_id=hkmo-dev-cli") && c.contains(KEYCLOAK + "/realms/hkmo/protocol/openid-connect/token"));
        String halls = find(commands, c -> c.startsWith("curl") && c.contains(GATEWAY + "/api/v1/halls"));
        String book = find(commands, c -> c.startsWith("curl") && c.contains("-X POST") && c.contains(GATEWAY + "/api/v1/bookings")
                && c.contains("Authorization: Bearer $TOKEN"));
        String mine = find(commands, c -> c.startsWith("curl") && !c.contains("-X POST") && c.contains("Authorization: Bearer $TOKEN")
                && c.contains(GATEWAY + "/api/v1/bookings"));

        Map<String, String> outputs = run(commands);

        assertThat(outputs.get(token)).as("TOKEN").matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

        JsonPath hallsJson = json(halls, outputs.get(halls));
        assertThat(hallsJson.getList("items.id", String.class)).as(flat(halls)).contains("BJ-CHAOYANG");
        if (halls.contains("province=110000")) {
            assertThat(hallsJson.getList("items.region.provinceCode", String.class)).as("%s: only Beijing's halls", flat(halls))
                    .containsOnly("110000");
        }

        JsonPath booked = json(book, outputs.get(book));
        String bookingNo = booked.getString("bookingNo");
        assertThat(bookingNo).as("booking answer: %s", outputs.get(book)).isNotBlank();
        assertThat(booked.getString("checkInCode")).as("booking answer: %s", outputs.get(book)).isNotBlank();
        assertThat(booked.getString("status")).isEqualTo("BOOKED");

        JsonPath mineJson = json(mine, outputs.get(mine));
        assertThat(mineJson.getList("items.bookingNo", String.class)).as(flat(mine)).contains(bookingNo);

        // every other output (e.g. availability) answers without a problem
        outputs.forEach((command, output) -> assertThat(output).as("output of %s", flat(command))
                .doesNotContain("application/problem+json").doesNotContain("\"status\":4").doesNotContain("\"status\":5"));
    }

    /**
     * The commands of the first bash block under "## A first call", split where bash would end them: at a newline
     * outside quotes that does not follow a backslash (so a JSON body spread over lines stays one command).
     * Comments are dropped.
     */
    static List<String> firstCallCommands() throws IOException {
        String readme = Files.readString(Suite.get().repoRoot().resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## A first call");
        assertThat(section).as("README.md has a section '## A first call'").isNotNegative();
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find(section)).as("a bash block in 'A first call'").isTrue();
        String text = block.group(1);
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!single && !dbl && c == '#' && (current.length() == 0 || Character.isWhitespace(current.charAt(current.length() - 1)))) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;                                            // a comment, to the end of the line
                }
                continue;
            }
            if (c == '\\' && !single && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));        // escaped character or line continuation
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
            if (c == '\n' && !single && !dbl) {
                if (!current.toString().isBlank()) {
                    commands.add(current.toString().trim());
                }
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            commands.add(current.toString().trim());
        }
        return commands;
    }

    /** One line, for matching and messages. */
    private static String flat(String command) {
        return command.replaceAll("\\\\\\n", " ").replaceAll("\\s+", " ");
    }

    /** Runs the commands in one bash session with the harness's ports; each command's output (TOKEN's value for the token line). */
    private static Map<String, String> run(List<String> commands) throws Exception {
        Suite suite = Suite.get();
        StringBuilder script = new StringBuilder("set -u\n");
        for (int i = 0; i < commands.size(); i++) {
            String c = commands.get(i).replace(GATEWAY, suite.gatewayUrl()).replace(KEYCLOAK, suite.keycloakUrl());
            assertThat(c).as("a command with another host or port than the local run's: %s", c).doesNotContain("localhost:80")
                    .doesNotContain("localhost:81");
            script.append(c).append('\n');
            if (c.startsWith("TOKEN=")) {
                script.append("printf %s \"$TOKEN\"\n");
            }
            script.append("echo; echo '").append(MARK).append(i).append("'\n");
        }
        Path file = Files.createTempFile(Path.of("target"), "readme-first-call", ".sh");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("bash exit; output:\n%s\nscript:\n%s", out, script).isZero();
        Map<String, String> outputs = new LinkedHashMap<>();
        int from = 0;
        for (int i = 0; i < commands.size(); i++) {
            String mark = MARK + i;
            int at = out.indexOf(mark, from);
            assertThat(at).as("output of command %s: %s", i, out).isNotNegative();
            outputs.put(commands.get(i), out.substring(from, at).trim());
            from = at + mark.length();
        }
        return outputs;
    }

    private static JsonPath json(String command, String output) {
        assertThat(output).as("output of %s", flat(command)).startsWith("{");
        return JsonPath.from(output);
    }

    private static String find(List<String> commands, java.util.function.Predicate<String> p) {
        return commands.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError(
                "README.md 'A first call' no longer has a command this test knows; its commands now:\n" + String.join("\n", commands)));
    }
}
