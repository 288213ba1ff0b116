package cn.hkmo.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code http} examples of a Markdown guide (docs/partners.md, "How to read the examples"): each block a request
 * as it goes on the wire and the answer shown, with {@code <name>} placeholders for what differs on every run. Parses
 * the blocks, fills a request's placeholders, and matches a real answer against the one shown: the status, the headers
 * shown, and the fields shown (a subset; a list's shown items each match one of its items), capturing placeholders.
 */
public final class HttpExamples {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOCK = Pattern.compile("(?m)^```http( eventually)?\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>\\n]+)>");

    /** One example: where it is, the request, and the answer shown. */
    public record Example(int line, boolean eventually, String method, String path, Map<String, String> headers,
                          String body, int status, Map<String, String> answerHeaders, String answerBody) {

        @Override
        public String toString() {
            return "line " + line + ": " + method + " " + path + " -> " + status;
        }
    }

    /** A real answer. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {
    }

    private final Map<String, String> values = new HashMap<>();

    /** @param given values the runner fills in (tokens, the window to book) */
    public HttpExamples(Map<String, String> given) {
        values.putAll(given);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public void put(String name, String value) {
        values.put(name, value);
    }

    /** Every {@code http} block of the guide, in order. */
    public static List<Example> parse(String markdown) {
        List<Example> examples = new ArrayList<>();
        Matcher block = BLOCK.matcher(markdown);
        while (block.find()) {
            int line = (int) markdown.substring(0, block.start()).chars().filter(c -> c == '\n').count() + 1;
            examples.add(example(line, block.group(1) != null, block.group(2)));
        }
        return examples;
    }

    private static Example example(int line, boolean eventually, String text) {
        int answerAt = text.indexOf("\nHTTP/1.1 ");
        if (answerAt < 0) {
            throw new IllegalArgumentException("line " + line + ": an http example without its answer (HTTP/1.1 ...)");
        }
        List<String> request = List.of(text.substring(0, answerAt).split("\n", -1));
        String[] requestLine = request.get(0).trim().split(" ", 2);
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 1;
        for (; i < request.size() && !request.get(i).isBlank(); i++) {
            String[] header = request.get(i).split(":", 2);
            headers.put(header[0].trim(), header[1].trim());
        }
        String body = String.join("\n", request.subList(Math.min(i + 1, request.size()), request.size())).trim();

        List<String> answer = List.of(text.substring(answerAt + 1).split("\n", -1));
        int status = Integer.parseInt(answer.get(0).substring("HTTP/1.1 ".length()).trim().split(" ")[0]);
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        int j = 1;
        // the headers shown, up to a blank line or the JSON body (shown right under them, for brevity)
        for (; j < answer.size() && !answer.get(j).isBlank() && !answer.get(j).startsWith("{")
                && !answer.get(j).startsWith("["); j++) {
            String[] header = answer.get(j).split(":", 2);
            answerHeaders.put(header[0].trim(), header[1].trim());
        }
        String answerBody = String.join("\n", answer.subList(j, answer.size())).trim();
        return new Example(line, eventually, requestLine[0], requestLine[1], headers, body, status, answerHeaders, answerBody);
    }

    /** {@code text} with its placeholders filled: known values, else a fresh value of the caller's own (a new key). */
    public String fill(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.computeIfAbsent(placeholder.group(1), name -> UUID.randomUUID().toString());
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /**
     * The differences between the answer shown and the real one (none: it matches); the placeholders of a matching
     * answer are captured for the examples after it.
     */
    public List<String> match(Example example, Answer answer) {
        List<String> differences = new ArrayList<>();
        Map<String, String> captured = new HashMap<>(values);
        if (answer.status() != example.status()) {
            differences.add("status " + answer.status() + " instead of " + example.status());
        }
        example.answerHeaders().forEach((name, shown) -> {
            List<String> real = answer.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).toList();
            if (real.stream().noneMatch(value -> text(shown, value, captured)
                    || value.toLowerCase(Locale.ROOT).startsWith(shown.toLowerCase(Locale.ROOT) + ";"))) {
                differences.add("header " + name + ": " + real + " instead of " + shown);
            }
        });
        if (!example.answerBody().isEmpty()) {
            try {
                JsonNode shown = JSON.readTree(example.answerBody());
                JsonNode real = JSON.readTree(answer.body());
                json("$", shown, real, captured, differences);
            } catch (IOException e) {
                differences.add("body not JSON (" + e.getMessage() + ")");
            }
        }
        if (differences.isEmpty()) {
            values.putAll(captured);
        }
        return differences;
    }

    private static void json(String at, JsonNode shown, JsonNode real, Map<String, String> captured, List<String> differences) {
        if (real == null || real.isMissingNode()) {
            differences.add(at + " missing");
        } else if (shown.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = shown.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                json(at + "." + field.getKey(), field.getValue(), real.get(field.getKey()), captured, differences);
            }
        } else if (shown.isArray()) {
            if (!real.isArray()) {
                differences.add(at + ": " + real + " is no list");
            } else if (shown.isEmpty() && !real.isEmpty()) {
                differences.add(at + ": " + real + " instead of an empty list");
            }
            for (int i = 0; real.isArray() && i < shown.size(); i++) {
                JsonNode item = shown.get(i);
                boolean found = false;
                for (JsonNode candidate : real) {
                    Map<String, String> trial = new HashMap<>(captured);
                    List<String> misses = new ArrayList<>();
                    json(at + "[" + i + "]", item, candidate, trial, misses);
                    if (misses.isEmpty()) {
                        captured.putAll(trial);
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    differences.add(at + ": no item like " + item + " in " + real);
                }
            }
        } else if (shown.isTextual() && PLACEHOLDER.matcher(shown.asText()).matches()) {
            if (!text(shown.asText(), real.isValueNode() ? real.asText() : real.toString(), captured)) {
                differences.add(at + ": " + real + " is not " + shown.asText() + " = " + captured.get(name(shown.asText())));
            }
        } else if (shown.isNumber() ? !real.isNumber() || shown.decimalValue().compareTo(real.decimalValue()) != 0
                : !shown.equals(real)) {
            differences.add(at + ": " + real + " instead of " + shown);
        }
    }

    /** A shown text against a real one: equal, or a placeholder that is (or becomes) the real value. */
    private static boolean text(String shown, String real, Map<String, String> captured) {
        Matcher placeholder = PLACEHOLDER.matcher(shown);
        if (!placeholder.matches()) {
            return shown.equals(real);
        }
        String known = captured.putIfAbsent(placeholder.group(1), real);
        return known == null || known.equals(real);
    }

    private static String name(String placeholder) {
        return placeholder.substring(1, placeholder.length() - 1);
    }
}
