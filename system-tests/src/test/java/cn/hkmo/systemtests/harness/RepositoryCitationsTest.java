package cn.hkmo.systemtests.harness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository cites only itself (issue 20): the domain rules and their official sources are in docs/domain.md, so
 * no tracked file may point at a briefing outside the repository, at a relative path that leaves it, at a markdown
 * link target that does not exist, or at an anchor of docs/domain.md that is not there.
 */
class RepositoryCitationsTest {

    private static final Path ROOT = Suite.locateRepoRoot();
    private static final String DOMAIN = "docs/domain.md";
    /** An applied Flyway migration keeps its bytes: a changed comment fails its checksum on every existing database. */
    private static final Set<String> APPLIED_MIGRATIONS = Set.of("fee-service/src/main/resources/db/migration/V1__fee.sql");

    private static final Pattern BRIEFING = Pattern.compile("(?<![\\w-])rules\\.md|shared/(domain|seeds|design)/");
    private static final Pattern RELATIVE_PATH = Pattern.compile("(?:\\.\\./)+[^\\s'\"`)\\]>,;]*");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern DOMAIN_ANCHOR = Pattern.compile("domain\\.md#([a-z0-9-]+)((?:, #r-[a-z0-9-]+)*)");
    private static final Pattern ANCHOR_DEFINITION = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>");
    private static final Map<String, String> TEXTS = texts();

    @Test
    void noFileCitesTheBriefingOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        TEXTS.forEach((file, text) -> {
            if (!APPLIED_MIGRATIONS.contains(file)) {
                lines(text, BRIEFING).forEach(line -> found.add(file + ": " + line));
            }
        });
        assertThat(found).as("cite docs/domain.md#<anchor> or the official source instead").isEmpty();
    }

    @Test
    void noRelativePathLeavesTheRepository() {
        List<String> found = new ArrayList<>();
        TEXTS.forEach((file, text) -> escaping(file, text).forEach(path -> found.add(file + ": " + path)));
        assertThat(found).isEmpty();
    }

    @Test
    void markdownLinksPointIntoTheRepository() {
        List<String> found = new ArrayList<>();
        TEXTS.forEach((file, text) -> {
            if (file.endsWith(".md")) {
                brokenLinks(file, text).forEach(link -> found.add(file + ": " + link));
            }
        });
        assertThat(found).isEmpty();
    }

    @Test
    void citedAnchorsOfTheDomainRulesExist() {
        Set<String> anchors = anchors(TEXTS.get(DOMAIN));
        assertThat(anchors).contains("r-fees", "r-delegation", "r-sources");
        List<String> found = new ArrayList<>();
        TEXTS.forEach((file, text) -> citedAnchors(text).stream().filter(anchor -> !anchors.contains(anchor))
                .forEach(anchor -> found.add(file + ": #" + anchor)));
        assertThat(found).isEmpty();
    }

    /** The checks themselves, on the forms the repository used to cite (split here, or this file would cite them). */
    @Test
    void theChecksCatchWhatTheyAreFor() {
        String briefing = "rules" + ".md";
        String outside = "../../shared/" + "domain/" + briefing;
        assertThat(lines("rules: `" + outside + "` §3, §5", BRIEFING)).hasSize(1);
        assertThat(lines("/** " + briefing + " §7.4: 11 digits */", BRIEFING)).hasSize(1);
        assertThat(lines("see docs/domain.md#r-mobile and business-" + briefing, BRIEFING)).isEmpty();
        assertThat(escaping("issuance-service/README.md", "`" + outside + "`")).hasSize(1);
        assertThat(escaping("web/h5/vite.config.ts", "import { appConfig } from '../shared/vite'")).isEmpty();
        assertThat(brokenLinks("docs/deadlines.md", "[a](domain.md#r-sources) [b](nowhere.md) [c](https://x.cn/a.md)"))
                .containsExactly("nowhere.md");
        assertThat(citedAnchors("(docs/domain.md#r-t-matrix, #r-t-special) docs/domain.md#r-fees"))
                .containsExactly("r-t-matrix", "r-t-special", "r-fees");
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> lines(String text, Pattern pattern) {
        return text.lines().filter(line -> pattern.matcher(line).find()).map(String::strip).toList();
    }

    private static List<String> escaping(String file, String text) {
        Path dir = ROOT.resolve(file).getParent();
        List<String> out = new ArrayList<>();
        Matcher m = RELATIVE_PATH.matcher(text);
        while (m.find()) {
            if (!dir.resolve(m.group()).normalize().startsWith(ROOT)) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static List<String> brokenLinks(String file, String text) {
        Path dir = ROOT.resolve(file).getParent();
        List<String> out = new ArrayList<>();
        Matcher m = MARKDOWN_LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("^[a-z]+:.*") || target.startsWith("#") || target.startsWith("<")) {
                continue;
            }
            Path path = dir.resolve(target.replaceFirst("#.*$", "")).normalize();
            if (!path.startsWith(ROOT) || !Files.exists(path)) {
                out.add(target);
            }
        }
        return out;
    }

    private static List<String> citedAnchors(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = DOMAIN_ANCHOR.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
            for (String more : m.group(2).split(", #")) {
                if (!more.isEmpty()) {
                    out.add(more);
                }
            }
        }
        return out;
    }

    private static Set<String> anchors(String domain) {
        return ANCHOR_DEFINITION.matcher(domain).results().map(found -> found.group(1)).collect(Collectors.toSet());
    }

    /** Every tracked text file (UTF-8, no NUL byte) by its path from the root. */
    private static Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : tracked()) {
            text(ROOT.resolve(file)).ifPresent(text -> texts.put(file, text));
        }
        return texts;
    }

    private static List<String> tracked() {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git ls-files failed in " + ROOT + ": " + out);
            }
            return List.of(out.split("\0")).stream().filter(name -> !name.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> text(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
