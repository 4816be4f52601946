package io.adplane.history;

import org.slf4j.MDC;

import io.adplane.auth.Caller;

/**
 * Who makes a change, as the write paths and the change history need it: the membership ({@code uowId},
 * {@code null} for the server itself: expiry, auto-approval), the request it came with, and whether it may
 * approve for the organization it acts for (D16).
 */
public record Actor(Long uowId, String requestId, boolean canApprove) {

    /** The MDC key the request-id filter sets for the duration of a request. */
    public static final String REQUEST_ID = "requestId";

    public static Actor of(Caller caller) {
        return new Actor(caller.uowId(), MDC.get(REQUEST_ID), caller.canApprove());
    }

    /** The server acting on its own (a job); it approves nothing. */
    public static Actor server() {
        return new Actor(null, MDC.get(REQUEST_ID), false);
    }

    public boolean isServer() {
        return uowId == null;
    }
}
