package io.adplane.tenancy;

import java.util.Locale;

/** Whether an organization may log in and act (D9). */
public enum OrganizationStatus {
    ACTIVE("Active"), ON_HOLD("On Hold"), SUSPENDED("Suspended");

    private final String label;

    OrganizationStatus(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The text IQM shows in the login answer's {@code data.status}. */
    public String label() {
        return label;
    }

    public static OrganizationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
