package io.nexussync.synctool;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import io.nexussync.config.InvalidSettingException;
import io.nexussync.config.SettingsReader;
import io.nexussync.graph.NexusClient;
import io.nexussync.jobs.JobRepository;
import io.nexussync.scan.CollectionScanner;
import io.nexussync.store.DurableCommits;
import io.nexussync.store.StateStore;
import io.nexussync.vectorizer.VectorizerClient;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar nexus-sync.jar sync --collection C [--resume] [--report out.json]}: syncs a whole collection
 * through the bridge's own pipeline, started in this process, and reports what it did.
 */
@Command(name = "nexus-sync.jar sync", sortOptions = false,
        description = {"Syncs a whole Vectorizer collection into Nexus through the bridge's pipeline, skipping"
                       + " documents whose content hash is unchanged.",
                       "Exit codes: 0 all synced, 1 some documents failed, 2 bad arguments or settings,"
                       + " 3 Vectorizer, Nexus or the state store unreachable, 130 interrupted (resume with --resume)."})
public final class SyncCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--collection", required = true, paramLabel = "NAME", description = "Collection to sync.")
    String collection;

    @Option(names = "--resume", description = "Continue the collection's last interrupted or failed sync job from"
                                              + " its cursor, keeping its counts.")
    boolean resume;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report to FILE.")
    Path report;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "Without a terminal, print a progress line this often (default ${DEFAULT-VALUE}).")
    int progressIntervalSeconds;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Give up (exit 3) when no enqueued document settles for this long (default"
                          + " ${DEFAULT-VALUE}); what is left stays in the inbox for the bridge.")
    int stallTimeoutSeconds;

    private final StopSignal stop;
    private final PrintStream out;
    private final PrintStream err;

    SyncCommand(StopSignal stop, PrintStream out, PrintStream err) {
        this.stop = stop;
        this.out = out;
        this.err = err;
    }

    /** Runs the command line (arguments after {@code sync}) and returns the exit code. */
    public static int execute(String[] args) {
        StopSignal stop = StopSignal.install();
        try {
            CommandLine line = new CommandLine(new SyncCommand(stop, System.out, System.err));
            return line.execute(args);
        } finally {
            stop.uninstall();
        }
    }

    /** True when the JVM is shutting down on a signal: the caller must return, not call System.exit. */
    public static boolean signalled() {
        return StopSignal.signalled();
    }

    @Override
    public Integer call() {
        if (collection.isBlank() || progressIntervalSeconds < 1 || stallTimeoutSeconds < 1) {
            err.println("nexus-sync sync: --collection must not be blank and intervals must be at least 1 second");
            return SyncRun.BAD_ARGUMENTS;
        }
        Main main = SyncBoot.newMain();
        try {
            main.start();
        } catch (Exception e) {
            stopQuietly(main);
            return startFailure(e);
        }
        try {
            SyncReport result = run(main.getCamelContext());
            out.println(result.summary());
            result.failed().forEach(f -> out.println("  failed " + f.vectorId() + ": " + f.error()));
            if (report != null) {
                try {
                    result.write(report);
                } catch (java.io.UncheckedIOException e) {
                    // the sync itself is done and recorded; a script reading the report must still notice
                    err.println("nexus-sync sync: " + e.getMessage() + ": " + e.getCause().getMessage());
                    return Math.max(result.exitCode(), SyncRun.SOME_FAILED);
                }
            }
            return result.exitCode();
        } finally {
            main.stop();
            stop.finished();
        }
    }

    private SyncReport run(CamelContext context) {
        var registry = context.getRegistry();
        StateStore store = registry.lookupByNameAndType("stateStore", StateStore.class);
        NexusClient nexus = registry.lookupByNameAndType("nexusClient", NexusClient.class);
        Clock clock = registry.lookupByNameAndType("clock", Clock.class);
        String tenant = SettingsReader.of(context).string("sync.tenant", "default");
        ProgressReporter progress = new ProgressReporter(collection, err, System.console() != null,
                progressIntervalSeconds * 1000L, clock);
        SyncRun run = new SyncRun(registry.lookupByNameAndType("jobRepository", JobRepository.class),
                registry.lookupByNameAndType("collectionScanner", CollectionScanner.class), new JobInbox(store),
                progress, nexus::isHealthy, stop::requested, clock, tenant,
                new DrainWait(250, stallTimeoutSeconds * 1000L, clock),
                registry.lookupByNameAndType("durableCommits", DurableCommits.class));
        VectorizerClient vectorizer = registry.lookupByNameAndType("vectorizerClient", VectorizerClient.class);
        if (!vectorizer.isHealthy()) {
            err.println("nexus-sync sync: Vectorizer does not answer at " + vectorizer.settings().url());
        }
        return run.run(collection, resume);
    }

    private static void stopQuietly(Main main) {
        try {
            main.stop();
        } catch (RuntimeException e) {
            // start-up already failed; that failure is the one to report
        }
    }

    private int startFailure(Exception e) {
        InvalidSettingException invalid = InvalidSettingException.findIn(e);
        if (invalid != null) {
            err.println("nexus-sync: " + invalid.getMessage());
            return SyncRun.BAD_ARGUMENTS;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        err.println("nexus-sync sync: cannot start: " + root);
        return SyncRun.UNREACHABLE;
    }
}
