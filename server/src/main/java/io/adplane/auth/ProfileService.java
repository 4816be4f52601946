package io.adplane.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.adplane.tenancy.Organization;
import io.adplane.tenancy.TenancyRepository;
import io.adplane.tenancy.User;
import io.adplane.tenancy.Workspace;

/** The caller's profile and the organizations it may act for (IQM's {@code /api/v3/ua/profile}). */
@Service
public class ProfileService {

    private final TenancyRepository tenancy;

    ProfileService(TenancyRepository tenancy) {
        this.tenancy = tenancy;
    }

    public Map<String, Object> profile(Caller caller) {
        User user = tenancy.user(caller.userId()).orElseThrow();
        Organization org = tenancy.organization(caller.owId()).orElseThrow();
        Workspace workspace = tenancy.workspace(caller.workspaceId()).orElseThrow();
        List<Organization> lineage = tenancy.lineage(org);
        List<Long> allowed = allowedOwIds(caller);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("owId", org.owId());
        data.put("uowId", caller.uowId());
        data.put("status", 1);
        data.put("firstName", user.firstName());
        data.put("lastName", user.lastName());
        data.put("displayName", user.displayName());
        data.put("email", user.email());
        data.put("role", caller.role().code());
        data.put("organizationName", org.name());
        data.put("organizationStatus", org.status().code());
        data.put("isWorkspaceOwnerOrg", org.owId() == caller.workspaceOwnerOwId());
        data.put("isApprovalAccess", caller.canApprove());
        data.put("isEditAccess", caller.role().writes());
        Map<String, Object> parent = null;
        for (Organization ancestor : lineage) {
            if (ancestor.owId() == org.owId()) {
                break;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("owId", ancestor.owId());
            p.put("organizationName", ancestor.name());
            p.put("workspaceDomain", workspace.domain());
            p.put("isAccess", allowed.contains(ancestor.owId()));
            if (parent != null) {
                p.put("parentOrganization", parent);
            }
            parent = p;
        }
        data.put("parentOrganization", parent);
        data.put("organizationTimezone", org.timezoneId());
        data.put("workspace", Map.of("id", workspace.id(), "domain", workspace.domain(), "name", workspace.name()));
        data.put("mfaEnabled", tenancy.mfa(caller.userId()).enabled());
        return data;
    }

    public List<Long> allowedOwIds(Caller caller) {
        return tenancy.allowedOwIds(caller.userId(), caller.workspaceId());
    }
}
