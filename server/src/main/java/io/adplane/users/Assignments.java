package io.adplane.users;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.auth.Caller;
import io.adplane.auth.SessionRevocations;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.OrganizationStatus;
import io.adplane.tenancy.Role;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.TenancyService;
import io.adplane.tenancy.Workspace;

/**
 * Customers assigned to users (IQM's {@code user/customer/assign}, U13). An assignment is a membership of the
 * user in the customer with the role of the membership it was assigned from, so the bearer gate lets the user
 * act for the customer (and its customers) by the rules of D9, and stops doing so once it is removed. Only an
 * admin assigns: a member it manages (U7) to customers it manages (U4); a foreign id answers as a missing one.
 */
@Service
public class Assignments {

    static final int MAX_USERS = 10;
    static final int MAX_CUSTOMERS = 100;

    private final AssignmentRepository repository;
    private final UserRepository users;
    private final UserAdmin userAdmin;
    private final TenancyRepository tenancy;
    private final TenancyService tenancyService;
    private final SessionRevocations sessions;

    Assignments(AssignmentRepository repository, UserRepository users, UserAdmin userAdmin, TenancyRepository tenancy,
            TenancyService tenancyService, SessionRevocations sessions) {
        this.repository = repository;
        this.users = users;
        this.userAdmin = userAdmin;
        this.tenancy = tenancy;
        this.tenancyService = tenancyService;
        this.sessions = sessions;
    }

    /** Assigns every customer of {@code owIds} to every member of {@code uowIds}; an existing one stays as it is. */
    @Transactional
    public String assign(Caller caller, List<Long> uowIds, List<Long> owIds) {
        List<UserRepository.Member> members = members(caller, uowIds);
        List<Organization> customers = customers(caller, owIds);
        for (UserRepository.Member member : members) {
            for (Organization customer : customers) {
                for (AssignmentRepository.Covering c : repository.covering(member.userId(), customer.path())) {
                    boolean same = c.owId() == customer.owId() && Long.valueOf(member.uowId()).equals(c.assignedFromUowId());
                    if (!same) {
                        throw ApiException.unprocessable("owIds", "Customer " + customer.owId()
                                + " is already accessible to user " + member.email() + ".");
                    }
                }
                tenancyService.assign(member.uowId(), customer.owId(), caller.userId());
            }
        }
        forgetGateAfterCommit();
        return "Customers assigned successfully";
    }

    /** Removes the assignments of {@code owIds} from {@code uowIds}; each must exist. */
    @Transactional
    public String remove(Caller caller, List<Long> uowIds, List<Long> owIds) {
        List<UserRepository.Member> members = members(caller, uowIds);
        List<Organization> customers = customers(caller, owIds);
        for (UserRepository.Member member : members) {
            for (Organization customer : customers) {
                if (!tenancyService.unassign(member.uowId(), customer.owId())) {
                    throw ApiException.unprocessable("owIds", "Customer " + customer.owId()
                            + " is not assigned to user " + member.email() + ".");
                }
            }
        }
        forgetGateAfterCommit();
        return "Customer removed from user successfully";
    }

