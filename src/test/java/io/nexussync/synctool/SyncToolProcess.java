package io.nexussync.synctool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.nexussync.testing.BridgeProcess;

/** {@code java -jar target/nexus-sync.jar sync ...} in its own JVM, with its output captured to a log file. */
final class SyncToolProcess {

    private final Path log;
    private final Process process;

    private SyncToolProcess(Path log, Process process) {
        this.log = log;
        this.process = process;
    }

    static SyncToolProcess start(String name, Map<String, String> properties, String... args) throws IOException {
        Path log = Path.of("target", "it-logs", name + ".log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Droutes.location=" + Path.of("routes").toAbsolutePath());
        command.add("-jar");
        command.add(BridgeProcess.jar().toAbsolutePath().toString());
        command.add("sync");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        return new SyncToolProcess(log, process);
    }

    /** Runs the tool to its end and returns its exit code. */
    static int run(String name, Map<String, String> properties, String... args) throws Exception {
        return start(name, properties, args).waitFor(180);
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("sync tool still running after " + seconds + " s, see " + log);
        }
        return process.exitValue();
    }

    /** SIGTERM, as a service manager or Ctrl-C (SIGINT takes the same path) stops it. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: no hook runs, like a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
