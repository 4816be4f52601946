package io.adplane.history;

import java.util.Locale;

/** What a change-history entry is about. */
public enum EntityType {
    CAMPAIGN, IO, CREATIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
