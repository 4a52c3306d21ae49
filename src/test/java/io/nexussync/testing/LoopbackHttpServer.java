package io.nexussync.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The emulators' JDK HTTP server on the loopback address, which can go down and come back on the same port (the Nexus
 * and Vectorizer emulators each run one).
 */
public final class LoopbackHttpServer {

    // Nexus admits clamp(cpus, 4, 32) concurrent requests; beyond that requests queue instead of being refused
    private static final int WORKERS = 32;
    private static final int BIND_ATTEMPTS = 50;

    static {
        // without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms to every keep-alive response;
        // the JDK reads this once, when its first HttpServer is created
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ExecutorService executor;
    private HttpHandler handler;
    private HttpServer server;
    private int port;

    /** {@code threadPrefix} names the worker threads, e.g. {@code nexus-emulator-http}. */
    public LoopbackHttpServer(String threadPrefix) {
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, threadPrefix + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized void start(HttpHandler rootHandler) {
        this.handler = rootHandler;
        this.server = bind(0);
        this.port = server.getAddress().getPort();
    }

    public int port() {
        return port;
    }

    public synchronized boolean isUp() {
        return server != null;
    }

    /** Stops listening and closes every open connection, including those of requests in flight. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server == null && handler != null) {
            server = bind(port);
        }
    }

    public synchronized void close() {
        down();
        handler = null;
        executor.shutdownNow();
    }

    private HttpServer bind(int wantedPort) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpServer created = HttpServer.create(address, 512);
                created.setExecutor(executor);
                created.createContext("/", handler);
                created.start();
                return created;
            } catch (BindException e) {
                // the old listener can take a moment to release the port after stop()
                if (attempt == BIND_ATTEMPTS) {
                    throw new UncheckedIOException("cannot listen on " + address + " again", e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + address, e);
            }
        }
    }
}
