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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded HTTP load generator for a service on loopback: seeds a hierarchy through the API
 * (unless told it is there already, as {@link ScaleDatabase} loads it), then drives calls from N
 * workers for a fixed time, and prints throughput and latency percentiles per request. The
 * {@code stories} mix is a whole call (arrive, enter the room's code, hang up); the
 * {@code arrivals} mix is arrivals only (each call is left at its prompt). Loopback only, by design.
 *
 * <pre>args: baseUrl accounts didsPerAccount workers seconds [seed|noseed] [stories|arrivals]</pre>
 */
public final class LoadGenerator {

    private static final Pattern SID = Pattern.compile("\"(account_sid|did_group_sid)\":\"([^\"]+)\"");
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("dev:dev-password".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private LoadGenerator(String base) {
        URI uri = URI.create(base);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("load is sent to loopback only, not " + uri.getHost());
        }
        this.base = base + "/conference/v2";
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int didsPerAccount = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int seconds = Math.min(args.length > 4 ? Integer.parseInt(args[4]) : 30, 300);
        boolean seed = args.length <= 5 || !args[5].equals("noseed");
        boolean stories = args.length <= 6 || !args[6].equals("arrivals");
        new LoadGenerator(base).run(accounts, didsPerAccount, workers, seconds, seed, stories);
    }

    private void run(int accounts, int didsPerAccount, int workers, int seconds, boolean seed, boolean stories) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        if (seed) {
            seed(pool, accounts, didsPerAccount);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;

        List<Future<Recorder>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            results.add(pool.submit(() -> {
                Recorder recorder = new Recorder();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int account = random.nextInt(accounts);
                    int did = random.nextInt(didsPerAccount);
                    String number = number(account, did);
                    String answer = recorder.time(0, () -> send("POST", "/calls", "{\"number_dst\":\"" + number + "\",\"number_src\":\"15550000000\"}"));
                    String call = answer == null ? null : field(answer, "call_sid");
                    if (call == null || !stories) {
                        continue;
                    }
                    recorder.time(1, () -> send("POST", "/calls/" + call + "/access_code", "{\"access_code\":\"" + code(account, did) + "\"}"));
                    recorder.time(2, () -> send("DELETE", "/calls/" + call, null));
                }
                return recorder;
            }));
        }
        Recorder all = new Recorder();
        for (Future<Recorder> r : results) {
            all.add(r.get());
        }
        pool.shutdown();
        String[] names = {"POST /calls (arrival)", "POST /calls/{sid}/access_code", "DELETE /calls/{sid}"};
        System.out.printf("%d workers for %d s%n", workers, seconds);
        for (int i = 0; i < 3; i++) {
            System.out.printf("%-32s %8.0f /s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  errors %d%n", names[i],
                    all.count(i) / (double) seconds, all.percentile(i, 0.50), all.percentile(i, 0.99), all.percentile(i, 0.999),
                    all.errors[i]);
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
        System.out.printf("seeded %d accounts, %d DIDs, %d rooms in %.1f s (%d failed requests)%n", accounts,
                accounts * didsPerAccount, accounts * didsPerAccount, (System.nanoTime() - seedStart) / 1e9, failures.get());
    }

    private void seedAccount(int account, int didsPerAccount, AtomicInteger failures) {
        try {
            String accountSid = field(send("POST", "/accounts", "{\"name\":\"load " + account + "\",\"call_flow_sid\":\"secured\"}"), "account_sid");
            for (int d = 0; d < didsPerAccount; d++) {
                send("POST", "/dids", "{\"account_sid\":\"" + accountSid + "\",\"phonenumber\":\"" + number(account, d) + "\"}");
                send("POST", "/meeting_rooms", "{\"account_sid\":\"" + accountSid + "\",\"access_codes\":[{\"access_code\":\""
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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", AUTH)
                    .timeout(Duration.ofSeconds(10))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
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

    /** Latencies per request kind, in microseconds. */
    private static final class Recorder {
        final long[][] samples = new long[3][];
        final int[] sizes = new int[3];
        final int[] errors = new int[3];

        Recorder() {
            for (int i = 0; i < 3; i++) {
                samples[i] = new long[1 << 16];
            }
        }

        String time(int kind, java.util.function.Supplier<String> request) {
            long start = System.nanoTime();
            try {
                return request.get();
            } catch (RuntimeException e) {
                errors[kind]++;
                return null;
            } finally {
                record(kind, (System.nanoTime() - start) / 1_000);
            }
        }

        void record(int kind, long micros) {
            if (sizes[kind] == samples[kind].length) {
                samples[kind] = Arrays.copyOf(samples[kind], sizes[kind] * 2);
            }
            samples[kind][sizes[kind]++] = micros;
        }

        void add(Recorder other) {
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < other.sizes[k]; i++) {
                    record(k, other.samples[k][i]);
                }
                errors[k] += other.errors[k];
            }
        }

        int count(int kind) {
            return sizes[kind];
        }

        double percentile(int kind, double p) {
            if (sizes[kind] == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(samples[kind], sizes[kind]);
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1000.0;
        }
    }
}
