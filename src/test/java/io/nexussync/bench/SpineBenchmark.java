package io.nexussync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.nexussync.testing.BridgeEnvironment;
import io.nexussync.testing.BridgeProcess;
import io.nexussync.testing.Events;
import io.nexussync.testing.FreePorts;
import io.nexussync.testing.TestDatabase;
import io.nexussync.testing.nexus.NexusEmulator;
import io.nexussync.testing.nexus.WriteEvent;
import io.nexussync.testing.vectorizer.VectorizerEmulator;

/**
 * The spine benchmark: the packaged bridge in its own JVM (-Xmx512m, production defaults) against the Neo4j-backed
 * Nexus emulator. Run with {@code mvn -B -Pbench verify}; prints one table of medians and ratios.
 */
public final class SpineBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    /** Scenarios to run (latency, throughput, writer, extraction, proxy; reconcile on request); the five by default. */
    private static final List<String> SCENARIOS = List.of(System.getProperty("bench.scenarios",
            "latency,throughput,writer,extraction,proxy").split(","));
    /** Seconds of each measured proxy mix, at 200 requests/s to each target. */
    private static final int PROXY_SECONDS = Integer.getInteger("bench.proxy-seconds", 30);
    /** Extra JVM options for the bridge, e.g. a profiler. */
    private static final String BRIDGE_OPTIONS = System.getProperty("bench.bridge-options", "");

    private final NexusEmulator nexus = NexusEmulator.shared();
    /** Commit time (nanoTime) of each document uid written by the emulator. */
    private final Map<String, Long> visibleAt = new ConcurrentHashMap<>();
    private final Map<String, String> results = new LinkedHashMap<>();
    private TestDatabase current;

    public static void main(String[] args) throws Exception {
        new SpineBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("machine: %d cores, java %s, state store %s, bridge JVM: -Xmx512m -XX:+UseZGC %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), TestDatabase.KIND,
                BRIDGE_OPTIONS.trim());
        if (SCENARIOS.contains("latency")) {
            ackLatencyAndFreshness();
        }
        if (SCENARIOS.contains("throughput")) {
            throughputAndHeap();
        }
        if (SCENARIOS.contains("writer")) {
            batchedVersusSingle();
        }
        if (SCENARIOS.contains("extraction")) {
            extraction();
        }
        if (SCENARIOS.contains("proxy")) {
            proxyOverhead();
        }
        if (SCENARIOS.contains("reconcile")) {
            // not in the default set: a million-document collection takes minutes to seed
            new ReconcileBench(nexus, results).run();
        }
        System.out.println("\n== results (medians of " + RUNS + " runs where repeated) ==");
        results.forEach((k, v) -> System.out.printf("%-60s %s%n", k, v));
    }

    private void ackLatencyAndFreshness() throws Exception {
        try (TestDatabase db = TestDatabase.createShared(); BridgeProcess bridge = bridge("latency", db, List.of())) {
            OpenLoopLoad load = new OpenLoopLoad(httpUrl(bridge), BridgeEnvironment.SECRET);
            // warm-up: JIT-compile the intake and pipeline paths, then let the pipeline drain before measuring
            List<OpenLoopLoad.Sent> warm = load.run(7500, 500, i -> Events.inserted("bench_warm", "w" + i, "warm"));
            System.out.println("warm-up statuses: " + warm.stream().collect(java.util.stream.Collectors.groupingBy(
                    s -> s.status() + " " + s.error(), java.util.stream.Collectors.counting())));
            current = db;
            awaitVisible("bench_warm", 7500);
            Map<String, Double> bucketsBefore = serverBuckets(bridge);
            List<OpenLoopLoad.Sent> sent = load.run(10_000, 500,
                    i -> Events.inserted("bench_ack", "a" + i, "Doc " + i));
            Files.createDirectories(Path.of("target", "bench"));
            Files.write(Path.of("target", "bench", "ack-latencies.csv"), sent.stream()
                    .map(x -> (x.dueNanos() - sent.get(0).dueNanos()) / 1_000_000 + "," + x.latencyMs()).toList());
            Percentiles ack = new Percentiles(sent.stream().mapToDouble(OpenLoopLoad.Sent::latencyMs).toArray());
            long refused = sent.stream().filter(s -> s.status() != 202).count();
            results.put("ack latency @500 deliveries/s p50 (ms)", fmt(ack.at(50)));
            results.put("ack latency @500 deliveries/s p99 (ms)  [target <= 10]", fmt(ack.at(99)));
            results.put("ack latency @500 deliveries/s max (ms), non-202", fmt(ack.at(100)) + ", " + refused);
            Map<String, Double> bucketsAfter = serverBuckets(bridge);
            double total = bucketsAfter.get("+Inf") - bucketsBefore.get("+Inf");
            double within10 = bucketsAfter.get("0.01") - bucketsBefore.get("0.01");
            results.put("  inside the bridge: share of deliveries over 10 ms (%)", fmt(100 * (total - within10) / total));

            awaitVisible("bench_ack", 10_000);
            List<OpenLoopLoad.Sent> fresh = load.run(2000, 100, i -> Events.insertRange("bench_fresh", "f" + i, 0, 10));
            awaitVisible("bench_fresh", 20_000);
            double[] lag = new double[20_000];
            int n = 0;
            for (OpenLoopLoad.Sent s : fresh) {
                for (int k = 0; k < 10; k++) {
                    Long visible = visibleAt.get("default/bench_fresh/f" + s.index() + "-" + k);
                    lag[n++] = (visible - s.answeredNanos()) / 1e6;
                }
            }
            Percentiles freshness = new Percentiles(lag);
            results.put("freshness 202->visible @1000 docs/s p50 (ms)", fmt(freshness.at(50)));
            results.put("freshness 202->visible @1000 docs/s p99 (ms)  [target <= 1000]", fmt(freshness.at(99)));
        }
    }

    /**
     * Latency the write-through proxy adds: the same open-loop schedule sends alternately to the Vectorizer emulator
     * and to {@code /vectorizer} on the bridge (200 requests/s each), for a read mix and a write mix. Proxied writes
     * include their durable inbox commit, and the pipeline syncs them to Nexus meanwhile, as in production.
     */
    private void proxyOverhead() throws Exception {
        int dimension = 64;
        String collection = "bench_proxy";
        try (VectorizerEmulator vectorizer = VectorizerEmulator.start()) {
            vectorizer.createCollection(collection, dimension);
            for (int i = 0; i < 1000; i++) {
                vectorizer.put(collection, "seed-" + i, VectorizerEmulator.embed("seed document " + i, dimension),
                        Map.of("title", "Seed " + i, "content", "seed document number " + i));
            }
            try (TestDatabase db = TestDatabase.create(); BridgeProcess bridge = bridge("proxy", db, List.of(),
                    Map.of("vectorizer.url", vectorizer.url()))) {
                ProxyLoad load = new ProxyLoad(vectorizer.url(), httpUrl(bridge) + "/vectorizer");
                ProxyLoad.Calls reads = (i, proxied) -> i % 2 == 0
                        ? new ProxyLoad.Call("POST", "/collections/" + collection + "/search", "{\"vector\":"
                          + vectorJson(VectorizerEmulator.embed("query " + (i % 500), dimension)) + ",\"limit\":10}")
                        : new ProxyLoad.Call("POST", "/qdrant/collections/" + collection + "/points",
                          "{\"ids\":[\"seed-" + (i % 1000) + "\",\"seed-" + ((i + 7) % 1000)
                          + "\"],\"with_payload\":true}");
                ProxyLoad.Calls writes = (i, proxied) -> new ProxyLoad.Call("POST", "/insert_vectors",
                        "{\"collection\":\"" + collection + "\",\"vectors\":[{\"id\":\"" + (proxied ? "p-" : "d-") + i
                        + "\",\"embedding\":" + vectorJson(VectorizerEmulator.embed("doc " + i, dimension))
                        + ",\"payload\":{\"title\":\"Doc " + i + "\",\"content\":\"small document " + i + "\"}}]}");
                // warm-up: JIT-compile both paths (and their write ids are not reused below)
                load.run(10, 200, reads);
                load.run(10, 200, (i, proxied) -> writes.make(1_000_000 + i, proxied));
                Map<String, Double> before = proxyBuckets(bridge, "read");
                proxyResults("read mix (search, retrieve)", load.run(PROXY_SECONDS, 200, reads));
                insideBridge("read", before, proxyBuckets(bridge, "read"));
                before = proxyBuckets(bridge, "write");
                proxyResults("write mix (insert_vectors, 1 small doc)", load.run(PROXY_SECONDS, 200, writes));
                insideBridge("write", before, proxyBuckets(bridge, "write"));
            }
        }
    }

    private void proxyResults(String mix, List<ProxyLoad.Sample> samples) {
        Percentiles direct = new Percentiles(samples.stream().filter(s -> !s.proxied())
                .mapToDouble(ProxyLoad.Sample::latencyMs).toArray());
        Percentiles proxied = new Percentiles(samples.stream().filter(ProxyLoad.Sample::proxied)
                .mapToDouble(ProxyLoad.Sample::latencyMs).toArray());
        long failed = samples.stream().filter(s -> s.status() / 100 != 2).count();
        String at = " @200 req/s each, " + direct.count() + " + " + proxied.count() + " requests";
        results.put("proxy " + mix + at, "failed (non-2xx) " + failed);
        String label = "  " + mix.substring(0, mix.indexOf(' ')) + ": ";
        results.put(label + "direct p50 / p99 (ms)", fmt(direct.at(50)) + " / " + fmt(direct.at(99)));
        results.put(label + "proxied p50 / p99 (ms)", fmt(proxied.at(50)) + " / " + fmt(proxied.at(99)));
        results.put(label + "added p50 / p99 (ms)  [target p99 <= 5]", fmt(proxied.at(50) - direct.at(50)) + " / "
                + fmt(proxied.at(99) - direct.at(99)));
        System.out.printf("proxy %s: direct p50 %.1f p99 %.1f, proxied p50 %.1f p99 %.1f, failed %d%n", mix,
                direct.at(50), direct.at(99), proxied.at(50), proxied.at(99), failed);
    }

    /**
     * The bridge's own view, free of client-side and network noise: time in the proxy route minus the wait for
     * Vectorizer, as SLO buckets; p50 and p99 are given as the bucket bound they fall under.
     */
    private void insideBridge(String kind, Map<String, Double> before, Map<String, Double> after) {
        double total = after.get("+Inf") - before.get("+Inf");
        List<String> bounds = new ArrayList<>(after.keySet());
        String p50 = null;
        String p99 = null;
        for (String le : bounds) {
            double share = (after.get(le) - before.getOrDefault(le, 0.0)) / total;
            String bound = le.equals("+Inf") ? "> 100" : "<= " + fmt(Double.parseDouble(le) * 1000);
            p50 = p50 == null && share >= 0.5 ? bound : p50;
            p99 = p99 == null && share >= 0.99 ? bound : p99;
        }
        double over5 = after.get("+Inf") - after.get("0.005") - (before.get("+Inf") - before.get("0.005"));
        results.put("  " + kind + ": inside the bridge (route minus Vectorizer) p50 / p99 (ms)", p50 + " / " + p99);
        results.put("  " + kind + ": inside the bridge, share over 5 ms (%)", fmt(100 * over5 / total));
    }

    /** Cumulative buckets (le in seconds) of the bridge's proxy overhead timer for {@code kind}. */
    private static Map<String, Double> proxyBuckets(BridgeProcess bridge, String kind) {
        String metrics = io.nexussync.testing.WebhookSender.get("http://127.0.0.1:" + bridge.managementPort()
                + "/observe/metrics").body();
        Map<String, Double> buckets = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("vectorizer_nexus_proxy_overhead_seconds_bucket"
                + "\\{kind=\"" + kind + "\",le=\"([^\"]+)\"} ([0-9.eE+]+)").matcher(metrics);
        while (m.find()) {
            buckets.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    private static String vectorJson(float[] vector) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            out.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return out.append(']').toString();
    }

    private void throughputAndHeap() throws Exception {
        double[] rates = new double[RUNS];
        double[] heaps = new double[RUNS];
        double[] live = new double[RUNS];
        double[] bridgeCpu = new double[RUNS];
        double[] benchCpu = new double[RUNS];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int run = 0; run < RUNS; run++) {
            nexus.reset();
            visibleAt.clear();
            Path gc = Path.of("target", "bench", "gc-throughput-" + run + ".log");
            Files.createDirectories(gc.getParent());
            Files.deleteIfExists(gc);
            try (TestDatabase db = TestDatabase.create();
                 BridgeProcess bridge = bridge("throughput-" + run, db, List.of("-Xlog:gc:file=" + gc))) {
                OpenLoopLoad load = new OpenLoopLoad(httpUrl(bridge), BridgeEnvironment.SECRET);
                String collection = "bench_bulk";
                long bridgeCpuBefore = cpuMillis(bridge);
                long benchCpuBefore = os.getProcessCpuTime();
                long start = System.nanoTime();
                sendConcurrently(load, 200, 4, i -> Events.insertRange(collection, "b" + i, 0, 1000));
                awaitVisible(collection, 200_000);
                rates[run] = 200_000 / ((System.nanoTime() - start) / 1e9);
                // where the two cores went: the bridge, or this JVM (the emulator's Neo4j and the load generator)
                bridgeCpu[run] = (cpuMillis(bridge) - bridgeCpuBefore) / 200.0;
                benchCpu[run] = (os.getProcessCpuTime() - benchCpuBefore) / 1e6 / 200.0;
            }
            heaps[run] = GcLog.peakHeapMb(gc);
            live[run] = GcLog.peakLiveHeapMb(gc);
            System.out.printf("throughput run %d: %.0f docs/s, peak heap %.0f MB, peak live heap %.0f MB, CPU ms per"
                    + " 1,000 docs: bridge %.0f, emulator and load generator %.0f%n", run + 1, rates[run], heaps[run],
                    live[run], bridgeCpu[run], benchCpu[run]);
        }
        results.put("end-to-end throughput, 200 x 1000-event deliveries (docs/s)  [target >= 5000]",
                fmt(Percentiles.median(rates)) + "  (runs: " + fmtAll(rates) + ")");
        results.put("peak heap syncing 200,000 documents (MB, from the GC log)  [target <= 512]",
                fmt(Percentiles.median(heaps)) + "  (runs: " + fmtAll(heaps) + ")");
        results.put("peak live heap after GC syncing 200,000 documents (MB)",
                fmt(Percentiles.median(live)) + "  (runs: " + fmtAll(live) + ")");
        results.put("CPU ms per 1,000 documents: bridge", fmt(Percentiles.median(bridgeCpu)) + "  (runs: "
                + fmtAll(bridgeCpu) + ")");
        results.put("CPU ms per 1,000 documents: emulator (Neo4j) and load generator",
                fmt(Percentiles.median(benchCpu)) + "  (runs: " + fmtAll(benchCpu) + ")");
    }

    private static long cpuMillis(BridgeProcess bridge) {
        return ProcessHandle.of(bridge.pid()).flatMap(h -> h.info().totalCpuDuration())
                .map(java.time.Duration::toMillis).orElse(0L);
    }

    private void extraction() {
        ExtractionBench bench = new ExtractionBench();
        bench.docsPerSecond(20_000); // warm-up: JIT-compile the recognisers
        double[] rates = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            rates[run] = bench.docsPerSecond(20_000);
        }
        results.put("classification + extraction, 2 KB documents, one thread (docs/s)  [target >= 2000]",
                fmt(Percentiles.median(rates)) + "  (runs: " + fmtAll(rates) + ", checksum " + bench.sink() + ")");
    }

    private void batchedVersusSingle() {
        nexus.reset();
        WriterBench writer = new WriterBench(nexus.url());
        double[] batched = new double[RUNS];
        double[] single = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            batched[run] = writer.docsPerSecond("batched" + run, 20_000, 500);
            single[run] = writer.docsPerSecond("single" + run, 1_000, 1);
        }
        double[] ratios = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            ratios[run] = batched[run] / single[run];
        }
        results.put("Nexus writes, UNWIND batches of 500 (docs/s)", fmt(Percentiles.median(batched)));
        results.put("Nexus writes, one statement per document (docs/s)", fmt(Percentiles.median(single)));
        results.put("speed-up of batched over per-document writes  [target >= 20x]",
                fmt(Percentiles.median(ratios)) + "x  (runs: " + fmtAll(ratios) + ")");
    }

    private static void sendConcurrently(OpenLoopLoad load, int deliveries, int senders,
            java.util.function.IntFunction<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        AtomicInteger next = new AtomicInteger();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < deliveries; i = next.getAndIncrement()) {
                    int status = load.send(i, System.nanoTime(), bodies.apply(i)).join().status();
                    if (status != 202) {
                        throw new IllegalStateException("delivery " + i + " answered " + status);
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private BridgeProcess bridge(String name, TestDatabase db, List<String> jvm) throws Exception {
        return bridge(name, db, jvm, Map.of());
    }

    private BridgeProcess bridge(String name, TestDatabase db, List<String> jvm, Map<String, String> extra)
            throws Exception {
        nexus.onWrite(this::recordVisible);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", Integer.toString(FreePorts.next()));
        p.put("camel.management.port", Integer.toString(FreePorts.next()));
        p.put("camel.server.host", "127.0.0.1");
        p.put("camel.management.host", "127.0.0.1");
        p.put("nexus.url", nexus.url());
        p.put("sync.db.url", db.url());
        p.put("sync.db.user", db.user());
        p.put("webhook.secrets", BridgeEnvironment.SECRET);
        p.putAll(extra);
        if (!extra.containsKey("vectorizer.url")) {
            // the spine scenarios run without a Vectorizer: nothing to search for neighbours
            p.put("similarity.enabled", "false");
        }
        // the JVM options docs/operations.md recommends for production
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseZGC"));
        options.addAll(jvm);
        if (!BRIDGE_OPTIONS.isBlank()) {
            options.addAll(List.of(BRIDGE_OPTIONS.trim().split("\\s+")));
        }
        return new BridgeProcess("bench-" + name, p, options).start();
    }

    /** A document is visible once the statement that merges its node commits (its edges follow in the batch). */
    @SuppressWarnings("unchecked")
    private void recordVisible(WriteEvent write) {
        Object rows = write.parameters().get("rows");
        if (write.query().contains("MERGE (d:Document") && rows instanceof List<?> list) {
            for (Object row : list) {
                visibleAt.putIfAbsent((String) ((Map<String, Object>) row).get("uid"), write.committedAtNanos());
            }
        }
    }

    private void awaitVisible(String collection, int documents) throws InterruptedException {
        String prefix = "default/" + collection + "/";
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (visibleAt.keySet().stream().filter(u -> u.startsWith(prefix)).count() < documents) {
            if (System.nanoTime() > deadline) {
                String detail = current == null ? "" : " inbox=" + current.count("SELECT COUNT(*) FROM inbox")
                        + " dlq=" + current.count("SELECT COUNT(*) FROM dead_letter") + " synced=" + current.count(
                        "SELECT COUNT(*) FROM sync_state WHERE collection = ?", collection) + " visible="
                        + visibleAt.keySet().stream().filter(u -> u.startsWith(prefix)).count() + " in nexus="
                        + nexus.count("MATCH (d:Document {collection: $c}) RETURN count(d)", Map.of("c", collection));
                throw new IllegalStateException(collection + " did not reach " + documents + " documents" + detail);
            }
            Thread.sleep(20);
        }
    }

    /** The bridge's cumulative webhook latency buckets (le in seconds), from its Prometheus endpoint. */
    private static Map<String, Double> serverBuckets(BridgeProcess bridge) {
        String metrics = io.nexussync.testing.WebhookSender.get("http://127.0.0.1:" + bridge.managementPort()
                + "/observe/metrics").body();
        Map<String, Double> buckets = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "vectorizer_nexus_webhook_latency_seconds_bucket\\{le=\"([^\"]+)\"} ([0-9.eE+]+)").matcher(metrics);
        while (m.find()) {
            buckets.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return buckets;
    }

    private static String httpUrl(BridgeProcess bridge) {
        return "http://127.0.0.1:" + bridge.httpPort();
    }

    private static String fmt(double v) {
        return String.format("%.1f", v);
    }

    private static String fmtAll(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format("%.1f", v));
        }
        return String.join(", ", out);
    }
}
