package cn.hkmo.fee.simulator;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Posts notifies the way the platform does: a form POST to the merchant's notify URL, repeated on
 * the retry schedule until the body is exactly {@code success}.
 */
final class NotifyDelivery implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NotifyDelivery.class);

    private final List<Duration> retryDelays;
    private final Duration timeout;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "alipay-simulator-notify");
        thread.setDaemon(true);
        return thread;
    });

    NotifyDelivery(List<Duration> retryDelays, Duration timeout) {
        this.retryDelays = List.copyOf(retryDelays);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Starts delivery; {@code notify} is built (and signed) again for every attempt, as notify_time moves on. */
    void deliverUntilSuccess(String notifyUrl, Supplier<Map<String, String>> notify) {
        scheduler.execute(() -> attempt(notifyUrl, notify, 0));
    }

    private void attempt(String notifyUrl, Supplier<Map<String, String>> notify, int attempt) {
        String reply = post(notifyUrl, notify.get());
        if ("success".equals(reply)) {
            return;
        }
        if (attempt >= retryDelays.size()) {
            LOG.warnf("notify to %s given up after %d attempts (last reply: %s)", notifyUrl, attempt + 1, reply);
            return;
        }
        Duration wait = retryDelays.get(attempt);
        LOG.infof("notify to %s answered '%s'; retry in %s", notifyUrl, reply, wait);
        scheduler.schedule(() -> attempt(notifyUrl, notify, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One POST; the merchant's reply body, or a description of the failure. */
    String post(String notifyUrl, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 200 ? response.body().trim() : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
