package io.adplane.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter on every request: a body must name a concrete content type (415 for a wildcard or an
 * unreadable one), and non-multipart bodies have a size limit (413), whether or not a
 * {@code Content-Length} is sent. Multipart uploads are bounded by {@code spring.servlet.multipart.*} instead.
 * (Security headers are written by the Spring Security filter chains.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after RequestIds, so a refused body carries its request id
public class RequestLimits extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final ErrorRenderer renderer;

    RequestLimits(@Value("${adplane.http.max-body-size:256KB}") DataSize maxBodySize, ErrorRenderer renderer) {
        this.maxBodyBytes = maxBodySize.toBytes();
        this.renderer = renderer;
    }

    static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Request body is too large.");
    }

    /** 415, naming the content type as sent (D5). */
    static ApiException unsupportedType(String contentType) {
        String shown = contentType == null ? "none" : contentType.length() > 100 ? contentType.substring(0, 100) + "..." : contentType;
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content type '" + shown + "' is not supported; send application/json.");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * A body's Content-Type names what it is, so a wildcard ({@code *}{@code /*}, {@code application/*}) names
     * nothing (RFC 9110 §8.3): such a body is refused like any other type the route does not read, instead of
     * failing deep inside the message converters.
     */
    private static boolean concrete(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (hasBody(request) && !concrete(contentType)) {
            renderer.write(request, response, unsupportedType(contentType));
            return;
        }
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            renderer.write(request, response, tooLarge());
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBodyBytes), response);
    }

    /** Thrown while streaming a body that grows past the limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large", null);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
