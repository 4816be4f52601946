package io.adplane.users;

import org.springframework.http.HttpStatus;

import io.adplane.api.ApiException;

/**
 * The User API's operations that a self-hosted server has nothing behind (U1): IQM's chatbot, its Metabase
 * credentials and its interaction-event tracking. They answer 501 in the v3 envelope, naming why, rather than
 * 404 (the route exists at IQM) or a made-up success.
 */
public final class NotOffered {

    /** The message every not-offered operation answers with. */
    public static final String MESSAGE = "This operation is not offered by adplane.";

    private NotOffered() {
    }

    /** 501 with {@code reason} saying what IQM service the operation belongs to. */
    public static ApiException because(String reason) {
        return new ApiException(HttpStatus.NOT_IMPLEMENTED, MESSAGE, null, reason, null, null);
    }
}
