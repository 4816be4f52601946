package io.adplane.controls;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A fixture (E5): workspaces with their owner organization and OAuth clients, the organizations below them, and
 * users with their memberships, every one with its fixed id. Written as YAML (or JSON) by hand or by an export; a
 * password or client secret is given as itself or, as an export writes it, as its hash.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "workspaces", "organizations", "users"})
public record Fixture(@Nullable Integer version, @Nullable List<Workspace> workspaces,
        @Nullable List<Organization> organizations, @Nullable List<User> users) {

    /** A workspace: its domain, its owner organization ({@code owId}, {@code name}) and its OAuth clients. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "domain", "owId", "name", "supportEmail", "clients"})
    public record Workspace(Long id, String domain, Long owId, String name, @Nullable String supportEmail,
            @Nullable List<Client> clients) {
    }

    /** An OAuth client: {@code clientSecret}, or {@code clientSecretHash} (SHA-256, hex) as exports write it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"clientId", "clientSecret", "clientSecretHash"})
    public record Client(String clientId, @Nullable String clientSecret, @Nullable String clientSecretHash) {
    }

    /** A customer organization below {@code parentOwId} (an owner organization or one listed before it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"owId", "parentOwId", "name", "status", "holdReason", "timezoneId", "autoApprove"})
    public record Organization(Long owId, Long parentOwId, String name, @Nullable String status,
            @Nullable String holdReason, @Nullable Integer timezoneId, @Nullable Boolean autoApprove) {
    }

    /** A user: {@code password}, or {@code passwordHash} as exports write it, and the organizations it belongs to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "email", "password", "passwordHash", "firstName", "lastName", "disabled", "memberships"})
    public record User(Long id, String email, @Nullable String password, @Nullable String passwordHash,
            @Nullable String firstName, @Nullable String lastName, @Nullable Boolean disabled,
            @Nullable List<Membership> memberships) {
    }

    /** A user's role in an organization, with the membership's id ({@code uowId}). */
    @JsonPropertyOrder({"uowId", "owId", "role"})
    public record Membership(Long uowId, Long owId, String role) {
    }
}
