package io.nexussync.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The packaged bridge ({@code target/nexus-sync.jar}) in its own JVM, which a test can kill like a crash. */
public final class BridgeProcess implements AutoCloseable {

    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;

    public BridgeProcess(String name, Map<String, String> properties, List<String> jvmOptions) {
        this.properties = properties;
        this.jvmOptions = jvmOptions;
        this.log = Path.of("target", "it-logs", name + ".log");
    }

    public static Path jar() {
        Path jar = Path.of("target", "nexus-sync.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("run mvn package first: " + jar + " is missing");
        }
        return jar;
    }

    /** Starts the JVM and waits until its HTTP port answers. */
    public BridgeProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Droutes.location=" + Path.of("routes").toAbsolutePath());
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String ready = "http://127.0.0.1:" + properties.get("camel.management.port") + "/observe/health/live";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("bridge exited with " + process.exitValue() + ", see " + log);
                    }
                    return WebhookSender.get(ready).status() == 200;
                });
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, exactly like a crash. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int httpPort() {
        return Integer.parseInt(properties.get("camel.server.port"));
    }

    public int managementPort() {
        return Integer.parseInt(properties.get("camel.management.port"));
    }

    public long pid() {
        return process.pid();
    }

    public File logFile() {
        return log.toFile();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
