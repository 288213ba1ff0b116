package cn.hkmo.kit.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The ops calendar file of the kit's test application, empty at start; CalendarSourceIT rewrites it. */
@QuarkusTestResource(CalendarFile.class)
public class CalendarFile implements QuarkusTestResourceLifecycleManager {

    public static final Path PATH = Path.of("target", "kit-test-calendar.json").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        write("{\"years\": []}");
        return Map.of("hkmo.calendar.file", PATH.toString(), "hkmo.calendar.refresh-interval", "1h");
    }

    @Override
    public void stop() {
    }

    public static void write(String json) {
        try {
            Files.writeString(PATH, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
