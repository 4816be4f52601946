package io.adplane.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

import io.adplane.bench.HttpConnection.Request;
import io.adplane.bench.HttpConnection.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * adplane's load generator. For each operation it finds the saturation throughput with a closed loop of
 * concurrent workers, then offers an open-model fixed arrival rate of half of it and records every
 * latency from the request's intended start (so a slow server can't hide queueing: no coordinated
 * omission) in an HdrHistogram. It also reads the server's CPU time and RSS from /proc.
 */
public final class Bench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> opt;
    private final URI url;
    private final HttpConnection seeder;
    private String token;
    private long owId;
    private final List<Long> campaigns = new ArrayList<>();
    private final List<Long> ios = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> refreshTokens = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> toggles = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<long[]> toggled = new ThreadLocal<>();
    private long creative;
    /** The first customer organization and its campaigns: the other tenant of the login storm. */
    private long customer;
    private final List<Long> customerCampaigns = new ArrayList<>();
    private boolean deliverySeeded;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> failures = new LinkedHashSet<>();

    private Bench(Map<String, String> opt) {
        this.opt = opt;
        this.url = URI.create(opt.getOrDefault("url", "http://localhost:18181"));
        this.seeder = new HttpConnection(url);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Bench b = new Bench(o);
        b.seed();
        List<Map<String, Object>> results = new ArrayList<>();
        for (String op : o.getOrDefault("ops", "login,refresh,io-add,campaign-add,campaign-get,campaign-list,update-status,zip-search,city-search").split(",")) {
            if (op.contains("@")) {
                // A sized operation: the organization is first grown, in SQL, to that many campaigns.
                hook(o.get("grow"), b.owId + " " + b.ios.get(0) + " " + b.campaigns.get(0) + " " + op.substring(op.indexOf('@') + 1));
            }
            if (op.equals("peer-get")) {
                b.peerBody();
            }
            if ((op.equals("report-execute") || op.equals("clock-advance")) && !b.deliverySeeded) {
                // The delivery operations' data, in SQL from rows the API created: running campaigns with their
                // watermarks at the current hour, and 90 days of rollups for some of them.
                hook(o.get("grow-delivery"), b.owId + " " + b.ios.get(1) + " " + b.campaigns.get(0) + " "
                        + o.getOrDefault("delivery-campaigns", "10000") + " " + o.getOrDefault("report-campaigns", "1000")
                        + " " + o.getOrDefault("report-days", "90"));
                b.deliverySeeded = true;
            }
            if (op.equals("login-storm")) {
                results.add(b.storm());
                continue;
            }
            boolean advancing = op.equals("clock-advance");
            Map<String, Object> warm = advancing ? b.advanceWarmUp() : b.warmUp(op);
            hook(o.get("before-op"), op);
            Map<String, Object> result = advancing ? b.advances() : b.measure(op);
            result.putAll(warm);
            hook(o.get("after-op"), op + " " + ((long) result.get("completed") + (long) result.get("saturationCompleted")));
            if (o.containsKey("capture-start")) {
                // A few requests one after the other while PostgreSQL logs its statements: bench/run replays them.
                int n = advancing ? 2 : Integer.parseInt(o.getOrDefault("sample", "20"));
                hook(o.get("capture-start"), op);
                if (advancing) {
                    try (HttpConnection c = new HttpConnection(b.url)) {
                        for (int i = 0; i < n; i++) {
                            b.advanceOnce(c);
                        }
                    }
                } else {
                    b.sample(op, n);
                }
                hook(o.get("capture-stop"), op + " " + n);
            }
            results.add(result);
        }
        String out = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("results", results,
                "seed", Map.of("owId", b.owId, "campaigns", b.campaigns.size(), "tokenSha256", sha256(b.token),
                        "firstCampaign", b.campaigns.get(0), "lastCampaign", b.campaigns.get(b.campaigns.size() - 1))));
        Files.writeString(Path.of(o.getOrDefault("out", "bench-result.json")), out);
        System.out.println(out);
    }

    /** Runs {@code command args} in bash (bench/run resets and reads PostgreSQL's statement statistics here). */
    private static void hook(String command, String args) throws Exception {
        if (command != null && !command.isBlank()) {
            Process p = new ProcessBuilder("bash", "-c", command + " " + args).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("hook failed: " + command + " " + args);
            }
        }
    }

    // ---------------------------------------------------------------- data

    private void seed() throws Exception {
        token = login();
        long root = owId;
        int n = Integer.parseInt(opt.getOrDefault("campaigns", "200"));
        // Other tenants' rows, so every measured query has to find the caller's among them.
        for (String customer : opt.getOrDefault("customers", "").split(",")) {
            if (!customer.isBlank()) {
                owId = Long.parseLong(customer.trim());
                creative = seedCreative();
                long io = seedIo("customer", true);
                boolean first = this.customer == 0;
                if (first) {
                    this.customer = owId;
                }
                for (int i = 0; i < n / 2; i++) {
                    long id = call("POST", "/api/v2/cmp/campaigns/add", campaignBody(io)).path("responseObject").path("data").asLong();
                    if (first) {
                        customerCampaigns.add(id);
                    }
                }
            }
        }
        owId = root;
        for (int i = 0; i < 8; i++) {
            ios.add(seedIo("bench " + i, i == 0));
        }
        creative = seedCreative();
        for (int i = 0; i < n; i++) {
            campaigns.add(call("POST", "/api/v2/cmp/campaigns/add", campaignBody(ios.get(0))).path("responseObject").path("data").asLong());
        }
        for (int i = 0; i < n / 2; i++) {
            call("PUT", "/api/v2/cmp/campaigns/update-status", "{\"campaignIds\":\"" + campaigns.get(i) + "\",\"status\":\"running\"}");
            toggles.add(new long[] {campaigns.get(i), 1});
        }
        for (int i = 0; i < Integer.parseInt(opt.getOrDefault("refresh-pool", "32")); i++) {
            refreshTokens.add(check(seeder.exchange(loginRequest())).path("data").path("refresh_token").asString());
        }
        System.err.printf("seeded: owId %d, %d IOs, creative %d, %d campaigns, customers %s%n", owId, ios.size(), creative,
                campaigns.size(), opt.getOrDefault("customers", "none"));
    }

    /** An IO of the acting organization: auto-sum, or with a budget that never limits the benchmark. */
    private long seedIo(String name, boolean autoSum) throws Exception {
        return call("POST", "/api/v3/cmp/io/add", "{\"ioName\":\"" + name + "\",\"ioStartTime\":" + System.currentTimeMillis()
                + ",\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1,\"isAutoSumIoTotalBudget\":" + autoSum
                + (autoSum ? "" : ",\"ioTotalBudget\":1000000") + "}").path("data").path("ioId").asLong();
    }

    /** A running creative of the acting organization. */
    private long seedCreative() throws Exception {
        String crt = "{\"C\":{\"creativeName\":\"bench\",\"platformCreativeTypeId\":11,\"creativeSourceType\":\"URL\","
                + "\"creativeSource\":\"https://cdn.example.com/b.png\",\"clickUrl\":\"https://iqm.com\"}}";
        String boundary = "bench-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"creativeRequest\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + crt + "\r\n--" + boundary + "--\r\n";
        long id = check(seeder.exchange(authorized("POST", "/api/v3/crt/creatives",
                "multipart/form-data; boundary=" + boundary, multipart))).path("data").path("successData").path("C").asLong();
        call("PATCH", "/api/v3/crt/creatives/update-status", "{\"creativeIds\":[" + id + "],\"creativeStatusId\":2}");
        return id;
    }

    private String campaignBody(long ioId) {
        long start = System.currentTimeMillis() / 1000 + 3600;
        return "{\"campaignName\":\"bench " + sequence.incrementAndGet() + "\",\"maxBid\":5,\"budgetTotal\":100,\"startTime\":"
                + start + ",\"endTime\":" + (start + 7 * 86400) + ",\"timezone\":29,\"budgetDay\":10,\"creativeType\":11,"
                + "\"isAgreementChecked\":true,\"ioId\":" + ioId + ",\"countryId\":\"30100001\",\"creativeIds\":\"" + creative
                + "\",\"advertiserDomain\":\"https://iqm.com\",\"totalBudgetPacing\":false,\"publisherAdCategory\":\"\","
                + "\"exchanges\":\"\",\"budgetTypeId\":1,\"campaignType\":1}";
    }

    private String login() throws Exception {
        JsonNode data;
        // On a fresh connection: the seeder's may have idled past the server's keep-alive by now.
        try (HttpConnection fresh = new HttpConnection(url)) {
            data = check(fresh.exchange(loginRequest(opt.get("email"), opt.get("password")))).path("data");
        }
        owId = data.path("owId").asLong();
        return data.path("access_token").asString();
    }

    private Request loginRequest() {
        return loginRequest(opt.get("email"), opt.get("password"));
    }

    private Request loginRequest(String email, String password) {
        return new Request("POST", "/api/v3/ua/login", Map.of("Authentication", "Basic " + clientCredentials(),
                "X-IAA-HOST", opt.getOrDefault("host", "localhost"), "Content-Type", "application/json"),
                bytes("{\"grantType\":\"password\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    private Request refreshRequest(String refreshToken) {
        return new Request("POST", "/api/v3/ua/oauth/token", Map.of("Authorization", "Basic " + clientCredentials(),
                "X-IAA-HOST", opt.getOrDefault("host", "localhost"), "Content-Type", "application/x-www-form-urlencoded"),
                bytes("grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)));
    }

    private String clientCredentials() {
        return Base64.getEncoder().encodeToString((opt.get("client-id") + ":" + opt.get("client-secret"))
                .getBytes(StandardCharsets.UTF_8));
    }

    private Request authorized(String method, String path, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("X-IAA-OW-ID", Long.toString(owId));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Request(method, path, headers, body == null ? null : bytes(body));
    }

    private Request json(String method, String path, String body) {
        return authorized(method, path, body == null ? null : "application/json", body);
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        return check(seeder.exchange(json(method, path, body)));
    }

    private static JsonNode check(Response r) {
        if (r.status() >= 300) {
            throw new IllegalStateException("the server answered " + r.status() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- operations

    /** An operation: the next request, and what to do with its answer (stateful operations keep their pools). */
    private record Op(Supplier<Request> next, Consumer<Response> done, URI target, String pid) {
        Op(Supplier<Request> next, Consumer<Response> done) {
            this(next, done, null, null);
        }
    }

    /** The base operation of a sized one ({@code campaign-list@100000}). */
    private static String base(String name) {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /**
     * The peer row: the body adplane answers for one campaign GET, as WireMock will serve it (bench/run starts
     * WireMock with {@code --peer-url}); its mapping is written to {@code peer-mapping}.
     */
    private void peerBody() throws Exception {
        Response r;
        try (HttpConnection fresh = new HttpConnection(url)) {
            r = fresh.exchange(json("GET", "/api/v2/cmp/campaign/" + campaigns.get(0), null));
        }
        check(r);
        String mapping = JSON.writeValueAsString(Map.of("request", Map.of("method", "GET", "urlPathPattern", "/api/v2/cmp/campaign/[0-9]+"),
                "response", Map.of("status", 200, "body", r.body(), "headers", Map.of("Content-Type", "application/json"))));
        HttpConnection peer = new HttpConnection(URI.create(opt.get("peer-url")));
        Response added = peer.exchange(new Request("POST", "/__admin/mappings", Map.of("Content-Type", "application/json"), bytes(mapping)));
        peer.close();
        if (added.status() >= 300) {
            throw new IllegalStateException("WireMock refused the mapping: " + added.status() + " " + added.body());
        }
        System.err.printf("peer-get: WireMock serves the %d-byte campaign answer%n", r.body().length());
    }

    private static final String[] CITY_WORDS = {"san", "new", "spring", "port", "lake", "mount", "green", "fort", "west",
        "north", "saint", "oak", "river", "c", "m", "new york", "los angeles", "beach"};

    private Op op(String name) {
        return switch (base(name)) {
            case "login" -> new Op(this::loginRequest, x -> { });
            // IQM's campaign x day report over the last 90 days (bench/run seeds 1,000 campaigns' rollups).
            case "report-execute" -> new Op(() -> json("POST", "/api/v3/ra/report/execute", reportBody()), x -> { });
            case "refresh" -> new Op(() -> {
                String t = refreshTokens.poll();
                return refreshRequest(t == null ? "rt_none" : t);
            }, x -> {
                if (x.status() == 200) {
                    refreshTokens.add(JSON.readTree(x.body()).path("refresh_token").asString());
                }
            });
            case "io-add" -> new Op(() -> json("POST", "/api/v3/cmp/io/add", "{\"ioName\":\"load " + sequence.incrementAndGet()
                    + "\",\"ioStartTime\":" + System.currentTimeMillis() + ",\"ioTimeZoneId\":29,\"ioBudgetTypeId\":1}"), x -> { });
            case "campaign-add" -> new Op(() -> json("POST", "/api/v2/cmp/campaigns/add",
                    campaignBody(ios.get(1 + ThreadLocalRandom.current().nextInt(ios.size() - 1)))), x -> { });
            case "campaign-get" -> new Op(() -> json("GET", "/api/v2/cmp/campaign/"
                    + campaigns.get(ThreadLocalRandom.current().nextInt(campaigns.size())), null), x -> { });
            case "campaign-list" -> new Op(() -> json("POST", "/api/v3/cmp/basic/list", "{}"), x -> { });
            case "campaign-list-running" -> new Op(() -> json("POST", "/api/v3/cmp/basic/list", "{\"status\":[\"running\"]}"),
                    x -> { });
            // Into the auto-sum IO that holds the organization's (seeded) campaigns: its total moves with each add.
            case "campaign-add-autosum" -> new Op(() -> json("POST", "/api/v2/cmp/campaigns/add", campaignBody(ios.get(0))),
                    x -> { });
            // The same campaign answer from WireMock: what serving those bytes costs without adplane's work.
            case "peer-get" -> new Op(() -> new Request("GET", "/api/v2/cmp/campaign/" + campaigns.get(0), Map.of(), null),
                    x -> { }, URI.create(opt.get("peer-url")), opt.get("peer-pid"));
            case "update-status" -> new Op(() -> {
                // A campaign goes back in the queue only once its change is answered, so no two requests
                // change the same campaign at once.
                long[] c = toggles.poll();
                toggled.set(c);
                if (c == null) {
                    return json("GET", "/api/v3/ua/profile", null);
                }
                String status = c[1] == 1 ? "paused" : "running";
                return json("PUT", "/api/v2/cmp/campaigns/update-status", "{\"campaignIds\":\"" + c[0] + "\",\"status\":\"" + status + "\"}");
            }, x -> {
                long[] c = toggled.get();
                if (c != null) {
                    toggles.add(x.status() < 300 ? new long[] {c[0], 1 - c[1]} : c);
                }
            });
            // Master-data searches (in memory, no SQL): a ZIP-code prefix, a city-name word prefix.
            case "zip-search" -> new Op(() -> json("POST", "/api/v3/master/segment/zip", "{\"searchField\":\""
                    + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)) + "\",\"noOfEntries\":50,\"sortBy\":\"+id\"}"),
                    x -> { });
            case "city-search" -> new Op(() -> json("POST", "/api/v3/master/segment/city", "{\"searchField\":\""
                    + CITY_WORDS[ThreadLocalRandom.current().nextInt(CITY_WORDS.length)] + "\",\"noOfEntries\":50}"), x -> { });
            default -> throw new IllegalArgumentException("unknown operation " + name);
        };
    }

    /** Sends the operation's next request on {@code connection}; true when it succeeded. */
    private boolean once(Op op, HttpConnection connection) {
        try {
            Response x = connection.exchange(op.next().get());
            op.done().accept(x);
            if (x.status() >= 300) {
                failure(x.status() + " " + x.body());
            }
            return x.status() < 300;
        } catch (Exception e) {
            connection.close();
            failure(e.toString());
            op.done().accept(new Response(599, ""));
            return false;
        }
    }

    /** Keeps the first few distinct failures of the operation being measured, for the report. */
    private void failure(String what) {
        String s = what.length() > 200 ? what.substring(0, 200) : what;
        synchronized (failures) {
            if (failures.size() < 5) {
                failures.add(s);
            }
        }
    }

    // ---------------------------------------------------------------- measurement

    /** Sends {@code n} requests of the operation one after the other on one connection. */
    private void sample(String name, int n) {
        Op op = op(name);
        try (HttpConnection c = new HttpConnection(target(op))) {
            for (int i = 0; i < n; i++) {
                once(op, c);
            }
        }
    }

    private URI target(Op op) {
        return op.target() == null ? url : op.target();
    }

    /**
     * Runs the operation unmeasured in windows of {@code warmup} seconds until the server's CPU per operation
     * is stable, two consecutive windows within 5 % of each other (at most {@code warmup-windows} windows), so
     * the measurement sees the compiled path, not the JIT at work.
     */
    private Map<String, Object> warmUp(String name) throws InterruptedException {
        int seconds = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        int most = Integer.parseInt(opt.getOrDefault("warmup-windows", "24"));
        Op op = op(name);
        int concurrency = concurrency(name);
        Double previous = null;
        List<Double> windows = new ArrayList<>();
        boolean stable = false;
        for (int w = 0; w < most && !stable; w++) {
            long[] before = cpu(op.pid());
            long[] done = closedLoop(op, concurrency, seconds);
            long[] after = cpu(op.pid());
            if (before == null || after == null || done[0] == 0) {
                break;
            }
            double perOp = (after[0] - before[0]) * 10.0 / done[0];
            windows.add(round(perOp * 1000) / 1000);
            stable = previous != null && Math.abs(perOp - previous) <= 0.05 * previous;
            previous = perOp;
        }
        System.err.printf("%s: warm-up windows of %d s, server CPU ms/op %s%s%n", name, seconds, windows,
                stable ? " (stable)" : " (not stable)");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warmupWindows", windows.size());
        m.put("warmupCpuMsPerOp", windows);
        m.put("warmupStable", stable);
        return m;
    }

    /** {@code workers} threads, each on its own connection, send back to back for {@code seconds}; returns {ok, failed}. */
    private long[] closedLoop(Op op, int workers, int seconds) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            threads.add(started(() -> {
                try (HttpConnection c = new HttpConnection(target(op))) {
                    while (System.nanoTime() < end) {
                        (once(op, c) ? ok : failed).incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new long[] {ok.get(), failed.get()};
    }

    /**
     * Workers of the closed loop: 16, but a report's within one organization's share of the server's connection
     * pool ({@code report-concurrency}, default 2; beyond it the server answers 503 by design).
     */
    private int concurrency(String name) {
        return name.equals("report-execute") ? Integer.parseInt(opt.getOrDefault("report-concurrency", "2"))
                : Integer.parseInt(opt.getOrDefault("concurrency", "16"));
    }

    private static Thread started(Runnable body) {
        Thread t = new Thread(body);
        t.start();
        return t;
    }

    private Map<String, Object> measure(String name) throws Exception {
        Op op = op(name);
        failures.clear();
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "10"));
        int concurrency = concurrency(name);
        System.err.printf("%s: saturation with %d workers for %d s%n", name, concurrency, seconds);
        long[] serverBefore = cpu(op.pid());
        long dbBefore = dbTicks();
        long t0 = System.nanoTime();
        long[] closed = closedLoop(op, concurrency, seconds);
        double saturation = closed[0] / ((System.nanoTime() - t0) / 1e9);
        long[] serverAfter = cpu(op.pid());
        long dbAfter = dbTicks();

        double rate = opt.containsKey("rate") ? Double.parseDouble(opt.get("rate")) : Math.max(1, saturation / 2);
        System.err.printf("%s: saturation %.1f ops/s; open model at %.1f ops/s for %d s%n", name, saturation, rate, seconds);
        int connections = name.equals("report-execute") ? concurrency : Integer.parseInt(opt.getOrDefault("connections", "16"));
        long[] cpuBefore = cpu(op.pid());
        Open open = open(op, rate, seconds, connections);
        long[] cpuAfter = cpu(op.pid());
        double elapsed = open.seconds();
        Histogram h = open.latencies();
        AtomicLong openOk = new AtomicLong(open.ok());
        AtomicLong openFailed = new AtomicLong(open.failed());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", name);
        m.put("saturationOpsPerSec", round(saturation));
        m.put("saturationCompleted", closed[0]);
        m.put("saturationErrors", closed[1]);
        // CPU per operation over the saturation phase: clock ticks of 10 ms, so thousands of operations a phase.
        if (serverBefore != null && serverAfter != null && closed[0] > 0) {
            m.put("serverCpuMsPerOp", round3((serverAfter[0] - serverBefore[0]) * 10.0 / closed[0]));
        }
        if (dbBefore >= 0 && dbAfter >= 0 && closed[0] > 0 && op.target() == null) {
            m.put("dbCpuMsPerOp", round3((dbAfter - dbBefore) * 10.0 / closed[0]));
        }
        m.put("offeredOpsPerSec", round(rate));
        m.put("completed", openOk.get());
        m.put("errors", openFailed.get());
        m.put("p50Ms", ms(h.getValueAtPercentile(50)));
        m.put("p95Ms", ms(h.getValueAtPercentile(95)));
        m.put("p99Ms", ms(h.getValueAtPercentile(99)));
        m.put("p999Ms", ms(h.getValueAtPercentile(99.9)));
        m.put("maxMs", ms(h.getMaxValue()));
        m.put("failures", new ArrayList<>(failures));
        if (cpuBefore != null && cpuAfter != null) {
            m.put("serverCpuPercent", round((cpuAfter[0] - cpuBefore[0]) / 100.0 / elapsed * 100));
            m.put("serverRssMb", cpuAfter[1] / 1024);
        }
        System.err.println(m);
        return m;
    }

    /** What an open-model phase measured: latencies from each request's intended start, in microseconds. */
    private record Open(Histogram latencies, long ok, long failed, double seconds) {
    }

    /**
     * The open model, as wrk2 does it: connection k sends arrivals k, k+n, k+2n, ... of one fixed schedule of
     * {@code rate} a second for {@code seconds}. A late answer delays the next send on its connection, and that
     * delay counts in the next latency, which is measured from the intended start: queueing is never hidden (no
     * coordinated omission).
     */
    private Open open(Op op, double rate, int seconds, int connections) throws InterruptedException {
        long total = (long) (rate * seconds);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + 10_000_000L;
        for (int k = 0; k < connections; k++) {
            Histogram h = new Histogram(60_000_000L, 3);
            histograms.add(h);
            int first = k;
            threads.add(started(() -> {
                try (HttpConnection c = new HttpConnection(target(op))) {
                    for (long i = first; i < total; i += connections) {
                        long intended = start + (long) (i * 1e9 / rate);
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        (once(op, c) ? ok : failed).incrementAndGet();
                        h.recordValue(Math.min((System.nanoTime() - intended) / 1000, h.getHighestTrackableValue()));
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Open(all, ok.get(), failed.get(), elapsed);
    }

    // ---------------------------------------------------------------- delivery operations

    /** IQM's campaign x day report of the last 90 days (UTC), one page of 50, the most impressions first. */
    private String reportBody() {
        long end = System.currentTimeMillis();
        long start = end - (Integer.parseInt(opt.getOrDefault("report-days", "90")) - 1) * 86_400_000L;
        return "{\"dimensions\":\"[{\\\"filter\\\":\\\"campaign\\\"}]\",\"columns\":[\"impressions\",\"clicks\",\"spent\","
                + "\"mediaSpent\",\"bidImpressions\",\"CTR\",\"eCPM\",\"winRate\",\"budgetCompletion\"],\"requestType\":1,"
                + "\"startDate\":" + start + ",\"endDate\":" + end + ",\"sortBy\":\"-impressions\",\"pageNo\":1,\"noOfEntries\":50}";
    }

    private long advancedHours;
    private long hoursAtLogin;

    /**
     * One {@code POST /api/v3/adplane/clock/advance} of an hour, which answers once every running campaign's hour
     * is delivered; {latency in microseconds, campaign-hours simulated}, or null when it failed. Every eight
     * simulated hours the benchmark logs in again (untimed): the clock ages its access token too.
     */
    private long[] advanceOnce(HttpConnection c) throws Exception {
        if (advancedHours - hoursAtLogin >= 8) {
            token = login();
            hoursAtLogin = advancedHours;
        }
        long t0 = System.nanoTime();
        Response r = c.exchange(json("POST", "/api/v3/adplane/clock/advance", "{\"duration\":\"1h\"}"));
        long micros = (System.nanoTime() - t0) / 1000;
        advancedHours++;
        if (r.status() >= 300) {
            failure(r.status() + " " + r.body());
            return null;
        }
        return new long[] {micros, JSON.readTree(r.body()).path("data").path("simulatedCampaignHours").asLong()};
    }

    /** Advances until the server's CPU per advance is stable, as {@link #warmUp} does for the other operations. */
    private Map<String, Object> advanceWarmUp() throws Exception {
        int most = Integer.parseInt(opt.getOrDefault("advance-warmup", "8"));
        List<Double> windows = new ArrayList<>();
        boolean stable = false;
        try (HttpConnection c = new HttpConnection(url)) {
            for (int w = 0; w < most && !stable; w++) {
                long[] before = cpu(null);
                advanceOnce(c);
                long[] after = cpu(null);
                double perOp = (after[0] - before[0]) * 10.0;
                Double previous = windows.isEmpty() ? null : windows.get(windows.size() - 1);
                windows.add(perOp);
                stable = previous != null && Math.abs(perOp - previous) <= 0.05 * previous;
            }
        }
        System.err.printf("clock-advance: warm-up advances, server CPU ms each %s%s%n", windows, stable ? " (stable)" : " (not stable)");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warmupWindows", windows.size());
        m.put("warmupCpuMsPerOp", windows);
        m.put("warmupStable", stable);
        return m;
    }

    /**
     * Clock advances of one hour, one after the other (there is one clock: advances are serial by nature), each
     * timed; the saturation figure is their sequential rate.
     */
    private Map<String, Object> advances() throws Exception {
        failures.clear();
        int n = Integer.parseInt(opt.getOrDefault("advances", "10"));
        Histogram h = new Histogram(60_000_000L, 3);
        long ok = 0;
        long failed = 0;
        long campaignHours = 0;
        long busyMicros = 0;
        long[] before = cpu(null);
        long dbBefore = dbTicks();
        long t0 = System.nanoTime();
        try (HttpConnection c = new HttpConnection(url)) {
            for (int i = 0; i < n; i++) {
                long[] a = advanceOnce(c);
                if (a == null) {
                    failed++;
                    continue;
                }
                ok++;
                h.recordValue(Math.min(a[0], h.getHighestTrackableValue()));
                busyMicros += a[0];
                campaignHours += a[1];
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] after = cpu(null);
        long dbAfter = dbTicks();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "clock-advance");
        m.put("saturationOpsPerSec", ok == 0 ? 0 : round(ok / (busyMicros / 1e6)));
        m.put("saturationCompleted", 0L);
        m.put("saturationErrors", 0L);
        if (ok > 0) {
            m.put("serverCpuMsPerOp", round3((after[0] - before[0]) * 10.0 / ok));
            if (dbBefore >= 0) {
                m.put("dbCpuMsPerOp", round3((dbAfter - dbBefore) * 10.0 / ok));
            }
        }
        m.put("offeredOpsPerSec", m.get("saturationOpsPerSec"));
        m.put("completed", ok);
        m.put("errors", failed);
        m.put("p50Ms", ms(h.getValueAtPercentile(50)));
        m.put("p95Ms", ms(h.getValueAtPercentile(95)));
        m.put("p99Ms", ms(h.getValueAtPercentile(99)));
        m.put("p999Ms", ms(h.getValueAtPercentile(99.9)));
        m.put("maxMs", ms(h.getMaxValue()));
        m.put("campaignHoursPerAdvance", ok == 0 ? 0 : campaignHours / ok);
        m.put("failures", new ArrayList<>(failures));
        m.put("serverCpuPercent", round((after[0] - before[0]) / 100.0 / elapsed * 100));
        m.put("serverRssMb", after[1] / 1024);
        System.err.println(m);
        return m;
    }

    // ---------------------------------------------------------------- the login storm (issue 18)

    /**
     * Another tenant's reads (its campaign list and campaign GETs, alternately, at a fixed rate) measured alone,
     * then while {@code storm-clients} connections send logins back to back: one in eight with the right email and
     * password, the others with random emails. Reports both latency figures, the 5xx answers of each side (there
     * should be none) and how the logins were answered.
     */
    private Map<String, Object> storm() throws Exception {
        double rate = Double.parseDouble(opt.getOrDefault("storm-rate", "100"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "10"));
        int clients = Integer.parseInt(opt.getOrDefault("storm-clients", "64"));
        AtomicLong reads5xx = new AtomicLong();
        AtomicLong turn = new AtomicLong();
        Op reads = new Op(() -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + token);
            headers.put("X-IAA-OW-ID", Long.toString(customer));
            if (turn.incrementAndGet() % 2 == 0) {
                headers.put("Content-Type", "application/json");
                return new Request("POST", "/api/v3/cmp/basic/list", headers, bytes("{\"noOfEntries\":20}"));
            }
            long id = customerCampaigns.get(ThreadLocalRandom.current().nextInt(customerCampaigns.size()));
            return new Request("GET", "/api/v2/cmp/campaign/" + id, headers, null);
        }, x -> {
            if (x.status() >= 500) {
                reads5xx.incrementAndGet();
            }
        });
        failures.clear();
        System.err.printf("login-storm: the other tenant's reads at %.0f/s, warm-up %s s%n", rate, opt.getOrDefault("warmup", "5"));
        open(reads, rate, Integer.parseInt(opt.getOrDefault("warmup", "5")), 4);
        reads5xx.set(0);
        long[] cpu0 = cpu(null);
        Open alone = open(reads, rate, seconds, 4);
        long[] cpu1 = cpu(null);
        long alone5xx = reads5xx.getAndSet(0);

        Map<Integer, AtomicLong> logins = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicBoolean storming = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Thread> stormers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            stormers.add(started(() -> {
                try (HttpConnection c = new HttpConnection(url)) {
                    while (storming.get()) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        Request login = random.nextInt(8) == 0 ? loginRequest()
                                : loginRequest("storm-" + Long.toHexString(random.nextLong()) + "@bench.test", "not-the-password-1");
                        int status;
                        try {
                            status = c.exchange(login).status();
                        } catch (IOException e) {
                            c.close();
                            status = 599;
                        }
                        logins.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }));
        }
        System.err.printf("login-storm: %d clients logging in%n", clients);
        Thread.sleep(1000);
        long[] cpu2 = cpu(null);
        long loginsBefore = logins.values().stream().mapToLong(AtomicLong::get).sum();
        Open stormed = open(reads, rate, seconds, 4);
        long loginsDuring = logins.values().stream().mapToLong(AtomicLong::get).sum() - loginsBefore;
        long[] cpu3 = cpu(null);
        storming.set(false);
        for (Thread t : stormers) {
            t.join();
        }
        long stormed5xx = reads5xx.get();
        Map<String, Long> statuses = new LinkedHashMap<>();
        logins.forEach((k, v) -> statuses.put(Integer.toString(k), v.get()));
        long login5xx = logins.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().get()).sum();

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", "login-storm");
        m.put("scenario", true);
        m.put("readsPerSec", rate);
        m.put("stormClients", clients);
        m.put("alone", phase(alone, alone5xx, cpu0, cpu1));
        m.put("storm", phase(stormed, stormed5xx, cpu2, cpu3));
        m.put("loginsPerSec", round(loginsDuring / stormed.seconds()));
        m.put("loginStatuses", statuses);
        m.put("login5xx", login5xx);
        m.put("failures", new ArrayList<>(failures));
        System.err.println(m);
        return m;
    }

    private static Map<String, Object> phase(Open o, long fivexx, long[] cpuBefore, long[] cpuAfter) {
        Histogram h = o.latencies();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reads", o.ok() + o.failed());
        m.put("failed", o.failed());
        m.put("reads5xx", fivexx);
        m.put("p50Ms", ms(h.getValueAtPercentile(50)));
        m.put("p95Ms", ms(h.getValueAtPercentile(95)));
        m.put("p99Ms", ms(h.getValueAtPercentile(99)));
        m.put("maxMs", ms(h.getMaxValue()));
        if (cpuBefore != null && cpuAfter != null) {
            m.put("serverCpuPercent", round((cpuAfter[0] - cpuBefore[0]) / 100.0 / o.seconds() * 100));
        }
        return m;
    }

    /**
     * The CPU ticks (utime + stime) of the PostgreSQL backends connected to {@code db-name}, from /proc (a
     * backend's command line is {@code postgres: user db host(port) state}); -1 without the option. Background
     * processes (WAL writer, checkpointer) are not included.
     */
    private long dbTicks() {
        String db = opt.get("db-name");
        if (db == null) {
            return -1;
        }
        long ticks = 0;
        try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.startsWith("postgres: ") && cmd.contains(" " + db + " ")) {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended while being read.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks;
    }

    /** The CPU ticks (utime + stime) and RSS in kB of the server, or of {@code pid}, from /proc; null without one. */
    private long[] cpu(String otherPid) {
        String pid = otherPid != null ? otherPid : opt.get("server-pid");
        if (pid == null) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new long[] {ticks, rss};
        } catch (IOException e) {
            return null;
        }
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double round3(double v) {
        return BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
