package io.adplane.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.adplane.api.ApiException;
import io.adplane.api.Limits;
import io.adplane.auth.Caller;
import io.adplane.tenancy.Organization;
import io.adplane.tenancy.Role;
import io.adplane.tenancy.TenancyRepository;

/**
 * IQM's applications (U14): which of adplane's applications ({@link Application#CATALOGUE}) an organization has,
 * granted by an admin above it (the workspace owner organization has every workspace application), and which of
 * its organization's a member has (an admin of the organization has them all). Stored and served for an IQM
 * client's launcher; adplane's API does not refuse a call by them.
 */
@Service
public class Applications {

    private final ApplicationRepository repository;
    private final CustomerRepository customers;
    private final UserRepository users;
    private final UserAdmin userAdmin;
    private final TenancyRepository tenancy;
    private final Clock clock;

    Applications(ApplicationRepository repository, CustomerRepository customers, UserRepository users,
            UserAdmin userAdmin, TenancyRepository tenancy, Clock clock) {
        this.repository = repository;
        this.customers = customers;
        this.users = users;
        this.userAdmin = userAdmin;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** The catalogue for advertiser or workspace organizations (both, or neither flag: all of it). */
    public List<Application.Detail> catalogue(Boolean isAdvertiser, Boolean isWorkspace) {
        boolean advertiser = Boolean.TRUE.equals(isAdvertiser);
        boolean workspace = Boolean.TRUE.equals(isWorkspace);
        return Application.CATALOGUE.stream()
                .filter(a -> (!advertiser && !workspace) || (advertiser && a.forAdvertiser()) || (workspace && a.forWorkspace()))
                .map(Application::detail).toList();
    }

    @Transactional
    public String addToCustomer(Caller caller, Long owId, List<Long> appIds, String accessLevel) {
        Organization customer = Administration.managed(tenancy, caller, owId, "owId");
        String type = customers.accountType(customer.owId());
        String level = Limits.text("accessLevel", accessLevel, 32);
        for (Application app : apps(appIds)) {
            if (!app.offeredTo(type)) {
                throw ApiException.unprocessable("appIds", "Application " + app.appId() + " (" + app.appName()
                        + ") is not offered to " + type + " organizations.");
            }
        }
        for (Application app : apps(appIds)) {
            repository.grantOrganization(customer.owId(), app.appId(), level, caller.uowId(), clock.millis());
        }
        return "Application access added successfully";
    }

    @Transactional
    public String revokeFromCustomer(Caller caller, Long owId, List<Long> appIds) {
        Organization customer = Administration.managed(tenancy, caller, owId, "owId");
        repository.revokeOrganization(customer.owId(), apps(appIds).stream().map(Application::appId).toList());
        return "Application access revoked successfully";
    }

    /** The applications of the catalogue a customer may still be given. */
    public List<Application.CustomerRemaining> remainingForCustomer(Caller caller, Long owId) {
        Organization customer = Administration.managed(tenancy, caller, owId, "owId");
        String type = customers.accountType(customer.owId());
        Map<Integer, Long> granted = repository.organizationGrants(customer.owId());
        return Application.CATALOGUE.stream().filter(a -> a.offeredTo(type) && !granted.containsKey(a.appId()))
                .map(a -> new Application.CustomerRemaining(a.appId(), a.appName(), a.appIcon(), a.appUrl(),
                        customer.name(), "internal", 0))
                .toList();
    }

    @Transactional
    public String addToUser(Caller caller, Long uowId, Long userId, List<Long> appIds, String accessLevel) {
        UserRepository.Member member = userAdmin.managed(caller, membership(caller, uowId, userId));
        String level = Limits.text("accessLevel", accessLevel, 32);
        Map<Integer, Long> offered = organizationApps(member.owId());
        for (Application app : apps(appIds)) {
            if (!offered.containsKey(app.appId())) {
                throw ApiException.unprocessable("appIds", "Application " + app.appId() + " (" + app.appName()
                        + ") is not one of organization " + member.owId() + "'s.");
            }
        }
        for (Application app : apps(appIds)) {
            repository.grantMembership(member.uowId(), app.appId(), level, caller.uowId(), clock.millis());
        }
        return "Application access granted successfully";
    }

    @Transactional
    public String revokeFromUser(Caller caller, Long uowId, Long userId, List<Long> appIds) {
        UserRepository.Member member = userAdmin.managed(caller, membership(caller, uowId, userId));
        repository.revokeMembership(member.uowId(), apps(appIds).stream().map(Application::appId).toList());
        return "Application access revoked successfully";
    }

    /** The member's organization's applications, each with whether the member has it. */
    public ListPage<Application.UserAccess> userApplications(Caller caller, Long uowId, String searchField,
            Integer pageNo, Integer limit, String sortBy) {
        UserRepository.Member member = userAdmin.visible(caller, uowId);
        int size = ListArgs.limit("limit", limit, 10);
        long offset = ListArgs.offset(pageNo, size);
        String sort = sortBy == null || sortBy.isBlank() ? "+appName" : sortBy.strip();
        Comparator<Application.UserAccess> order = switch (sort) {
            case "+appName", "appName" -> Comparator.comparing(Application.UserAccess::appName);
            case "-appName" -> Comparator.comparing(Application.UserAccess::appName).reversed();
            default -> throw ApiException.unprocessable("sortBy", ListArgs.INVALID_SORT).withReason("Sort by appName.");
        };
        String search = Limits.text("searchField", searchField, Limits.NAME);
        Map<Integer, Long> mine = memberApps(member.uowId(), member.owId(), member.role());
        List<Application.UserAccess> all = new ArrayList<>();
        for (Map.Entry<Integer, Long> app : organizationApps(member.owId()).entrySet()) {
            Application a = Application.byId(app.getKey()).orElseThrow();
            Long granted = mine.get(a.appId());
            all.add(new Application.UserAccess(a.appId(), a.appName(), member.organizationName(), "internal",
                    granted != null, granted == null ? null : Instant.ofEpochMilli(granted).toString()));
        }
        List<Application.UserAccess> filtered = all.stream()
                .filter(a -> search == null || search.isBlank()
                        || a.appName().toLowerCase(java.util.Locale.ROOT).contains(search.strip().toLowerCase(java.util.Locale.ROOT)))
                .sorted(order).toList();
        return new ListPage<>(filtered.stream().skip(offset).limit(size).toList(), all.size(), filtered.size());
    }

    /** The organization's applications the member does not have yet. */
    public List<Application.UserRemaining> remainingForUser(Caller caller, Long uowId) {
        UserRepository.Member member = userAdmin.visible(caller, uowId);
        Map<Integer, Long> mine = memberApps(member.uowId(), member.owId(), member.role());
        return organizationApps(member.owId()).keySet().stream().filter(id -> !mine.containsKey(id))
                .map(id -> Application.byId(id).orElseThrow())
                .map(a -> new Application.UserRemaining(a.appId(), a.appName(), a.appCode())).toList();
    }

    /** The caller's applications in the organization it acts for. */
    public List<Application.Detail> allowed(Caller caller) {
        Map<Integer, Long> apps = caller.role() == Role.ADMIN ? organizationApps(caller.owId())
                : memberApps(caller.uowId(), caller.owId(), caller.role().code());
        Map<Integer, Long> offered = organizationApps(caller.owId());
        return apps.keySet().stream().filter(offered::containsKey).map(id -> Application.byId(id).orElseThrow())
                .map(Application::detail).toList();
    }

    /** The organization's applications: the workspace owner's are every workspace application. */
    private Map<Integer, Long> organizationApps(long owId) {
        Organization org = tenancy.organization(owId).orElseThrow();
        if (org.parentOwId() == null) {
            Map<Integer, Long> all = new java.util.LinkedHashMap<>();
            Application.CATALOGUE.stream().filter(Application::forWorkspace).forEach(a -> all.put(a.appId(), 0L));
            return all;
        }
        return repository.organizationGrants(owId);
    }

    /** A membership's applications: an admin's are its organization's. */
    private Map<Integer, Long> memberApps(long uowId, long owId, String role) {
        return Role.ADMIN.code().equals(role) ? organizationApps(owId) : repository.membershipGrants(uowId);
    }

    /**
     * The membership a body names: {@code uowId} (IQM's example), else the membership of user {@code userId}
     * (IQM's schema) in the acting organization; a user without one there answers as a missing one.
     */
    private Long membership(Caller caller, Long uowId, Long userId) {
        if (uowId != null || userId == null) {
            return uowId;
        }
        return users.membershipsOf(userId).stream().filter(m -> m.owId() == caller.owId()).findFirst()
                .map(UserRepository.Member::uowId)
                .orElseThrow(() -> ApiException.notFound("userId", UserAdmin.USER_NOT_FOUND));
    }

    private static List<Application> apps(List<Long> appIds) {
        if (appIds.isEmpty()) {
            throw ApiException.badRequest("appIds", "Field 'appIds' is required.");
        }
        List<Application> apps = new ArrayList<>();
        for (long id : appIds.stream().distinct().toList()) {
            apps.add(Application.byId(id).orElseThrow(() -> ApiException.unprocessable("appIds",
                    "Application " + id + " does not exist.").withReason("Applications are "
                    + Application.CATALOGUE.stream().map(a -> a.appId() + " " + a.appName()).toList() + ".")));
        }
        return apps;
    }

}
