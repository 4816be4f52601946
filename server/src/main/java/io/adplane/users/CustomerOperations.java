package io.adplane.users;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.api.Paging;
import io.adplane.auth.Caller;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.TenancyRepository;

/**
 * The workspace's operational data about its customers (IQM's customer operations) and its labels: only the
 * workspace's "super users", the admins of its owner organization, see and change them (IQM's 422 otherwise,
 * U12). An advertiser's details fall back to those of the workspace account above it, field by field.
 */
@Service
public class CustomerOperations {

    static final String SUPER_USER = "Only super user can perform this operation";
    private static final Map<String, String> LABEL_SORTS = ListArgs.columns("id", "id", "name", "LOWER(label)",
            "label", "LOWER(label)");

    private final JdbcClient jdbc;
    private final TenancyRepository tenancy;
    private final Clock clock;

    CustomerOperations(JdbcClient jdbc, TenancyRepository tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** A stored row, lists as ids; null where the organization sets nothing. */
    private record Row(Integer customerTypeId, Integer customerPaymentTypeId, Long countryId, List<Long> adOps,
            List<Long> sellers, List<Long> labels) {
    }

    public CustomerOperationDetails details(Caller caller, long owId) {
        requireSuperUser(caller);
        Organization target = Administration.visible(tenancy, caller, owId, "owId");
        Organization workspaceAccount = workspaceAccountOf(target);
        Row own = row(target.owId());
        if (workspaceAccount != null && workspaceAccount.owId() == target.owId()) {
            return new CustomerOperationDetails(details(target.owId(), own, null), null);
        }
        Row inherited = workspaceAccount == null ? null : row(workspaceAccount.owId());
        return new CustomerOperationDetails(workspaceAccount == null ? null : details(workspaceAccount.owId(), inherited, null),
                details(target.owId(), own, inherited));
    }

    /** The body of {@code PATCH customer-operations/{owId}}. */
    public record Update(Fields customerOperationsDetails, Resets resetFields) {
    }

    /** The fields to set. */
    public record Fields(Integer customerTypeId, Integer customerPaymentTypeId, Long countryId, Long createdByUowId,
            Long modifiedByUowId, List<Long> adOpsAssigneeUserIds, List<Long> sellerAssigneeUserIds,
            List<Long> labelIds) {
    }

    /** The fields to clear (an advertiser then falls back to its workspace account's). */
    public record Resets(Boolean customerTypeId, Boolean customerPaymentTypeId, Boolean countryId,
            Boolean adOpsAssigneeUserIds, Boolean sellerAssigneeUserIds, Boolean labelIds) {
    }

    @Transactional
    public Message update(Caller caller, long owId, Update body) {
        requireSuperUser(caller);
        Organization target = Administration.visible(tenancy, caller, owId, "owId");
        store(caller, target.owId(), body.customerOperationsDetails(), body.resetFields());
        return new Message("Customer operation details updated successfully");
    }

    /** Stores details for a customer (also those sent with its invitation). */
    void store(Caller caller, long owId, Fields f, Resets r) {
        Row old = row(owId);
        Fields set = f == null ? new Fields(null, null, null, null, null, null, null, null) : f;
        Resets reset = r == null ? new Resets(null, null, null, null, null, null) : r;
        Integer type = pick(listed("customerTypeId", set.customerTypeId(), 2), old.customerTypeId(), reset.customerTypeId());
        Integer payment = pick(listed("customerPaymentTypeId", set.customerPaymentTypeId(), 2),
                old.customerPaymentTypeId(), reset.customerPaymentTypeId());
        Long country = pick(positive("countryId", set.countryId()), old.countryId(), reset.countryId());
        List<Long> adOps = pick(teamMembers(caller, "adOpsAssigneeUserIds", set.adOpsAssigneeUserIds()), old.adOps(),
                reset.adOpsAssigneeUserIds());
        List<Long> sellers = pick(teamMembers(caller, "sellerAssigneeUserIds", set.sellerAssigneeUserIds()),
                old.sellers(), reset.sellerAssigneeUserIds());
        List<Long> labels = pick(labels(caller, set.labelIds()), old.labels(), reset.labelIds());
        long now = clock.millis();
        int updated = jdbc.sql("""
                UPDATE customer_operation SET customer_type_id = ?, customer_payment_type_id = ?, country_id = ?,
                    ad_ops_user_ids = ?, seller_user_ids = ?, label_ids = ?, modified_by_uow_id = ?, modified_at = ?
                WHERE ow_id = ?""")
                .params(type, payment, country, text(adOps), text(sellers), text(labels), caller.uowId(), now, owId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO customer_operation (ow_id, customer_type_id, customer_payment_type_id, country_id,
                        ad_ops_user_ids, seller_user_ids, label_ids, modified_by_uow_id, modified_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(owId, type, payment, country, text(adOps), text(sellers), text(labels), caller.uowId(), now)
                    .update();
        }
    }

    /** The body of {@code customer-operations/label/add}. */
    public record NewLabel(String labelName, Long createdByUowId) {
    }

    @Transactional
    public LabelAdded addLabel(Caller caller, NewLabel body) {
        requireSuperUser(caller);
        String name = Limits.text("labelName", body.labelName(), Limits.NAME);
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("labelName", "Field 'labelName' is required.");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO operation_label (workspace_id, label, created_by_uow_id, created_at) VALUES (?, ?, ?, ?)")
                    .params(caller.workspaceId(), name.strip(), caller.uowId(), clock.millis()).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw ApiException.unprocessable("labelName", "Label '" + name.strip() + "' already exists.");
        }
        return new LabelAdded(keys.getKey().longValue(), "label Added successfully");
    }

    public LabelPage labels(Caller caller, String search, Integer noOfEntries, Integer pageNo, String sortBy) {
        requireSuperUser(caller);
        int limit = ListArgs.limit("noOfEntries", noOfEntries, 20);
        long offset = ListArgs.offset(pageNo, limit);
        String orderBy = ListArgs.orderBy(sortBy, "-id", LABEL_SORTS, "id ASC");
        String s = Limits.text("searchField", search, Limits.NAME);
        String where = " WHERE workspace_id = :ws" + (s == null || s.isBlank() ? ""
                : " AND (LOWER(label) LIKE :search ESCAPE '\\' OR CAST(id AS VARCHAR(20)) = :exact)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ws", caller.workspaceId());
        if (s != null && !s.isBlank()) {
            params.put("search", Paging.likePattern(s));
            params.put("exact", s.strip());
        }
        var page = jdbc.sql("SELECT label, id FROM operation_label" + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset");
        params.forEach(page::param);
        List<LabelPage.Label> rows = page.param("limit", limit).param("offset", offset)
                .query((rs, n) -> new LabelPage.Label(rs.getString(1), rs.getLong(2))).list();
        var filtered = jdbc.sql("SELECT COUNT(*) FROM operation_label" + where);
        params.forEach(filtered::param);
        long total = jdbc.sql("SELECT COUNT(*) FROM operation_label WHERE workspace_id = ?").param(caller.workspaceId())
                .query(Long.class).single();
        return new LabelPage(total, filtered.query(Long.class).single(), rows);
    }

    // --- rules

    private static void requireSuperUser(Caller caller) {
        if (!caller.isWorkspaceOwnerAdmin()) {
            throw ApiException.unprocessable(null, SUPER_USER);
        }
    }

    /** The nearest organization of account type workspace at or above {@code org} (not the workspace owner). */
    private Organization workspaceAccountOf(Organization org) {
        List<Organization> lineage = tenancy.lineage(org);
        for (int i = lineage.size() - 1; i >= 1; i--) {
            Organization o = lineage.get(i);
            String type = jdbc.sql("SELECT account_type FROM organization WHERE ow_id = ?").param(o.owId())
                    .query(String.class).single();
            if (type.equals("workspace")) {
                return o;
            }
        }
        return null;
    }

    private Row row(long owId) {
        return jdbc.sql("""
                SELECT customer_type_id, customer_payment_type_id, country_id, ad_ops_user_ids, seller_user_ids, label_ids
                FROM customer_operation WHERE ow_id = ?""")
                .param(owId)
                .query((rs, n) -> new Row(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class),
                        rs.getObject(3, Long.class), ids(rs.getString(4)), ids(rs.getString(5)), ids(rs.getString(6))))
                .optional().orElse(new Row(null, null, null, null, null, null));
    }

    private static CustomerOperationDetails.Details details(long owId, Row own, Row inherited) {
        Row up = inherited == null ? new Row(null, null, null, null, null, null) : inherited;
        return new CustomerOperationDetails.Details(or(own.customerTypeId(), up.customerTypeId()), owId,
                or(own.customerPaymentTypeId(), up.customerPaymentTypeId()), or(own.countryId(), up.countryId()),
                orEmpty(own.adOps(), up.adOps()), orEmpty(own.sellers(), up.sellers()),
                orEmpty(own.labels(), up.labels()),
                new CustomerOperationDetails.Overridden(own.customerTypeId() != null,
                        own.customerPaymentTypeId() != null, own.countryId() != null, own.adOps() != null,
                        own.sellers() != null, own.labels() != null));
    }

    /** Users of the workspace owner organization (the workspace's own team), or a 400 naming the field. */
    private List<Long> teamMembers(Caller caller, String field, List<Long> ids) {
        if (ids == null) {
            return null;
        }
        List<Long> distinct = Limits.ids(field, ids).stream().distinct().toList();
        if (distinct.isEmpty()) {
            return distinct;
        }
        long found = jdbc.sql("SELECT COUNT(DISTINCT user_id) FROM membership WHERE ow_id = :ow AND user_id IN (:ids)")
                .param("ow", caller.workspaceOwnerOwId()).param("ids", distinct).query(Long.class).single();
        if (found != distinct.size()) {
            throw ApiException.badRequest(field, "Field '" + field + "' must list users of the workspace owner organization.");
        }
        return distinct;
    }

    private List<Long> labels(Caller caller, List<Long> ids) {
        if (ids == null) {
            return null;
        }
        List<Long> distinct = Limits.ids("labelIds", ids).stream().distinct().toList();
        if (distinct.isEmpty()) {
            return distinct;
        }
        long found = jdbc.sql("SELECT COUNT(*) FROM operation_label WHERE workspace_id = :ws AND id IN (:ids)")
                .param("ws", caller.workspaceId()).param("ids", distinct).query(Long.class).single();
        if (found != distinct.size()) {
            throw ApiException.badRequest("labelIds", "Field 'labelIds' must list labels of this workspace.");
        }
        return distinct;
    }

    private static Integer listed(String field, Integer id, int size) {
        if (id != null && (id < 1 || id > size)) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be from 1 to " + size + ".");
        }
        return id;
    }

    private static Long positive(String field, Long id) {
        if (id != null && id < 1) {
            throw ApiException.badRequest(field, "Field '" + field + "' must be a positive id.");
        }
        return id;
    }

    private static <T> T pick(T sent, T old, Boolean reset) {
        if (Boolean.TRUE.equals(reset)) {
            return null;
        }
        return sent != null ? sent : old;
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private static List<Long> orEmpty(List<Long> a, List<Long> b) {
        return a != null ? a : b != null ? b : List.of();
    }

    private static String text(List<Long> ids) {
        if (ids == null) {
            return null;
        }
        String text = String.join(",", ids.stream().map(String::valueOf).toList());
        if (text.length() > 4000) {
            throw ApiException.badRequest("customerOperationsDetails", "Too many ids.");
        }
        return text;
    }

    private static List<Long> ids(String text) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(text.split(",")).map(Long::valueOf).toList());
    }
}
