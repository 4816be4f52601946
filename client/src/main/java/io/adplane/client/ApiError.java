package io.adplane.client;

/**
 * Every error answer of adplane, from either envelope: the HTTP status, the message (IQM's {@code error} or
 * {@code errorMsg}), and where the server names them the field and a reason.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String field;
    private final String reason;

    public ApiError(int status, String message, String field, String reason) {
        super(message);
        this.status = status;
        this.field = field;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** The request field the error is about, or null. */
    public String field() {
        return field;
    }

    /** A longer explanation, or null. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "ApiError " + status + ": " + getMessage() + (field == null ? "" : " (field " + field + ")")
                + (reason == null ? "" : " - " + reason);
    }
}
