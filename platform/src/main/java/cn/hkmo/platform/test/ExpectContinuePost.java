package cn.hkmo.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A POST sent as large uploads are (curl over 1 MB, SDKs that ask for it): the headers with
 * {@code Expect: 100-continue}, and the body only once the server has answered 100 (RFC 9110 §10.1.1). Written on a
 * socket because the JDK 17 client waits forever when the answer is final instead of 100 (JDK-8286171).
 */
public final class ExpectContinuePost {

    /** The server's final answer, and whether it asked for the body before giving it. */
    public record Answer(int status, boolean bodySent, Map<String, String> headers, String body) {
    }

    private ExpectContinuePost() {
    }

    public static Answer send(URI target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST ").append(target.getRawPath())
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n")
                    .append("Expect: 100-continue\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            InputStream in = socket.getInputStream();
            int status = status(line(in));
            Map<String, String> answerHeaders = headers(in);
            boolean bodySent = false;
            if (status == 100) {
                out.write(body);
                out.flush();
                bodySent = true;
                status = status(line(in));
                answerHeaders = headers(in);
            }
            String length = answerHeaders.get("content-length");
            byte[] answer = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
            return new Answer(status, bodySent, answerHeaders, new String(answer, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int status(String statusLine) {
        return Integer.parseInt(statusLine.split(" ", 3)[1]);
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed before the end of a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
