package io.adplane.campaign;

import java.util.Locale;

import io.adplane.api.ApiException;

/**
 * A campaign's state and the moves between states (D15):
 * draft→pending (submit), pending→running (approve), pending→rejected (reject), running↔paused,
 * rejected→pending (an edit re-submits), expired→running (re-run, once the end lies in the future),
 * running/paused→expired (automatic), and any state but deleted → deleted.
 */
public enum CampaignStatus {
    DRAFT, PENDING, RUNNING, PAUSED, EXPIRED, REJECTED, DELETED;

    /** What a manual move does, which decides who may make it (D16). */
    public enum Move {
        SUBMIT, APPROVE, REJECT, PAUSE, RESUME, RERUN, DELETE, RESUBMIT, EXPIRE
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignStatus of(String code) {
        for (CampaignStatus s : values()) {
            if (s.code().equals(code)) {
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
            case RUNNING -> target == PAUSED ? Move.PAUSE : target == EXPIRED ? Move.EXPIRE : null;
            case PAUSED -> target == RUNNING ? Move.RESUME : target == EXPIRED ? Move.EXPIRE : null;
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

    /** Running and paused campaigns whose end has passed read as expired at once (D17). */
    public CampaignStatus effective(Long endTimeSeconds, long nowSeconds) {
        if ((this == RUNNING || this == PAUSED) && endTimeSeconds != null && endTimeSeconds <= nowSeconds) {
            return EXPIRED;
        }
        return this;
    }
}