    /**
     * After the change commits, this instance's gate forgets what it cached (a refusal for a customer just
     * assigned, a grant for one just removed); another instance's within its cache's second (D20).
     */
    private void forgetGateAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.forgetCached();
            }
        });
    }

    /** The customers {@code uowId} is assigned to, within the acting organization's subtree. */
    public AssignedCustomer.Page assigned(Caller caller, Long uowId, Integer limit, Integer pageNo, String sortBy,
            String searchField) {
        UserRepository.Member member = userAdmin.visible(caller, uowId);
        int size = ListArgs.limit("limit", limit, 10);
        long offset = ListArgs.offset(pageNo, size);
        String orderBy = ListArgs.orderBy(sortBy, "-organizationName", CustomerRepository.SORTS, "o.ow_id ASC");
        AssignmentRepository.Scope scope = scope(caller, searchField);
        Workspace ws = tenancy.workspace(caller.workspaceId()).orElseThrow();
        boolean modifiable = caller.role() == Role.ADMIN && member.userId() != caller.userId();
        String access = Role.ADMIN.code().equals(member.role()) ? "Login, Management" : "Login";
        List<AssignedCustomer> rows = repository.assigned(scope, member.uowId(), orderBy, size, offset).stream()
                .map(r -> new AssignedCustomer(r.owId(), r.name(), ws.name(), ws.domain(), Statuses.name(r.status()),
                        r.status().iqmId(), r.createdIso(), r.modifiedIso(), r.parentName(), tags(r), r.customersCount(),
                        BigDecimal.ZERO, r.ownerName(), r.ownerEmail(), r.approverName(), r.approverEmail(), r.logoUrl(),
                        r.running(), r.industry(), r.companySize(), r.mediaBudget(), BigDecimal.ZERO, false,
                        r.workspaceId(), r.lastAccess(), holdReason(r), r.vertical(), true,
                        r.owId() == caller.workspaceOwnerOwId(), r.bidShading(), access, modifiable))
                .toList();
        long all = repository.countAssigned(new AssignmentRepository.Scope(scope.workspaceId(), scope.underPath(), null),
                member.uowId());
        long filtered = scope.search() == null || scope.search().isBlank() ? all
                : repository.countAssigned(scope, member.uowId());
        return new AssignedCustomer.Page(rows, all, filtered, false, false);
    }

    /** The customers that may still be assigned to {@code uowId}: none of its user's memberships covers them. */
    public RemainingCustomer.Page remaining(Caller caller, Long uowId, String owIds, Integer limit, Integer pageNo,
            String searchField) {
        UserRepository.Member member = userAdmin.visible(caller, uowId);
        int size = ListArgs.limit("limit", limit, 100);
        long offset = ListArgs.offset(pageNo, size);
        List<Long> excluded = new ArrayList<>(ListArgs.ids("owIds", owIds));
        excluded.add(caller.memberOwId());
        excluded.add(caller.workspaceOwnerOwId());
        AssignmentRepository.Scope scope = scope(caller, searchField);
        Workspace ws = tenancy.workspace(caller.workspaceId()).orElseThrow();
        boolean modifiable = caller.role() == Role.ADMIN && member.userId() != caller.userId();
        List<RemainingCustomer> rows = repository.remaining(scope, member.userId(), excluded, "LOWER(o.name) ASC, o.ow_id ASC",
                size, offset).stream()
                .map(r -> new RemainingCustomer(r.owId(), r.name(), ws.name(), ws.domain(), Statuses.name(r.status()),
                        r.status().iqmId(), r.createdIso(), r.modifiedIso(), r.parentName(), tags(r), r.customersCount(),
                        BigDecimal.ZERO, r.ownerName(), r.ownerEmail(), r.approverName(), r.approverEmail(), r.logoUrl(),
                        r.running(), r.industry(), r.companySize(), r.mediaBudget(), BigDecimal.ZERO, false,
                        r.workspaceId(), r.lastAccess(), holdReason(r), r.vertical(), false,
                        r.owId() == caller.workspaceOwnerOwId(), r.bidShading(), true, true,
                        r.ownerEmail() != null && r.ownerEmail().equals(member.email()), modifiable))
                .toList();
        long all = repository.countRemaining(new AssignmentRepository.Scope(scope.workspaceId(), scope.underPath(), null),
                member.userId(), excluded);
        long filtered = scope.search() == null || scope.search().isBlank() ? all
                : repository.countRemaining(scope, member.userId(), excluded);
        return new RemainingCustomer.Page(rows, all, filtered, false, false);
    }

    private AssignmentRepository.Scope scope(Caller caller, String searchField) {
        Organization acting = tenancy.organization(caller.owId()).orElseThrow();
        return new AssignmentRepository.Scope(caller.workspaceId(), acting.path(),
                Limits.text("searchField", searchField, Limits.NAME));
    }

    /** The members of {@code uowIds} the caller manages, each the user's own membership (not an assignment). */
    private List<UserRepository.Member> members(Caller caller, List<Long> uowIds) {
        Administration.requireAdmin(caller);
        if (uowIds.isEmpty()) {
            throw ApiException.badRequest("uowIds", "Field 'uowIds' is required.");
        }
        if (uowIds.size() > MAX_USERS) {
            throw ApiException.badRequest("uowIds", "Field 'uowIds' may list at most " + MAX_USERS + " users.");
        }
        List<UserRepository.Member> members = new ArrayList<>();
        for (long uowId : uowIds.stream().distinct().toList()) {
            UserRepository.Member member = userAdmin.managed(caller, uowId);
            var state = tenancy.membershipState(uowId).orElseThrow();
            if (state.assignedFromUowId() != null) {
                throw ApiException.unprocessable("uowIds", "uowId " + uowId + " is an assignment itself; assign from "
                        + "the user's own membership (uowId " + state.assignedFromUowId() + ").");
            }
            members.add(member);
        }
        return members;
    }

    private List<Organization> customers(Caller caller, List<Long> owIds) {
        if (owIds.isEmpty()) {
            throw ApiException.badRequest("owIds", "Field 'owIds' is required.");
        }
        if (owIds.size() > MAX_CUSTOMERS) {
            throw ApiException.badRequest("owIds", "Field 'owIds' may list at most " + MAX_CUSTOMERS + " customers.");
        }
        return owIds.stream().distinct().map(id -> Administration.managed(tenancy, caller, id, "owIds")).toList();
    }


    private static List<String> tags(CustomerRepository.Row r) {
        return List.of("workspace".equals(r.accountType()) ? "Workspace" : "Advertiser");
    }

    private static String holdReason(CustomerRepository.Row r) {
        return r.status() == OrganizationStatus.ON_HOLD || r.status() == OrganizationStatus.SUSPENDED
                || r.status() == OrganizationStatus.REJECTED ? r.holdReason() : null;
    }
}
