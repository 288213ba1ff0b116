package cn.hkmo.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port helpers. */
public final class Ports {

    /** Linux's default ephemeral range, used when the kernel's own cannot be read. */
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;
    private static final int LOWEST = 10000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * A port that is free right now, for a server started later. It is picked below the kernel's
     * ephemeral range: a port the kernel picks (port 0) can be given, between our check and the
     * server's bind, to one of the many outgoing connections a starting suite opens, and the server
     * then fails with "address already in use" (CI met it on Keycloak). A port is never handed out
     * twice by one JVM.
     */
    public static int free() {
        int high = ephemeralLow() - 1;
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, high + 1);
            if (HANDED_OUT.add(port)) {
                if (bindable(port)) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + high);
    }

    private static boolean bindable(int port) {
        // The wildcard address too: a server bound there would block ours on loopback.
        for (InetAddress address : new InetAddress[] {InetAddress.getLoopbackAddress(), null}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(address, port), 1);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int ephemeralLow() {
        try {
            // Not Files.readString: a /proc file reports size 0 and JDK 17 then reads a single byte of it.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    /** True when something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
