package io.adplane.users;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.auth.Caller;
import io.adplane.tenancy.Membership;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.OrganizationStatus;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.Workspace;

/**
 * The customers of the organization a caller acts for: the lists of IQM's User API and the status moves a
 * workspace admin makes (approve, reject, hold, re-activate) and the bid-shading switch. Reading needs any role
 * in the organization; managing needs an admin of an organization above the customer ({@link Administration}).
 */
@Service
public class Customers {

    static final String NOT_AUTHORIZED = "User is not authorized to access customers of given organizations";

    private final CustomerRepository repository;
    private final TenancyRepository tenancy;
    private final TenancyService tenancyService;

    Customers(CustomerRepository repository, TenancyRepository tenancy, TenancyService tenancyService) {
        this.repository = repository;
        this.tenancy = tenancy;
        this.tenancyService = tenancyService;
    }

    /** The arguments of {@code customers/list} and {@code immediate/customers/list}. */
    public record ListQuery(String owIds, String childOWIds, String status, String customerAccountType,
            String searchField, Integer limit, Integer pageNo, String sortBy, String customerType, Long countryId,
            Long verticalId, String adOpsAssigneeUserIds, String sellerAssigneeUserIds, String labelIds,
            String customerPaymentTypeIds) {

        public ListQuery(String owIds, String childOWIds, String status, String customerAccountType,
                String searchField, Integer limit, Integer pageNo, String sortBy) {
            this(owIds, childOWIds, status, customerAccountType, searchField, limit, pageNo, sortBy, null, null, null,
                    null, null, null, null);
        }
    }

    /** Every customer below the acting organization ({@code customers/list}), or below the {@code owIds} given. */
    public ListPage<CustomerView> list(Caller caller, ListQuery q) {
        return list(caller, q, false, "-runningCampaigns");
    }

    /** The acting organization's direct customers, or those of the {@code owIds} given. */
    public ListPage<CustomerView> immediate(Caller caller, ListQuery q) {
        return list(caller, q, true, "-createdAt");
    }

    private ListPage<CustomerView> list(Caller caller, ListQuery q, boolean immediate, String defaultSort) {
        Organization acting = acting(caller);
        int limit = ListArgs.limit("limit", q.limit(), 10);
        long offset = ListArgs.offset(q.pageNo(), limit);
        String orderBy = ListArgs.orderBy(q.sortBy(), defaultSort, CustomerRepository.SORTS, "o.ow_id ASC");
        List<Organization> scopes = scopes(caller, acting, ListArgs.ids("owIds", q.owIds()));
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        List<Long> parents = !immediate ? List.of()
                : scopes.isEmpty() ? List.of(acting.owId()) : scopes.stream().map(Organization::owId).toList();
        CustomerRepository.Filter f = filter(caller, acting, immediate ? List.of() : scopes, q, parents);
        return page(f, orderBy, limit, offset, workspace, caller);
    }

    private ListPage<CustomerView> page(CustomerRepository.Filter f, String orderBy, int limit, long offset,
            Workspace workspace, Caller caller) {
        List<CustomerView> rows = repository.page(f, orderBy, limit, offset).stream()
                .map(r -> view(r, workspace, caller)).toList();
        long filtered = repository.count(f);
        long total = repository.count(f.unfiltered());
        return new ListPage<>(rows, total, filtered);
    }

    private CustomerRepository.Filter filter(Caller caller, Organization acting, List<Organization> scopes,
            ListQuery q, List<Long> parents) {
        return new CustomerRepository.Filter(caller.workspaceId(), acting.path(), acting.owId(), parents,
                scopes.stream().map(Organization::path).toList(), ListArgs.ids("childOWIds", q.childOWIds()),
                Statuses.codes("status", ListArgs.ids("status", q.status())),
                accountTypes(q.customerAccountType()), Limits.text("searchField", q.searchField(), Limits.NAME),
                new CustomerRepository.Operations(q.verticalId(), ListArgs.ids("customerType", q.customerType()),
                        ListArgs.ids("customerPaymentTypeIds", q.customerPaymentTypeIds()), q.countryId(),
                        ListArgs.ids("adOpsAssigneeUserIds", q.adOpsAssigneeUserIds()),
                        ListArgs.ids("sellerAssigneeUserIds", q.sellerAssigneeUserIds()),
                        ListArgs.ids("labelIds", q.labelIds())));
    }

