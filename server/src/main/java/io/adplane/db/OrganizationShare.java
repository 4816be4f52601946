package io.adplane.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;

/**
 * One organization can't take every database connection (issue 18): at most
 * {@code adplane.db.organization-share} of the pool (half, by default) serves its requests at a time; a request
 * past that waits up to {@code adplane.db.organization-wait} (2 s) for a turn, then answers 503 with
 * {@code Retry-After}. So an IO row locked for minutes, or a burst of one tenant's writes, leaves the rest of the
 * pool to every other tenant and to logins. Per instance, like the pool it shares out.
 */
@Component
class OrganizationShare implements HandlerInterceptor, WebMvcConfigurer {

    private static final String PERMIT = OrganizationShare.class.getName() + ".permit";

    private final Map<Long, Semaphore> shares = new ConcurrentHashMap<>();
    private final int permits;
    private final long waitMillis;

    OrganizationShare(@Value("${adplane.db.organization-share:0.5}") double share,
            @Value("${adplane.db.pool-size:0}") int poolSize,
            @Value("${adplane.db.organization-wait:2s}") java.time.Duration wait) {
        int pool = poolSize > 0 ? poolSize : DatabaseTimeouts.defaultPoolSize();
        this.permits = Math.max(1, (int) Math.floor(pool * share));
        this.waitMillis = wait.toMillis();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        Caller caller = Caller.current().orElse(null);
        if (caller == null) {
            return true;
        }
        Semaphore share = shares.computeIfAbsent(caller.owId(), id -> new Semaphore(permits, true));
        if (!share.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            throw ApiException.unavailable("This organization's requests are using their share of the service; retry shortly.");
        }
        request.setAttribute(PERMIT, share);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(PERMIT) instanceof Semaphore share) {
            request.removeAttribute(PERMIT);
            share.release();
        }
    }
}
