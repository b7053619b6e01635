package com.callflowrules.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded HTTP load generator for a service on loopback: seeds a hierarchy through the API
 * (unless told it is there already, as {@link ScaleDatabase} loads it), then drives calls from N
 * workers for a fixed time, and prints throughput and latency percentiles per request kind. The
 * {@code stories} mix is a whole call (arrive, enter the room's code, hang up); the
 * {@code arrivals} mix is arrivals only (each call is left at its prompt); the {@code reads} mix
 * reads one call flow's definition, the floor of an authenticated JSON request (HTTP, security,
 * Spring MVC, Jackson) with no statement and no decision. With a rate, workers start stories (or
 * arrivals, or reads) at that many per second at most. Every 30 s it prints the last
 * window's throughput and p99 per kind with the service's store size, hot and history rows and
 * heap (read from its metrics), so a soak shows how they move over time. Loopback only, at most
 * one hour, by design.
 *
 * <p>The headline figure is what a request costs the service: its process CPU time (Micrometer's
 * {@code process.cpu.time}, read before and after the measured part) divided by the requests it
 * answered, per arrival, per story or per read. Compare it at a
 * fixed rate below saturation, after a warm-up that is not measured (by default 10 s when a rate
 * is given), since peak rates on a shared machine swing from run to run. With idle seconds, the
 * service's CPU with no traffic after the run is printed too, as a share of one core.
 *
 * <pre>args: baseUrl accounts didsPerAccount workers seconds [seed|noseed] [stories|arrivals|reads] [ratePerSecond]
 *       [warmupSeconds] [idleSeconds]</pre>
 */
public final class LoadGenerator {

