package io.adplane.users;

import java.util.ArrayList;
import java.util.List;

import io.adplane.api.ApiException;
import io.adplane.tenancy.OrganizationStatus;

/**
 * IQM's organization-workspace statuses by id: 1 active, 2 pending, 3 invited, 4 suspended, 5 rejected. An
 * organization on hold is status 4 in every list (U2); only the login answer names it "On Hold" (the seed's).
 */
final class Statuses {

    static final String[] NAMES = {null, "active", "pending", "invited", "suspended", "rejected"};
    static final String[] LABELS = {null, "Active", "Pending", "Invited", "Suspended", "Rejected"};

    private Statuses() {
    }

    static String name(OrganizationStatus status) {
        return NAMES[status.iqmId()];
    }

    static String label(OrganizationStatus status) {
        return LABELS[status.iqmId()];
    }

    /** The stored codes of IQM status ids; an unknown id is a 400 naming {@code field}. */
    static List<String> codes(String field, List<Long> ids) {
        List<String> codes = new ArrayList<>();
        for (long id : ids) {
            boolean known = false;
            for (OrganizationStatus s : OrganizationStatus.values()) {
                if (s.iqmId() == id) {
                    codes.add(s.code());
                    known = true;
                }
            }
            if (!known) {
                throw ApiException.badRequest(field, "Field '" + field + "' lists status id " + id
                        + "; use 1 active, 2 pending, 3 invited, 4 suspended, 5 rejected.");
            }
        }
        return codes;
    }
}
