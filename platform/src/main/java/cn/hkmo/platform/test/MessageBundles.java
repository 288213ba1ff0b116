package cn.hkmo.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check every module's tests run over its own message bundles: each key of {@code <name>.properties} (zh-CN,
 * the default) is in {@code <name>_en.properties} and the other way round, with the same {@code {n}} arguments, so
 * no answer falls back to a bare code or loses a value in one language.
 */
public final class MessageBundles {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private MessageBundles() {
    }

    /** @throws AssertionError naming every key missing in one language or with other arguments */
    public static void assertChineseAndEnglishAgree(String... bundleNames) {
        List<String> defects = new ArrayList<>();
        for (String name : bundleNames) {
            defects.addAll(defects(name, load(name + ".properties"), load(name + "_en.properties")));
        }
        if (!defects.isEmpty()) {
            throw new AssertionError("message bundles disagree:\n  " + String.join("\n  ", defects));
        }
    }

    public static List<String> defects(String bundle, Properties chinese, Properties english) {
        List<String> defects = new ArrayList<>();
        if (chinese.isEmpty() && english.isEmpty()) {
            defects.add(bundle + ": no such bundle on the class path");
        }
        Set<String> keys = new TreeSet<>(chinese.stringPropertyNames());
        keys.addAll(english.stringPropertyNames());
        for (String key : keys) {
            if (!chinese.containsKey(key)) {
                defects.add(bundle + ": " + key + " has no Chinese (" + bundle + ".properties)");
            } else if (!english.containsKey(key)) {
                defects.add(bundle + ": " + key + " has no English (" + bundle + "_en.properties)");
            } else if (!arguments(chinese.getProperty(key)).equals(arguments(english.getProperty(key)))) {
                defects.add(bundle + ": " + key + " takes arguments " + arguments(chinese.getProperty(key))
                        + " in Chinese but " + arguments(english.getProperty(key)) + " in English");
            }
        }
        return defects;
    }

    private static Set<Integer> arguments(String message) {
        Set<Integer> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            arguments.add(Integer.parseInt(matcher.group(1)));
        }
        return arguments;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            return properties;
        }
        try (InputStream in = url.openStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