    private static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));
    private static final int MAX_SECONDS = 3_600;
    private static final int WINDOW_SECONDS = 30;
    private static final String[] NAMES = {
        "POST /calls (arrival)", "POST /calls/{sid}/access_code", "DELETE /calls/{sid}"
    };

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String base;

    private LoadGenerator(String base) {
        URI uri = URI.create(base);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("load is sent to loopback only, not " + uri.getHost());
        }
        this.root = base;
        this.base = base + "/conference/v2";
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int didsPerAccount = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int seconds = Math.min(args.length > 4 ? Integer.parseInt(args[4]) : 30, MAX_SECONDS);
        boolean seed = args.length <= 5 || !args[5].equals("noseed");
        Mix mix = args.length > 6 ? Mix.valueOf(args[6].toUpperCase(java.util.Locale.ROOT)) : Mix.STORIES;
        double rate = args.length > 7 ? Double.parseDouble(args[7]) : 0;
        int warmup = Math.min(args.length > 8 ? Integer.parseInt(args[8]) : rate > 0 ? 10 : 0, MAX_SECONDS);
        int idle = Math.min(args.length > 9 ? Integer.parseInt(args[9]) : 0, MAX_SECONDS);
        int status = 0;
        try {
            new LoadGenerator(base)
                    .run(accounts, didsPerAccount, workers, new Timing(warmup, seconds, idle), seed, mix, rate);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // the worker and reporter threads never outlive the run, failed or not
        System.exit(status);
    }

    /** What each unit of load is, and what the CPU is divided by. */
    private enum Mix {
        STORIES("story (arrive, code, hang up)"),
        ARRIVALS("arrival"),
        READS("read of a call flow");

        private final String unit;

        Mix(String unit) {
            this.unit = unit;
        }
    }

    /** The unmeasured warm-up, the measured run and the idle time after it, in seconds. */
    private record Timing(int warmup, int seconds, int idle) {}

    private void run(int accounts, int didsPerAccount, int workers, Timing timing, boolean seed, Mix mix, double rate)
            throws Exception {
        int seconds = timing.seconds();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        if (seed) {
            seed(pool, accounts, didsPerAccount);
        }
        long begin = System.nanoTime();
        long measuredFrom = begin + timing.warmup() * 1_000_000_000L;
        long end = measuredFrom + seconds * 1_000_000_000L;
        // with a rate, the n-th story may start at begin + n / rate, and not before
        AtomicLong started = new AtomicLong();
        long spacing = rate > 0 ? (long) (1_000_000_000L / rate) : 0;
        AtomicReference<Recorder> measured = new AtomicReference<>(new Recorder());
        AtomicReference<Recorder> window = new AtomicReference<>(new Recorder());
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
        System.out.printf(
                "%8s  %10s %8s  %10s %8s  %10s %8s  %10s %9s %9s %9s%n",
                "elapsed",
                "arrive/s",
                "p99 ms",
                "code/s",
                "p99 ms",
                "hangup/s",
                "p99 ms",
                "store MB",
                "hot calls",
                "history",
                "heap MB");
        reporter.scheduleAtFixedRate(
                () -> report(window.getAndSet(new Recorder()), begin),
                WINDOW_SECONDS,
                WINDOW_SECONDS,
                TimeUnit.SECONDS);
        // the warm-up's requests and CPU are not counted: the measured part starts afresh
        double[] cpuAtStart = {cpuSeconds()};
        if (timing.warmup() > 0) {
            reporter.schedule(
                    () -> {
                        cpuAtStart[0] = cpuSeconds();
                        measured.set(new Recorder());
                    },
                    measuredFrom - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }

        List<Future<?>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            results.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    if (spacing > 0) {
                        long due = begin + started.getAndIncrement() * spacing;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (System.nanoTime() >= end) {
                            break;
                        }
                    }
                    if (mix == Mix.READS) {
                        time(measured, window, 0, () -> send("GET", "/call_flows/secured", null));
                        continue;
                    }
                    int account = random.nextInt(accounts);
                    int did = random.nextInt(didsPerAccount);
                    String number = number(account, did);
                    String answer = time(
                            measured,
                            window,
                            0,
                            () -> send(
                                    "POST",
                                    "/calls",
                                    "{\"number_dst\":\"" + number + "\",\"number_src\":\"15550000000\"}"));
                    String call = answer == null ? null : field(answer, "call_sid");
                    if (call == null || mix != Mix.STORIES) {
                        continue;
                    }
                    time(
                            measured,
                            window,
                            1,
                            () -> send(
                                    "POST",
                                    "/calls/" + call + "/access_code",
                                    "{\"access_code\":\"" + code(account, did) + "\"}"));
                    time(measured, window, 2, () -> send("DELETE", "/calls/" + call, null));
                }
                return null;
            }));
        }
        for (Future<?> r : results) {
            r.get();
        }
        double cpu = cpuSeconds() - cpuAtStart[0];
        pool.shutdown();
        reporter.shutdownNow();
        Recorder all = measured.get();
        double elapsed = (System.nanoTime() - Math.max(begin, measuredFrom)) / 1e9;
        System.out.printf(
                "%d workers for %d s after %d s of warm-up%s%n",
                workers, seconds, timing.warmup(), rate > 0 ? String.format(", at most %.0f starts/s", rate) : "");
        for (int i = 0; i < 3; i++) {
            System.out.printf(
                    "%-32s %8.0f /s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  errors %d%n",
                    i == 0 && mix == Mix.READS ? "GET /call_flows/{sid}" : NAMES[i],
                    all.count(i) / elapsed,
                    all.percentile(i, 0.50),
                    all.percentile(i, 0.99),
                    all.percentile(i, 0.999),
                    all.errors[i]);
        }
        System.out.println(serviceState());
        int units = all.count(mix == Mix.STORIES ? 2 : 0);
        int requests = all.count(0) + all.count(1) + all.count(2);
        System.out.printf(
                "service CPU %.2f s in %.1f s (%.0f%% of a core): %.0f us per %s, %.0f us per request%n",
                cpu, elapsed, 100 * cpu / elapsed, 1e6 * cpu / units, mix.unit, 1e6 * cpu / requests);
        if (timing.idle() > 0) {
            double before = cpuSeconds();
            long idleStart = System.nanoTime();
            Thread.sleep(timing.idle() * 1_000L);
            double idleCpu = cpuSeconds() - before;
            System.out.printf(
                    "service CPU idle after the run: %.2f s in %d s (%.1f%% of a core)%n",
                    idleCpu, timing.idle(), 100 * idleCpu / ((System.nanoTime() - idleStart) / 1e9));
        }
    }

    private static String time(
            AtomicReference<Recorder> measured, AtomicReference<Recorder> window, int kind, Supplier<String> request) {
        long start = System.nanoTime();
        String answer = null;
        boolean failed = false;
        try {
            answer = request.get();
        } catch (RuntimeException e) {
            failed = true;
        }
        long micros = (System.nanoTime() - start) / 1_000;
        measured.get().record(kind, micros, failed);
        window.get().record(kind, micros, failed);
        return answer;
    }

    private void report(Recorder last, long begin) {
        System.out.printf(
                "%7.0fs  %10.0f %8.2f  %10.0f %8.2f  %10.0f %8.2f  %s%n",
                (System.nanoTime() - begin) / 1e9,
                last.count(0) / (double) WINDOW_SECONDS,
                last.percentile(0, 0.99),
                last.count(1) / (double) WINDOW_SECONDS,
                last.percentile(1, 0.99),
                last.count(2) / (double) WINDOW_SECONDS,
                last.percentile(2, 0.99),
                serviceState());
        if (last.errors[0] + last.errors[1] + last.errors[2] > 0) {
            System.out.printf(
                    "          errors in the window: %d / %d / %d%n", last.errors[0], last.errors[1], last.errors[2]);
        }
    }

    /** Store size, hot and history call rows and heap, from the service's metrics. */
    private String serviceState() {
        double store = metric("callflow.store.size", "") / 1e6;
        double hot = metric("callflow.store.rows", "?tag=table:calls");
        double history = metric("callflow.store.rows", "?tag=table:call_history");
        double heap = metric("jvm.memory.used", "?tag=area:heap") / 1e6;
        return String.format("%10.1f %9.0f %9.0f %9.0f", store, hot, history, heap);
    }

    private double metric(String name, String query) {
        Matcher m = Pattern.compile("\"value\":([0-9.eE+-]+)").matcher(metricJson(name, query));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The service's process CPU time so far, in seconds (Micrometer's {@code process.cpu.time}, in its base unit). */
    private double cpuSeconds() {
        String json = metricJson("process.cpu.time", "");
        Matcher value = Pattern.compile("\"value\":([0-9.eE+-]+)").matcher(json);
        Matcher unit = Pattern.compile("\"baseUnit\":\"([a-z]+)\"").matcher(json);
        if (!value.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(value.group(1));
        return switch (unit.find() ? unit.group(1) : "seconds") {
            case "ns", "nanoseconds" -> v / 1e9;
            case "us", "microseconds" -> v / 1e6;
            case "ms", "milliseconds" -> v / 1e3;
            default -> v;
        };
    }

    private String metricJson(String name, String query) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/actuator/metrics/" + name + query))
                    .header("Authorization", AUTH)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void seed(ExecutorService pool, int accounts, int didsPerAccount) throws Exception {
        long seedStart = System.nanoTime();
        List<Future<?>> seeding = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        for (int a = 0; a < accounts; a++) {
            int account = a;
            seeding.add(pool.submit(() -> seedAccount(account, didsPerAccount, failures)));
        }
        for (Future<?> f : seeding) {
            f.get();
        }
        System.out.printf(
                "seeded %d accounts, %d DIDs, %d rooms in %.1f s (%d failed requests)%n",
                accounts,
                accounts * didsPerAccount,
                accounts * didsPerAccount,
                (System.nanoTime() - seedStart) / 1e9,
                failures.get());
    }

    private void seedAccount(int account, int didsPerAccount, AtomicInteger failures) {
        try {
            String accountSid = field(
                    send("POST", "/accounts", "{\"name\":\"load " + account + "\",\"call_flow_sid\":\"secured\"}"),
                    "account_sid");
            for (int d = 0; d < didsPerAccount; d++) {
                send(
                        "POST",
                        "/dids",
                        "{\"account_sid\":\"" + accountSid + "\",\"phonenumber\":\"" + number(account, d) + "\"}");
                send(
                        "POST",
                        "/meeting_rooms",
                        "{\"account_sid\":\"" + accountSid + "\",\"access_codes\":[{\"access_code\":\""
                                + code(account, d) + "\",\"role\":\"participant\"}]}");
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    static String number(int account, int did) {
        return String.format("1%05d%05d", account, did);
    }

    static String code(int account, int did) {
        return String.valueOf(100_000 + did);
    }

    private String send(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", AUTH)
                    .timeout(Duration.ofSeconds(10))
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Latencies per request kind, in microseconds; shared by the workers. */
    private static final class Recorder {
        final long[][] samples = new long[3][];
        final int[] sizes = new int[3];
        final int[] errors = new int[3];

        Recorder() {
            for (int i = 0; i < 3; i++) {
                samples[i] = new long[1 << 12];
            }
        }

        synchronized void record(int kind, long micros, boolean failed) {
            if (failed) {
                errors[kind]++;
                return;
            }
            if (sizes[kind] == samples[kind].length) {
                samples[kind] = Arrays.copyOf(samples[kind], sizes[kind] * 2);
            }
            samples[kind][sizes[kind]++] = micros;
        }

        synchronized int count(int kind) {
            return sizes[kind];
        }

        synchronized double percentile(int kind, double p) {
            if (sizes[kind] == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(samples[kind], sizes[kind]);
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1000.0;
        }
    }
}
