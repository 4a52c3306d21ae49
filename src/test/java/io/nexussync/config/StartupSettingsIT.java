package io.nexussync.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.nexussync.testing.BridgeProcess;
import io.nexussync.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad setting stops the packaged bridge at start-up with one line on stderr that names the key. */
class StartupSettingsIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "batch.max-size=abc      | nexus-sync: invalid setting batch.max-size: 'abc' is not a whole number",
        "nexus.url=localhost     | nexus-sync: invalid setting nexus.url: 'localhost' is not an http(s) URL with a host",
        "sync.db.url=jdbc:mysql:x| nexus-sync: invalid setting sync.db.url: only jdbc:h2: and jdbc:postgresql: URLs are supported",
        "routes.location=/nowhere| nexus-sync: invalid setting routes.location: '/nowhere' is not a readable directory",
        "webhook.secrets=whsec_!!| nexus-sync: invalid setting webhook.secrets: secret #1 is not whsec_<base64>",
        "domains.file=/nowhere/d.yaml| nexus-sync: invalid setting domains.file: '/nowhere/d.yaml' cannot be read",
        "entities.min-confidence=2| nexus-sync: invalid setting entities.min-confidence: 2 is outside 0.0..1.0"})
    void should_stop_with_one_line_naming_the_key(String setting, String expected) throws Exception {
        assertThat(stderrOfRefusedStart(setting)).isEqualTo(expected);
    }

    @Test
    void should_name_the_line_of_a_broken_rules_file() throws Exception {
        Path rules = java.nio.file.Files.createTempFile("domains", ".yaml");
        java.nio.file.Files.writeString(rules, "threshold: 0.5\ndomains:\n  legal:\n    keywords: {3: [a, b}\n");
        assertThat(stderrOfRefusedStart("domains.file=" + rules))
                .startsWith("nexus-sync: invalid setting domains.file: " + rules + " line 4: ").doesNotContain("\n");
    }

    /** Starts the jar with {@code setting}, expects exit code 2 and returns what it wrote to stderr. */
    private static String stderrOfRefusedStart(String setting) throws Exception {
        Process process = start(setting);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes()).trim();
        assertThat(process.exitValue()).isEqualTo(2);
        return stderr;
    }

    private static Process start(String setting) throws java.io.IOException {
        Path data = java.nio.file.Files.createTempDirectory("nexus-sync-startup");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsync.db.url=jdbc:h2:file:" + data.resolve("state"),
                "-Droutes.location=" + Path.of("routes").toAbsolutePath(),
                "-Dcamel.server.port=" + FreePorts.next(), "-Dcamel.management.port=" + FreePorts.next(),
                "-D" + setting, "-jar", BridgeProcess.jar().toAbsolutePath().toString()));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
