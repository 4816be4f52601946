package io.adplane.controls;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.databind.JsonNode;

/**
 * A fixture (E5, E7): workspaces with their owner organization and OAuth clients, the organizations below them,
 * users with their memberships, and the organizations' creatives, insertion orders and campaigns, every one with
 * its fixed id. Written as YAML (or JSON) by hand or by an export; a password or client secret is given as itself
 * or, as an export writes it, as its hash.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "workspaces", "organizations", "users", "creatives", "insertionOrders", "campaigns"})
public record Fixture(@Nullable Integer version, @Nullable List<Workspace> workspaces,
        @Nullable List<Organization> organizations, @Nullable List<User> users, @Nullable List<Creative> creatives,
        @Nullable List<InsertionOrder> insertionOrders, @Nullable List<Campaign> campaigns) {

    /** Whether it holds creatives, IOs or campaigns, which only a running server loads and exports (E8). */
    public boolean hasContent() {
        return !(creatives == null || creatives.isEmpty()) || !(insertionOrders == null || insertionOrders.isEmpty())
                || !(campaigns == null || campaigns.isEmpty());
    }

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

    /**
     * A creative of organization {@code owId}, made by the member {@code uowId}: the fields of an item of IQM's
     * create request ({@code creativeName}, {@code platformCreativeTypeId}, {@code creativeSourceType},
     * {@code creativeSource}, {@code clickUrl}, the details...), its status (default 1, pending) and, for a
     * {@code FILE} creative, its file: {@code file}, a path relative to the fixture file, or {@code fileBase64}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"creativeId", "owId", "uowId", "creativeStatusId", "rejectionReason", "remarks", "file",
            "fileBase64"})
    public record Creative(Long creativeId, Long owId, Long uowId, @Nullable Integer creativeStatusId,
            @Nullable String rejectionReason, @Nullable String remarks, @Nullable String file,
            @Nullable String fileBase64, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> request) {
    }

    /**
     * An insertion order of organization {@code owId}, made by the member {@code uowId}, in the fields of IQM's IO
     * request; {@code ioStatusId} 1 (active, the default), 2 (expired: its end has passed) or 3 (deleted).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ioId", "owId", "uowId", "ioName", "ioStartTime", "ioEndTime", "ioTotalBudget",
            "ioTotalImpressions", "ioTimeZoneId", "isAutoSumIoTotalBudget", "ioBudgetTypeId",
            "ioBudgetDistributionMethodId", "ioStatusId"})
    public record InsertionOrder(Long ioId, Long owId, Long uowId, String ioName, Long ioStartTime,
            @Nullable Long ioEndTime, @Nullable BigDecimal ioTotalBudget, @Nullable Long ioTotalImpressions,
            @Nullable Integer ioTimeZoneId, @Nullable Boolean isAutoSumIoTotalBudget, Integer ioBudgetTypeId,
            @Nullable Integer ioBudgetDistributionMethodId, @Nullable Integer ioStatusId) {
    }

    /**
     * A campaign of organization {@code owId}, made by the member {@code uowId}: the fields of IQM's create request
     * ({@code ioId}, {@code campaignName}, {@code budgetTotal}, {@code startTime}...), its status (default pending)
     * and, when rejected, its {@code rejectionReason}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"campaignId", "owId", "uowId", "status", "rejectionReason"})
    public record Campaign(Long campaignId, Long owId, Long uowId, @Nullable String status,
            @Nullable String rejectionReason, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> fields) {
    }
}
