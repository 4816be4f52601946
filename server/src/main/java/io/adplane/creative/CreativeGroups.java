package io.adplane.creative;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import io.adplane.history.Actor;
import io.adplane.tenancy.TenancyRepository;

/**
 * Creative groups (IQM's Creative API): named sets of an organization's creatives, all of the group's creative
 * type. Create, add and remove creatives, list, duplicate (with copies of its creatives) and delete. Another
 * organization's group or creative answers exactly like a missing one (D5).
 */
@Service
public class CreativeGroups {

    static final String INVALID_CREATIVES = "Invalid creative ids found. Please provide valid creative ids";
    static final String INVALID_GROUPS = "Invalid group ids found. Please provide valid group ids";
    static final String MIXED_TYPES = "Selected creatives are of different types. Please ensure all selected creatives "
            + "have the same creative type for assigning them to a group";
    static final String WRONG_TYPE = "Creative type of all the creatives must be same as the provided creative type";

    private static final Map<String, String> SORTS = Map.of("creativeGroupId", "g.creative_group_id",
            "creativeGroupName", "g.creative_group_name", "createdAt", "g.created_at", "creativeTypeId",
            "g.creative_type_id");

    private final CreativeGroupRepository groups;
    private final CreativeRepository creatives;
    private final CreativeWriter writer;
    private final TenancyRepository tenancy;
    private final Clock clock;

