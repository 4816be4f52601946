package io.adplane.tenancy;

/** A person who logs in. The email is stored normalised; the password only as an Argon2id hash. */
public record User(long id, String email, String firstName, String lastName, String passwordHash,
        boolean disabled) {

    public String displayName() {
        return Names.displayName(firstName, lastName, email);
    }
}
