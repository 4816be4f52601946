package io.adplane.tenancy;

import java.util.Locale;

/** Whether an organization may log in and act (D9). */
public enum OrganizationStatus {
    ACTIVE("Active", 1), PENDING("Pending", 2), INVITED("Invited", 3), ON_HOLD("On Hold", 4),
    SUSPENDED("Suspended", 4), REJECTED("Rejected", 5);

    private final String label;
    private final int iqmId;

    OrganizationStatus(String label, int iqmId) {
        this.label = label;
        this.iqmId = iqmId;
    }

    /**
     * IQM's organization-workspace status id: 1 active, 2 pending, 3 invited, 4 suspended (on hold too, U2),
     * 5 rejected.
     */
    public int iqmId() {
        return iqmId;
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
