package io.adplane.targeting;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Paging;
import io.adplane.api.TextRules;
import io.adplane.auth.Caller;
import io.adplane.master.MasterData;

/**
 * An organization's deals, audiences and inventory groups: created and listed by adplane's own operations (F4),
 * looked up by the campaign feature. Every query is scoped by the organization; another organization's id is
 * unknown (D5).
 */
@Service
public class Targets {

    /** PG (programmatic guaranteed) or PMP (private marketplace) deals. */
    public enum DealKind {
        PG, PMP;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record DealRequest(String dealId, String dealName, Integer exchangeId, BigDecimal cpm) {
    }

    @JsonPropertyOrder({"id", "dealId", "dealName", "exchangeId", "cpm", "createdAt"})
    public record Deal(long id, String dealId, String dealName, int exchangeId, @Nullable BigDecimal cpm, long createdAt) {
    }

    public record AudienceRequest(String audienceName, Integer audienceTypeId, Integer audienceStatusId) {
    }

    @JsonPropertyOrder({"id", "audienceName", "audienceTypeId", "audienceStatusId", "uowId", "createdAt"})
    public record Audience(long id, String audienceName, int audienceTypeId, int audienceStatusId, long uowId,
            long createdAt) {
    }

    public record InventoryGroupRequest(String groupName, Integer groupTypeId) {
    }

    @JsonPropertyOrder({"id", "groupName", "groupTypeId", "createdAt"})
    public record InventoryGroup(long id, String groupName, int groupTypeId, long createdAt) {
    }

    /** A page of an organization's records, newest first. */
    @JsonPropertyOrder({"totalRecords", "data"})
    public record Page<T>(long totalRecords, List<T> data) {
    }

    /** What {@link #create} answers. */
    public record Created(long id) {
    }

    private final TargetsRepository repository;
    private final MasterData master;
    private final Clock clock;

    Targets(TargetsRepository repository, MasterData master, Clock clock) {
        this.repository = repository;
        this.master = master;
        this.clock = clock;
    }

    @Transactional
    public Created createDeal(Caller caller, DealKind kind, DealRequest r) {
        caller.requireWrite();
        String dealId = text("dealId", r.dealId());
        String name = text("dealName", r.dealName());
        if (r.exchangeId() == null || !master.unknownExchanges(List.of((long) r.exchangeId())).isEmpty()) {
            throw ApiException.badRequest("exchangeId", "exchangeId must be an exchange of the master data.");
        }
        BigDecimal cpm = r.cpm() == null ? null : Limits.money("cpm", r.cpm());
        if (cpm != null && cpm.compareTo(new BigDecimal("1000")) > 0) {
            throw ApiException.badRequest("cpm", "cpm must be at most 1000.");
        }
        return new Created(repository.insertDeal(caller.owId(), caller.uowId(), kind.code(), dealId, name,
                r.exchangeId(), cpm, clock.millis()));
    }

    @Transactional
    public Created createAudience(Caller caller, AudienceRequest r) {
        caller.requireWrite();
        String name = text("audienceName", r.audienceName());
        int type = range("audienceTypeId", r.audienceTypeId(), 1, 1, 10);
        int status = range("audienceStatusId", r.audienceStatusId(), 1, 1, 5);
        return new Created(repository.insertAudience(caller.owId(), caller.uowId(), name, type, status, clock.millis()));
    }

    @Transactional
    public Created createInventoryGroup(Caller caller, InventoryGroupRequest r) {
        caller.requireWrite();
        String name = text("groupName", r.groupName());
        int type = range("groupTypeId", r.groupTypeId(), 1, 1, 3);
        return new Created(repository.insertInventoryGroup(caller.owId(), caller.uowId(), name, type, clock.millis()));
    }

    public Page<Deal> deals(Caller caller, DealKind kind, Integer pageNo, Integer noOfEntries) {
        Paging p = Paging.of(pageNo, noOfEntries, null, 20);
        return new Page<>(repository.countDeals(caller.owId(), kind.code()),
                repository.deals(caller.owId(), kind.code(), p.limit(), p.offset()));
    }

    public Page<Audience> audiences(Caller caller, Integer pageNo, Integer noOfEntries) {
        Paging p = Paging.of(pageNo, noOfEntries, null, 20);
        return new Page<>(repository.count("audience", caller.owId()),
                repository.audiences(caller.owId(), p.limit(), p.offset()));
    }

    public Page<InventoryGroup> inventoryGroups(Caller caller, Integer pageNo, Integer noOfEntries) {
        Paging p = Paging.of(pageNo, noOfEntries, null, 20);
        return new Page<>(repository.count("inventory_group", caller.owId()),
                repository.inventoryGroups(caller.owId(), p.limit(), p.offset()));
    }

    /** Which of {@code ids} are not deals of this kind of the organization. */
    public Set<Long> unknownDeals(long owId, DealKind kind, Collection<Long> ids) {
        return unknown(ids, repository.existingDeals(owId, kind.code(), ids));
    }

    /** Which of {@code ids} are not audiences of the organization. */
    public Set<Long> unknownAudiences(long owId, Collection<Long> ids) {
        return unknown(ids, repository.existing("audience", owId, ids));
    }

    /** Which of {@code ids} are not inventory groups of the organization. */
    public Set<Long> unknownInventoryGroups(long owId, Collection<Long> ids) {
        return unknown(ids, repository.existing("inventory_group", owId, ids));
    }

    private static Set<Long> unknown(Collection<Long> ids, Collection<Long> existing) {
        Set<Long> missing = new LinkedHashSet<>(ids);
        missing.removeAll(existing);
        return missing;
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > Limits.NAME || TextRules.problem(value) != null) {
            throw ApiException.badRequest(field, field + " must be 1 to 255 printable characters.");
        }
        return value.strip();
    }

    private static int range(String field, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw ApiException.badRequest(field, field + " must be from " + min + " to " + max + ".");
        }
        return v;
    }
}
