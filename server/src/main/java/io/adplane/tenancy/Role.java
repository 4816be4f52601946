package io.adplane.tenancy;

import java.util.Locale;

/** A member's role in an organization (D9). */
public enum Role {
    ADMIN, APPROVER, EDITOR, VIEWER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of admin, approver, editor, viewer");
    }

    /** May approve or reject campaigns and creatives (D16, D18). */
    public boolean approves() {
        return this == ADMIN || this == APPROVER;
    }

    /** May create and change things; a viewer may only read. */
    public boolean writes() {
        return this != VIEWER;
    }
}
