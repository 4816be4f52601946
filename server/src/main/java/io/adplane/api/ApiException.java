package io.adplane.api;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A rejection raised by domain code: an HTTP status, IQM's message, and where known the field and a reason.
 * It is rendered once, at the edge, in the envelope of the API version that was called (D4).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String reason;
    private final Object data;
    private final Map<String, String> headers;

    public ApiException(HttpStatus status, String message, String field, String reason, Object data,
            Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.reason = reason;
        this.data = data;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ApiException(HttpStatus status, String message) {
        this(status, message, null, null, null, null);
    }

    /** 400: malformed or invalid input, naming the field. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, field, null, null, null);
    }

    /** 422: IQM documents its own message for this rule. */
    public static ApiException unprocessable(String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, message, field, null, null, null);
    }

    /** 404: the id is unknown or belongs to another organization; the two answers are identical (D5). */
    public static ApiException notFound(String field, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message, field, null, null, null);
    }

    /** 403 "Forbidden!": an organization the caller may not act for, or a function its role lacks (D5, D6). */
    public static ApiException forbidden(String reason) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden!", null, reason, null, null);
    }

    /** 409: an illegal state transition or a conflicting concurrent write. */
    public static ApiException conflict(String field, String message) {
        return new ApiException(HttpStatus.CONFLICT, message, field, null, null, null);
    }

    /**
     * 503 with {@code Retry-After}: the database could not answer in time or at all, or the caller's share of it
     * is in use; nothing was written, a retry shortly may succeed (D5).
     */
    public static ApiException unavailable(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message, null, null, null, Map.of("Retry-After", "2"));
    }

    /** 401 with the RFC 6750 challenge. */
    public static ApiException invalidToken(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message, null, null, null,
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    public ApiException withReason(String newReason) {
        return new ApiException(status, getMessage(), field, newReason, data, headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** Extra payload some IQM errors carry in {@code data} (the login on-hold answer). */
    public Object data() {
        return data;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
