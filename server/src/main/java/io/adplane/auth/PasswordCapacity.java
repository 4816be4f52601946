package io.adplane.auth;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.adplane.api.ApiException;

/**
 * The concurrency cap on logins (issue 18): each Argon2id check takes 19 MiB and a core for tens of
 * milliseconds, and even a refused login costs its HTTP handling, so unbounded logins (random emails need only
 * a client's credentials) starve every tenant's requests. At most {@code adplane.auth.login-concurrency} run at
 * once (one per core by default); up to {@code login-queue} more wait, parked and using no CPU, at most
 * {@code login-queue-timeout}; beyond that a login answers 429 with {@code Retry-After} at once. The token
 * endpoints hold a permit for the whole request ({@link LoginCapacityFilter}), before their body is read; other
 * password checks (the console's login, a password change) hold one for the check. A thread holding a permit
 * runs further checks under it. A limit of this instance's CPU, so it is per instance.
 */
@Component
class PasswordCapacity {

    static final String BUSY = "The server is busy with other logins. Try again in a moment.";

    private static final ThreadLocal<Permit> HELD = new ThreadLocal<>();

    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int queue;
    private final long timeoutMillis;

    PasswordCapacity(AuthSettings settings) {
        int concurrency = settings.loginConcurrency() > 0 ? settings.loginConcurrency()
                : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(concurrency, true);
        this.queue = settings.loginQueue();
        this.timeoutMillis = settings.loginQueueTimeout().toMillis();
    }

    /** Runs {@code check} holding a permit (the caller's own, when its thread holds one). */
    <T> T run(Supplier<T> check) {
        try (Permit permit = enter()) {
            return check.get();
        }
    }

    /**
     * Takes a permit for this thread, waiting in the queue if need be; raises {@link Busy} when the queue is full
     * or the wait too long. Closing the permit gives it back; a thread that holds one gets a permit that gives
     * back nothing.
     */
    Permit enter() {
        if (HELD.get() != null) {
            return () -> {
            };
        }
        acquire();
        Permit permit = new Permit() {
            @Override
            public void close() {
                HELD.remove();
                permits.release();
            }
        };
        HELD.set(permit);
        return permit;
    }

    private void acquire() {
        if (permits.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Logins waiting for a permit now. */
    int waiting() {
        return waiting.get();
    }

    static Busy busy() {
        return new Busy();
    }

    /** A held permit; closing it gives it back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** No permit in time: 429 with {@code Retry-After}, the login not counted anywhere. */
    static final class Busy extends ApiException {
        Busy() {
            super(HttpStatus.TOO_MANY_REQUESTS, BUSY, null, null, null, Map.of("Retry-After", "1"));
        }
    }
}
