package io.adplane.controls;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;

/**
 * Fault and latency rules per workspace, in this instance's memory (E3), and the rules of the per-request
 * headers {@code X-Adplane-Fault} and {@code X-Adplane-Delay}. The first rule that matches a request applies.
 */
public class Faults {

    /** The longest delay a rule or header may ask for. */
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** The most rules one workspace may hold. */
    static final int MAX_RULES = 100;
    private static final Set<String> METHODS = Set.of("*", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Pattern DELAY = Pattern.compile("([0-9]{1,6})(ms|s)?");

    /** What a matching rule asks of a request: wait, then answer {@code status} when not null. */
    record Effect(Duration delay, Integer status, String cause) {
    }

    private record Compiled(FaultRule rule, PathPattern pattern, Duration delay) {
    }

    private final Map<Long, List<Compiled>> rules = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> ids = new ConcurrentHashMap<>();
    private final DoubleSupplier random;

    Faults(DoubleSupplier random) {
        this.random = random;
    }

    /** Adds a rule to the workspace's; the rule as stored, or a 400 naming the field at fault. */
    public FaultRule add(long workspaceId, FaultRequest request) {
        if (request == null) {
            throw ApiException.badRequest("path", "Field 'path' is required.");
        }
        String method = request.method() == null ? "*" : request.method().strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw ApiException.badRequest("method", "Field 'method' must be an HTTP method or '*'.");
        }
        String path = Limits.text("path", request.path(), Limits.URL);
        if (path == null || !path.startsWith("/")) {
            throw ApiException.badRequest("path", "Field 'path' must be a path pattern starting with '/'.");
        }
        PathPattern pattern;
        try {
            pattern = PathPatternParser.defaultInstance.parse(path);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("path", "Field 'path' is not a valid path pattern: " + e.getMessage());
        }
        Integer status = request.status() == null ? null : status("status", String.valueOf(request.status()));
        Duration delay = request.delay() == null ? null : delay("delay", request.delay());
        if (status == null && delay == null) {
            throw ApiException.badRequest("status", "Field 'status' or 'delay' is required.");
        }
        double share = request.share() == null ? 1 : request.share();
        if (!(share >= 0 && share <= 1)) {
            throw ApiException.badRequest("share", "Field 'share' must be from 0 to 1.");
        }
        List<Compiled> mine = rules.computeIfAbsent(workspaceId, w -> new CopyOnWriteArrayList<>());
        synchronized (mine) {
            if (mine.size() >= MAX_RULES) {
                throw ApiException.badRequest("path", "A workspace may hold at most " + MAX_RULES + " fault rules.");
            }
            int id = ids.computeIfAbsent(workspaceId, w -> new AtomicInteger()).incrementAndGet();
            FaultRule rule = new FaultRule(id, method, path, status, request.delay() == null ? null : request.delay().strip(),
                    share);
            mine.add(new Compiled(rule, pattern, delay));
            return rule;
        }
    }

    public List<FaultRule> list(long workspaceId) {
        return rules.getOrDefault(workspaceId, List.of()).stream().map(Compiled::rule).toList();
    }

    /** Removes one rule; false when the workspace has none of that id. */
    public boolean remove(long workspaceId, int id) {
        List<Compiled> mine = rules.get(workspaceId);
        return mine != null && mine.removeIf(c -> c.rule().id() == id);
    }

    public void clear(long workspaceId) {
        rules.remove(workspaceId);
    }

    void clearAll() {
        rules.clear();
        ids.clear();
    }

    /** The effect of the workspace's first matching rule on a request, if any. */
    Effect match(Long workspaceId, String method, String path) {
        if (workspaceId == null || rules.isEmpty()) {
            return null;
        }
        List<Compiled> mine = rules.get(workspaceId);
        if (mine == null) {
            return null;
        }
        PathContainer container = null;
        for (Compiled c : mine) {
            if (!c.rule().method().equals("*") && !c.rule().method().equals(method)) {
                continue;
            }
            if (container == null) {
                container = PathContainer.parsePath(path);
            }
            if (c.pattern().matches(container)) {
                if (c.rule().share() >= 1 || random.getAsDouble() < c.rule().share()) {
                    return new Effect(c.delay() == null ? Duration.ZERO : c.delay(), c.rule().status(),
                            "fault rule " + c.rule().id());
                }
                return null;
            }
        }
        return null;
    }

    /** An HTTP status from 400 to 599 that adplane can answer, or a 400 naming {@code field}. */
    static int status(String field, String value) {
        int status;
        try {
            status = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            status = -1;
        }
        if (status < 400 || status > 599 || HttpStatus.resolve(status) == null) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be an HTTP error status from 400 to 599.");
        }
        return status;
    }

    /** {@code 250ms}, {@code 2s} or plain milliseconds, at most {@link #MAX_DELAY}, or a 400 naming {@code field}. */
    static Duration delay(String field, String value) {
        Matcher m = DELAY.matcher(value.strip());
        if (!m.matches()) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be a duration such as 250ms or 2s.");
        }
        long amount = Long.parseLong(m.group(1));
        Duration delay = "s".equals(m.group(2)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        if (delay.compareTo(MAX_DELAY) > 0) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be at most " + MAX_DELAY.toSeconds() + "s.");
        }
        return delay;
    }
}