    /** The organizations named by {@code owIds}: each in the acting subtree, else IQM's 403. */
    private List<Organization> scopes(Caller caller, Organization acting, List<Long> owIds) {
        List<Organization> scopes = new ArrayList<>();
        for (long owId : owIds) {
            Organization o = tenancy.organization(owId)
                    .filter(x -> x.workspaceId() == caller.workspaceId() && acting.covers(x))
                    .orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, NOT_AUTHORIZED, "owIds", null, null, null));
            scopes.add(o);
        }
        return scopes;
    }

    /** Counts of the customers below the acting organization (or the {@code owIds}) per IQM status. */
    public List<StatusCount> count(Caller caller, String owIds) {
        Organization acting = acting(caller);
        List<Organization> scopes = scopes(caller, acting, ListArgs.ids("owIds", owIds));
        Map<String, Long> byCode = repository.countByStatus(caller.workspaceId(), acting.path(), acting.owId(),
                scopes.stream().map(Organization::path).toList());
        long[] byId = new long[6];
        byCode.forEach((code, n) -> byId[OrganizationStatus.of(code).iqmId()] += n);
        int[] order = {2, 1, 3, 4, 5};
        List<StatusCount> counts = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            int id = order[i];
            counts.add(new StatusCount(Statuses.NAMES[id], id, Statuses.LABELS[id], i + 1, byId[id]));
        }
        return counts;
    }

    /** The body of {@code POST customer/basic/list}. */
    public record BasicQuery(Object sortCriteriaMap, List<Long> owIds, List<Long> owStatusIds, List<Long> ids,
            Boolean provideRunningCampaigns, Integer pageNo, Integer noOfEntries, String sortBy, String searchField,
            String order) {
    }

    private static final Map<String, String> BASIC_SORTS = ListArgs.columns("owId", "o.ow_id", "organizationName",
            "LOWER(o.name)", "owStatusId", "o.status", "status", "o.status", "runningCampaigns", "running",
            "createdAt", "o.created_at");

    public ListPage<BasicCustomer> basicList(Caller caller, BasicQuery q) {
        Organization acting = acting(caller);
        int limit = ListArgs.limit("noOfEntries", q.noOfEntries(), 20);
        long offset = ListArgs.offset(q.pageNo(), limit);
        String sort = q.sortBy();
        if (sort != null && !sort.isBlank() && q.order() != null && !sort.startsWith("+") && !sort.startsWith("-")) {
            if (!q.order().equalsIgnoreCase("asc") && !q.order().equalsIgnoreCase("desc")) {
                throw ApiException.badRequest("order", "Field 'order' must be asc or desc.");
            }
            sort = (q.order().equalsIgnoreCase("desc") ? "-" : "+") + sort;
        }
        String orderBy = ListArgs.orderBy(sort, "+organizationName", BASIC_SORTS, "o.ow_id ASC");
        List<Organization> scopes = scopes(caller, acting, Limits.ids("owIds", nonNull(q.owIds())));
        CustomerRepository.Filter f = new CustomerRepository.Filter(caller.workspaceId(), acting.path(), acting.owId(),
                List.of(), scopes.stream().map(Organization::path).toList(), Limits.ids("ids", nonNull(q.ids())),
                Statuses.codes("owStatusIds", Limits.ids("owStatusIds", nonNull(q.owStatusIds()))), List.of(),
                Limits.text("searchField", q.searchField(), Limits.NAME));
        boolean running = Boolean.TRUE.equals(q.provideRunningCampaigns());
        List<BasicCustomer> rows = repository.page(f, orderBy, limit, offset).stream()
                .map(r -> new BasicCustomer(r.owId(), r.name(), r.logoUrl(), Statuses.label(r.status()),
                        r.status().iqmId(), r.workspaceId(), running ? r.running() : 0, r.ownerName(), r.ownerEmail()))
                .toList();
        return new ListPage<>(rows, repository.count(f.unfiltered()), repository.count(f));
    }

    /** The arguments of {@code customers/list/multi-level}. */
    public record TreeQuery(String owIds, String searchField, String sortBy, String status, Integer limit,
            Integer pageNo, String verticalIds, Boolean advertiserPresent) {
    }

    private static final Map<String, String> TREE_SORTS = ListArgs.columns("orgId", "o.ow_id", "owId", "o.ow_id",
            "organizationName", "LOWER(o.name)");

    /** The acting organization's direct customers (a page), each with its own customers nested to any depth. */
    public ListPage<TreeCustomer> multiLevel(Caller caller, TreeQuery q) {
        Organization acting = acting(caller);
        int limit = ListArgs.limit("limit", q.limit(), 10);
        long offset = ListArgs.offset(q.pageNo(), limit);
        String orderBy = ListArgs.orderBy(q.sortBy(), "+organizationName", TREE_SORTS, "o.ow_id ASC");
        List<Organization> scopes = scopes(caller, acting, ListArgs.ids("owIds", q.owIds()));
        List<Long> verticals = ListArgs.ids("verticalIds", q.verticalIds());
        CustomerRepository.Filter top = new CustomerRepository.Filter(caller.workspaceId(), acting.path(),
                acting.owId(), scopes.isEmpty() ? List.of(acting.owId()) : List.of(), List.of(),
                scopes.stream().map(Organization::owId).toList(), Statuses.codes("status", ListArgs.ids("status", q.status())),
                Boolean.TRUE.equals(q.advertiserPresent()) ? List.of("workspace") : List.of(),
                Limits.text("searchField", q.searchField(), Limits.NAME));
        List<CustomerRepository.Row> roots = repository.page(top, orderBy, limit, offset);
        Map<Long, List<CustomerRepository.Row>> children = new LinkedHashMap<>();
        if (!roots.isEmpty()) {
            for (CustomerRepository.Row r : repository.subtree(caller.workspaceId(),
                    roots.stream().map(CustomerRepository.Row::path).toList(), acting.owId())) {
                if (r.parentOwId() != null) {
                    children.computeIfAbsent(r.parentOwId(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<TreeCustomer> data = roots.stream()
                .filter(r -> verticals.isEmpty() || (r.vertical() != null && verticals.contains((long) r.vertical())))
                .map(r -> tree(r, children)).toList();
        return new ListPage<>(data, repository.count(top.unfiltered()), repository.count(top));
    }

    private static TreeCustomer tree(CustomerRepository.Row r, Map<Long, List<CustomerRepository.Row>> children) {
        List<TreeCustomer> nested = children.getOrDefault(r.owId(), List.of()).stream().map(c -> tree(c, children))
                .toList();
        return new TreeCustomer(r.owId(), r.name(), true, r.logoUrl(), Statuses.label(r.status()), r.status().iqmId(),
                r.running(), r.ownerName(), r.ownerEmail(), r.vertical(), nested);
    }

    /** The customers of account type workspace below the acting organization. */
    public List<WorkspaceCustomer> workspaces(Caller caller, String searchField) {
        Organization acting = acting(caller);
        CustomerRepository.Filter f = new CustomerRepository.Filter(caller.workspaceId(), acting.path(), acting.owId(),
                List.of(), List.of(), List.of(), List.of(), List.of("workspace"),
                Limits.text("searchField", searchField, Limits.NAME));
        return repository.page(f, "LOWER(o.name)", 500, 0).stream()
                .map(r -> new WorkspaceCustomer(r.owId(), r.name(), r.logoUrl(), r.status().iqmId(),
                        Statuses.label(r.status()), r.ownerName(), r.ownerEmail()))
                .toList();
    }

    /** The arguments of {@code user/allowed-organizations}. */
    public record AllowedQuery(String searchField, Integer noOfEntries, Integer limit, Integer pageNo, String status,
            String customerAccountType, String sortBy, Boolean isOrganizationAccess) {
    }

    private static final Map<String, String> ALLOWED_SORTS = ListArgs.columns("status", "o.status",
            "organizationName", "LOWER(o.name)", "dateOfJoining", "o.created_at", "title", "LOWER(o.name)",
            "lastActive", "last_access", "owId", "o.ow_id");

    /** Every organization the caller's memberships cover in this workspace (D9), in IQM's paged shape. */
    public AllowedPage allowed(Caller caller, AllowedQuery q) {
        int limit = ListArgs.limit(q.noOfEntries() != null ? "noOfEntries" : "limit",
                q.noOfEntries() != null ? q.noOfEntries() : q.limit(), 10);
        long offset = ListArgs.offset(q.pageNo(), limit);
        String orderBy = ListArgs.orderBy(q.sortBy(), "-lastActive", ALLOWED_SORTS, "o.ow_id ASC");
        List<String> roots = new ArrayList<>();
        for (Membership m : tenancy.memberships(caller.userId(), caller.workspaceId())) {
            tenancy.organization(m.owId()).ifPresent(o -> roots.add(o.path()));
        }
        CustomerRepository.Filter f = new CustomerRepository.Filter(caller.workspaceId(), "/", -1, List.of(), roots,
                List.of(), Statuses.codes("status", ListArgs.ids("status", q.status())),
                accountTypes(q.customerAccountType()), Limits.text("searchField", q.searchField(), Limits.NAME));
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        String ownerName = tenancy.organization(caller.workspaceOwnerOwId()).map(Organization::name).orElse("");
        List<AllowedOrganization> rows = repository.page(f, orderBy, limit, offset).stream()
                .map(r -> allowed(r, workspace, ownerName)).toList();
        AllowedOrganization current = null;
        if (Boolean.FALSE.equals(q.isOrganizationAccess())) {
            current = repository.page(new CustomerRepository.Filter(caller.workspaceId(), "/", -1, List.of(), List.of(),
                    List.of(caller.owId()), List.of(), List.of(), null), "o.ow_id", 1, 0).stream()
                    .map(r -> allowed(r, workspace, ownerName)).findFirst().orElse(null);
        }
        return new AllowedPage(rows, repository.count(f.unfiltered()), repository.count(f), current);
    }

    private static AllowedOrganization allowed(CustomerRepository.Row r, Workspace workspace, String ownerName) {
        return new AllowedOrganization(r.owId(), r.name(), r.ownerEmail(), workspace.domain(),
                "workspace".equals(r.accountType()) ? "Workspace" : "Advertiser", r.logoUrl(),
                java.time.Instant.ofEpochMilli(r.createdAt()).toString().substring(0, 10), null,
                Statuses.label(r.status()), r.status().iqmId(), r.ownerName(), ownerName);
    }

    // --- status moves

    /** A status move's body: IQM sends the customer and, for hold and reject, why. */
    public record StatusChange(Long owId, String statusReason, String reason, String appIds, String accessLevel,
            Object approvalDetails, Object rejectionDetails) {
    }

    @Transactional
    public String hold(Caller caller, StatusChange body) {
        Organization target = Administration.managed(tenancy, caller, body.owId(), "owId");
        move(target, Set.of(OrganizationStatus.ACTIVE), OrganizationStatus.ON_HOLD, reason(body, false), null);
        return "Customer status changed to suspended successfully";
    }

    @Transactional
    public String reactivate(Caller caller, StatusChange body) {
        Organization target = Administration.managed(tenancy, caller, body.owId(), "owId");
        move(target, Set.of(OrganizationStatus.ON_HOLD, OrganizationStatus.SUSPENDED), OrganizationStatus.ACTIVE,
                null, null);
        return "Customer status changed to active successfully";
    }

    @Transactional
    public String approve(Caller caller, StatusChange body) {
        Organization target = Administration.managed(tenancy, caller, body.owId(), "owId");
        move(target, Set.of(OrganizationStatus.PENDING), OrganizationStatus.ACTIVE, null, caller.userId());
        return "Customer approved successfully";
    }

    @Transactional
    public String reject(Caller caller, StatusChange body) {
        Organization target = Administration.managed(tenancy, caller, body.owId(), "owId");
        move(target, Set.of(OrganizationStatus.PENDING), OrganizationStatus.REJECTED, reason(body, true), null);
        return "Customer rejected successfully";
    }

    /** Turns bid shading on for a customer of account type advertiser; it can't be turned off (IQM's 422). */
    @Transactional
    public String enableBidShading(Caller caller, long owId) {
        Organization target = Administration.managed(tenancy, caller, owId, "customerOwId");
        if (repository.accountType(owId).equals("workspace")) {
            throw ApiException.forbidden("Enabling bid shading for workspace is not allowed");
        }
        if (!repository.enableBidShading(target.owId())) {
            throw ApiException.unprocessable("customerOwId", "Bid shading is already enabled");
        }
        return "Bid Shading Enabled Successfully";
    }

    private void move(Organization target, Set<OrganizationStatus> from, OrganizationStatus to, String reason,
            Long approver) {
        if (!tenancyService.moveStatus(target.owId(), from, to, reason, approver)) {
            OrganizationStatus now = tenancy.organization(target.owId()).orElseThrow().status();
            throw ApiException.conflict("owId", "Customer " + target.owId() + " is " + Statuses.name(now)
                    + "; it can't be changed to " + Statuses.name(to) + ".");
        }
    }

    private static String reason(StatusChange body, boolean required) {
        String reason = body.statusReason() != null ? body.statusReason() : body.reason();
        if (reason == null || reason.isBlank()) {
            if (required) {
                throw ApiException.badRequest("statusReason", "Field 'statusReason' is required.");
            }
            return null;
        }
        return Limits.text("statusReason", reason.strip(), Limits.NOTE);
    }

    /** What a customer invitation uses: the workspace's domain and support email. */
    public InvitePrerequisites prerequisites(Caller caller) {
        Administration.requireAdmin(caller);
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        return new InvitePrerequisites(workspace.domain(), null, true, workspace.supportEmail(), false, true);
    }

    // --- helpers

    private Organization acting(Caller caller) {
        return tenancy.organization(caller.owId()).orElseThrow();
    }

    private static List<Long> nonNull(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }

    private static List<String> accountTypes(String text) {
        List<String> types = new ArrayList<>();
        for (long id : ListArgs.ids("customerAccountType", text)) {
            if (id == 1) {
                types.add("advertiser");
            } else if (id == 2) {
                types.add("workspace");
            } else {
                throw ApiException.badRequest("customerAccountType",
                        "Field 'customerAccountType' lists " + id + "; use 1 advertiser, 2 workspace.");
            }
        }
        return types;
    }

    private static CustomerView view(CustomerRepository.Row r, Workspace workspace, Caller caller) {
        return new CustomerView(true, r.owId() == caller.workspaceOwnerOwId(), r.owId(), r.name(), workspace.name(),
                workspace.domain(), Statuses.name(r.status()), r.status().iqmId(), r.createdIso(), r.modifiedIso(),
                r.parentName(), List.of("workspace".equals(r.accountType()) ? "Workspace" : "Advertiser"),
                r.customersCount(), BigDecimal.ZERO, r.ownerName(), r.ownerEmail(), r.approverName(),
                r.approverEmail(), r.logoUrl(), r.running(), r.industry(), r.companySize(), r.mediaBudget(),
                BigDecimal.ZERO, false, r.workspaceId(), r.lastAccess(),
                r.status() == OrganizationStatus.ON_HOLD || r.status() == OrganizationStatus.SUSPENDED
                        || r.status() == OrganizationStatus.REJECTED ? r.holdReason() : null,
                r.vertical(), r.bidShading());
    }
}
