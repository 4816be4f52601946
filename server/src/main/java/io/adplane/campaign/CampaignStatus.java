package io.adplane.campaign;

import java.util.Locale;

import io.adplane.api.ApiException;

/**
 * A campaign's state and the moves between states (D15):
 * draft→pending (submit), pending→running (approve), pending→rejected (reject), running↔paused,
 * rejected→pending (an edit re-submits), running/paused→pending (an edit that needs approval again, A2),
 * expired→running (re-run, once the end lies in the future), running/paused→expired (automatic), and any
 * state but deleted → deleted. Every write of a campaign's status goes through {@link #moveTo}.
 */
public enum CampaignStatus {
    DRAFT, PENDING, RUNNING, PAUSED, EXPIRED, REJECTED, DELETED;

    /** Read for every campaign row: each status and its code once, not an array copy and seven lower-casings. */
    private static final CampaignStatus[] ALL = values();

    private final String code = name().toLowerCase(Locale.ROOT);

    /**
     * The effective status in SQL, the one mirror of {@link #effective}: running and paused campaigns past their
     * end, or their IO's end when they have none ({@code expires_at}, kept by the write paths), are expired.
     * Needs the alias {@code c} (campaign) and the parameter {@code :nowSec}.
     */
    static final String EFFECTIVE_SQL = "(CASE WHEN c.status IN ('running', 'paused') AND c.expires_at <= :nowSec "
            + "THEN 'expired' ELSE c.status END)";

    /**
     * The SQL condition "the effective status is this one", written so an index on (ow_id, status, ...) serves
     * it: the mirror of {@link #effective} for one status. Needs the alias {@code c} and {@code :nowSec}.
     */
    String effectiveIsSql() {
        return switch (this) {
            case RUNNING, PAUSED -> "(c.status = '" + code() + "' AND (c.expires_at IS NULL OR c.expires_at > :nowSec))";
            case EXPIRED -> "(c.status = 'expired' OR (c.status IN ('running', 'paused') AND c.expires_at <= :nowSec))";
            default -> "c.status = '" + code() + "'";
        };
    }

    /** What a move does, which decides who may make it (D16). */
    public enum Move {
        SUBMIT, APPROVE, REJECT, PAUSE, RESUME, RERUN, DELETE, RESUBMIT, EXPIRE, REVIEW
    }

    public String code() {
        return code;
    }

    public static CampaignStatus of(String code) {
        for (CampaignStatus s : ALL) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException(code);
    }

    /** The move from this state to {@code target}; 409 naming both states when there is none. */
    public Move moveTo(CampaignStatus target) {
        Move move = switch (this) {
            case DRAFT -> target == PENDING ? Move.SUBMIT : null;
            case PENDING -> target == RUNNING ? Move.APPROVE : target == REJECTED ? Move.REJECT : null;
            case RUNNING -> target == PAUSED ? Move.PAUSE : target == EXPIRED ? Move.EXPIRE
                    : target == PENDING ? Move.REVIEW : null;
            case PAUSED -> target == RUNNING ? Move.RESUME : target == EXPIRED ? Move.EXPIRE
                    : target == PENDING ? Move.REVIEW : null;
            case REJECTED -> target == PENDING ? Move.RESUBMIT : null;
            case EXPIRED -> target == RUNNING ? Move.RERUN : null;
            case DELETED -> null;
        };
        if (target == DELETED && this != DELETED) {
            move = Move.DELETE;
        }
        if (move == null) {
            throw ApiException.conflict("status",
                    "Campaign status cannot change from '" + code() + "' to '" + target.code() + "'.");
        }
        return move;
    }

    /**
     * The status a reader sees (D17): running and paused campaigns whose end has passed are expired at once; a
     * campaign without an end ends with its IO ({@code ioEndSeconds}, null when the IO has no end either).
     */
    public CampaignStatus effective(Long endTimeSeconds, Long ioEndSeconds, long nowSeconds) {
        Long end = endTimeSeconds != null ? endTimeSeconds : ioEndSeconds;
        if ((this == RUNNING || this == PAUSED) && end != null && end <= nowSeconds) {
            return EXPIRED;
        }
        return this;
    }

    /** Whether the campaign has been approved to run at some point (running, paused or expired now). */
    boolean hasRun() {
        return this == RUNNING || this == PAUSED || this == EXPIRED;
    }
}