    CreativeGroups(CreativeGroupRepository groups, CreativeRepository creatives, CreativeWriter writer,
            TenancyRepository tenancy, Clock clock) {
        this.groups = groups;
        this.creatives = creatives;
        this.writer = writer;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** The body of {@code POST /api/v3/crt/creatives/groups}. */
    public record CreateRequest(String creativeGroupName, List<Long> creativeIds, Integer creativeTypeId) {
    }

    @JsonPropertyOrder({"creativeGroupId", "message"})
    public record Created(long creativeGroupId, String message) {
    }

    @JsonPropertyOrder({"duplicatedCreativeGroupId", "message"})
    public record Duplicated(long duplicatedCreativeGroupId, String message) {
    }

    /** An answer that is only a message. */
    public record Message(String message) {
    }

    @Transactional
    public Created create(Caller caller, CreateRequest r) {
        caller.requireWrite();
        String name = name(r.creativeGroupName());
        if (r.creativeTypeId() == null || CreativeType.of(r.creativeTypeId()).isEmpty()) {
            throw ApiException.badRequest("creativeTypeId", "creativeTypeId must be 11, 13, 14, 15 or 17.");
        }
        if (r.creativeIds() == null) {
            throw ApiException.badRequest("creativeIds", "creativeIds is required.");
        }
        List<CreativeGroupRepository.Member> members = members(caller.owId(), r.creativeIds());
        requireType(members, r.creativeTypeId());
        long id = groups.insert(caller.owId(), caller.uowId(), name, r.creativeTypeId(), clock.millis());
        groups.add(caller.owId(), id, members.stream().map(CreativeGroupRepository.Member::creativeId).toList());
        return new Created(id, name + " group created successfully");
    }

    /** The body of {@code POST /api/v3/crt/creatives/groups/modify-creatives}. */
    public record ModifyRequest(List<Long> creativeIds, List<Long> creativeGroupIds, String actionType) {
    }

    @Transactional
    public Message modify(Caller caller, ModifyRequest r) {
        caller.requireWrite();
        String action = r.actionType() == null ? "" : r.actionType().strip().toUpperCase(Locale.ROOT);
        if (!action.equals("ADD") && !action.equals("REMOVE")) {
            throw ApiException.badRequest("actionType", "actionType must be ADD or REMOVE.");
        }
        if (r.creativeGroupIds() == null || r.creativeGroupIds().isEmpty()) {
            throw ApiException.unprocessable("creativeGroupIds", INVALID_GROUPS);
        }
        if (r.creativeIds() == null || r.creativeIds().isEmpty()) {
            throw ApiException.unprocessable("creativeIds", INVALID_CREATIVES);
        }
        List<CreativeGroupRepository.Group> locked = lockGroups(caller.owId(), r.creativeGroupIds());
        List<CreativeGroupRepository.Member> members = members(caller.owId(), r.creativeIds());
        List<Long> ids = members.stream().map(CreativeGroupRepository.Member::creativeId).toList();
        long now = clock.millis();
        if (action.equals("ADD")) {
            requireSameType(members);
            for (CreativeGroupRepository.Group g : locked) {
                requireType(members, g.creativeTypeId());
                groups.add(caller.owId(), g.creativeGroupId(), ids);
                groups.touch(caller.owId(), g.creativeGroupId(), now);
            }
        } else {
            for (CreativeGroupRepository.Group g : locked) {
                List<Long> present = groups.members(caller.owId(), g.creativeGroupId(), ids);
                for (Long id : ids) {
                    if (!present.contains(id)) {
                        // F3: IQM throws when a creative is not in the group; the message names both.
                        throw ApiException.unprocessable("creativeIds", "Creative " + id + " is not in group "
                                + g.creativeGroupName() + ".");
                    }
                }
                groups.remove(caller.owId(), g.creativeGroupId(), ids);
                groups.touch(caller.owId(), g.creativeGroupId(), now);
            }
        }
        String what = members.size() == 1 ? members.get(0).creativeName() + " creative" : members.size() + " creatives";
        String where = locked.size() == 1 ? locked.get(0).creativeGroupName() + " group" : locked.size() + " groups";
        return new Message(what + (action.equals("ADD") ? " added to " : " removed from ") + where + " successfully");
    }

    @Transactional
    public Message delete(Caller caller, List<Long> groupIds) {
        caller.requireWrite();
        if (groupIds == null || groupIds.isEmpty()) {
            throw ApiException.badRequest("creativeGroupIds", "creativeGroupIds is required.");
        }
        List<CreativeGroupRepository.Group> locked = lockGroups(caller.owId(), groupIds);
        groups.delete(caller.owId(), locked.stream().map(CreativeGroupRepository.Group::creativeGroupId).toList(),
                clock.millis());
        return new Message(locked.size() == 1 ? locked.get(0).creativeGroupName() + " group deleted successfully"
                : locked.size() + " groups deleted successfully");
    }

    /** A copy of the group holding a copy of each of its creatives (pending approval, as a new creative is). */
    @Transactional
    public Duplicated duplicate(Caller caller, long groupId) {
        caller.requireWrite();
        CreativeGroupRepository.Group g = lockGroups(caller.owId(), List.of(groupId)).get(0);
        List<Long> copies = new ArrayList<>();
        long now = clock.millis();
        Actor actor = Actor.of(caller);
        for (Creative c : creatives.lockAll(caller.owId(), groups.creativesOf(caller.owId(), groupId))) {
            copies.add(writer.create(actor, new Creative(0, c.owId(), caller.uowId(), c.creativeName(),
                    c.platformCreativeTypeId(), c.creativeSourceType(), c.creativeSource(), c.clickUrl(),
                    c.externalCreativeId(), c.details(), Creative.PENDING, null, null, c.fileName(), c.fileType(),
                    c.fileSize(), now, now, c.fileSha256())));
        }
        String name = copyName(g.creativeGroupName());
        long id = groups.insert(caller.owId(), caller.uowId(), name, g.creativeTypeId(), now);
        groups.add(caller.owId(), id, copies);
        return new Duplicated(id, g.creativeGroupName() + " group duplicated successfully");
    }

    /** The body of {@code POST /api/v3/crt/creatives/groups/list}. */
    public record ListRequest(@Nullable Map<String, String> sortCriteriaMap, List<Integer> platformCreativeTypeIds,
            List<Integer> creativeStatusIds, List<Long> creativeGroupIds, Long startTime, Long endTime, List<Long> owIds,
            Boolean allOwIds, Integer pageNo, Integer noOfEntries, String sortBy, String searchField, String order) {
    }

    @JsonPropertyOrder({"creativeGroupId", "creativeGroupName", "creativeTypeId", "createdAt", "creativesCount"})
    public record GroupRow(long creativeGroupId, String creativeGroupName, int creativeTypeId, long createdAt,
            long creativesCount) {
    }

    @JsonPropertyOrder({"totalRecords", "filteredRecords", "creativeGroupList"})
    public record GroupList(long totalRecords, long filteredRecords, List<GroupRow> creativeGroupList) {
    }

    public GroupList list(Caller caller, ListRequest r) {
        List<Long> owIds = CreativeList.owIds(caller, r.allOwIds(), r.owIds(),
                () -> tenancy.allowedOwIds(caller.userId(), caller.workspaceId()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owIds", owIds);
        StringBuilder where = new StringBuilder("g.ow_id IN (:owIds) AND g.deleted = FALSE");
        if (r.creativeGroupIds() != null && !r.creativeGroupIds().isEmpty()) {
            where.append(" AND g.creative_group_id IN (:ids)");
            params.put("ids", Limits.ids("creativeGroupIds", r.creativeGroupIds()));
        }
        if (r.platformCreativeTypeIds() != null && !r.platformCreativeTypeIds().isEmpty()) {
            where.append(" AND g.creative_type_id IN (:types)");
            params.put("types", r.platformCreativeTypeIds());
        }
        if (r.startTime() != null) {
            where.append(" AND g.created_at >= :startTime");
            params.put("startTime", r.startTime());
        }
        if (r.endTime() != null) {
            where.append(" AND g.created_at <= :endTime");
            params.put("endTime", r.endTime());
        }
        if (r.searchField() != null && !r.searchField().isBlank()) {
            where.append(" AND (LOWER(g.creative_group_name) LIKE :search ESCAPE '\\' "
                    + "OR CAST(g.creative_group_id AS VARCHAR(20)) = :searchExact)");
            params.put("search", Paging.likePattern(r.searchField()));
            params.put("searchExact", r.searchField().strip());
        }
        String order = Paging.orderBy(CreativeList.sortBy(r.sortBy(), r.sortCriteriaMap()), CreativeList.order(r.order()),
                SORTS, "-creativeGroupId", "g.creative_group_id DESC");
        Paging paging = Paging.of(r.pageNo(), r.noOfEntries(), null, 20);
        List<Integer> statuses = r.creativeStatusIds() == null || r.creativeStatusIds().isEmpty() ? null
                : r.creativeStatusIds();
        CreativeGroupRepository.Page page = groups.list(where.toString(), params, order, paging.limit(),
                paging.offset(), statuses);
        return new GroupList(page.totalRecords(), page.filteredRecords(), page.rows().stream()
                .map(x -> new GroupRow(x.creativeGroupId(), x.creativeGroupName(), x.creativeTypeId(), x.createdAt(),
                        x.creativesCount()))
                .toList());
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > Limits.NAME || TextRules.problem(name) != null) {
            throw ApiException.badRequest("creativeGroupName", "creativeGroupName must be 1 to 255 printable characters.");
        }
        return name.strip();
    }

    private static String copyName(String name) {
        String copy = name + " copy";
        return copy.length() > Limits.NAME ? copy.substring(0, Limits.NAME) : copy;
    }

    /** All of {@code ids} as the organization's creatives that are not deleted, or 422. */
    private List<CreativeGroupRepository.Member> members(long owId, List<Long> ids) {
        Set<Long> unique = new LinkedHashSet<>(Limits.ids("creativeIds", ids));
        List<CreativeGroupRepository.Member> found = groups.creatives(owId, unique);
        if (found.size() != unique.size()) {
            throw ApiException.unprocessable("creativeIds", INVALID_CREATIVES);
        }
        return found;
    }

    private List<CreativeGroupRepository.Group> lockGroups(long owId, List<Long> ids) {
        Set<Long> unique = new LinkedHashSet<>(Limits.ids("creativeGroupIds", ids));
        List<CreativeGroupRepository.Group> found = groups.lockAll(owId, unique);
        if (found.size() != unique.size()) {
            throw ApiException.unprocessable("creativeGroupIds", INVALID_GROUPS);
        }
        return found;
    }

    private static void requireSameType(List<CreativeGroupRepository.Member> members) {
        if (members.stream().map(CreativeGroupRepository.Member::platformCreativeTypeId).distinct().count() > 1) {
            throw ApiException.unprocessable("creativeIds", MIXED_TYPES);
        }
    }

    private static void requireType(List<CreativeGroupRepository.Member> members, int type) {
        requireSameType(members);
        if (members.stream().anyMatch(m -> m.platformCreativeTypeId() != type)) {
            throw ApiException.unprocessable("creativeTypeId", WRONG_TYPE);
        }
    }
}
