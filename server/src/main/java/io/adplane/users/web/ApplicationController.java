package io.adplane.users.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignIds;
import io.adplane.users.Application;
import io.adplane.users.Applications;
import io.adplane.users.ListPage;
import tools.jackson.databind.JsonNode;

/** IQM's applications of customers and users (U14). */
@RestController
class ApplicationController {

    private final Applications applications;

    ApplicationController(Applications applications) {
        this.applications = applications;
    }

    /** IQM's {@code CustomerApplicationAccessRequestVO}: {@code appIds} comma-separated (or an array). */
    record CustomerBody(Long owId, JsonNode appIds, String accessLevel) {
    }

    /**
     * IQM's {@code UserApplicationAccessRequestVO} ({@code userId}, {@code appIds}) or its example's shape
     * ({@code uowId}, {@code applicationIds}).
     */
    record UserBody(Long userId, Long uowId, JsonNode appIds, JsonNode applicationIds, String accessLevel) {

        List<Long> ids() {
            return CampaignIds.anyShape(appIds != null ? "appIds" : "applicationIds",
                    appIds != null ? appIds : applicationIds);
        }
    }

    @GetMapping("/api/v3/ua/organizations/applications/list")
    V3Response<List<Application.Detail>> catalogue(Caller caller, @RequestParam(required = false) Boolean isAdvertiser,
            @RequestParam(required = false) Boolean isWorkspace) {
        return V3Response.ok(applications.catalogue(isAdvertiser, isWorkspace));
    }

    @PostMapping("/api/v3/ua/customer/application/add")
    V3Response<String> addToCustomer(Caller caller, @RequestBody CustomerBody body) {
        return V3Response.ok(applications.addToCustomer(caller, body.owId(), CampaignIds.anyShape("appIds", body.appIds()),
                body.accessLevel()));
    }

    @PostMapping("/api/v3/ua/customer/application/revoke")
    V3Response<String> revokeFromCustomer(Caller caller, @RequestBody CustomerBody body) {
        return V3Response.ok(applications.revokeFromCustomer(caller, body.owId(),
                CampaignIds.anyShape("appIds", body.appIds())));
    }

    @GetMapping("/api/v3/ua/customers/remaining-applications/list")
    V3Response<List<Application.CustomerRemaining>> remainingForCustomer(Caller caller,
            @RequestParam(required = false) Long owId) {
        return V3Response.ok(applications.remainingForCustomer(caller, owId));
    }

    @PostMapping("/api/v3/ua/user/application/add")
    V3Response<String> addToUser(Caller caller, @RequestBody UserBody body) {
        return V3Response.ok(applications.addToUser(caller, body.uowId(), body.userId(), body.ids(), body.accessLevel()));
    }

    @PostMapping("/api/v3/ua/user/application/revoke")
    V3Response<String> revokeFromUser(Caller caller, @RequestBody UserBody body) {
        return V3Response.ok(applications.revokeFromUser(caller, body.uowId(), body.userId(), body.ids()));
    }

    @GetMapping("/api/v3/ua/user/applications/list")
    V3Response<ListPage<Application.UserAccess>> userApplications(Caller caller,
            @RequestParam(required = false) Long uowId, @RequestParam(required = false) String searchField,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sortBy) {
        return V3Response.ok(applications.userApplications(caller, uowId, searchField, pageNo, limit, sortBy));
    }

    @GetMapping("/api/v3/ua/user/remaining-applications")
    V3Response<List<Application.UserRemaining>> remainingForUser(Caller caller,
            @RequestParam(required = false) Long uowId) {
        return V3Response.ok(applications.remainingForUser(caller, uowId));
    }

    @GetMapping("/api/v3/ua/user/allowed-applications")
    V3Response<List<Application.Detail>> allowed(Caller caller) {
        return V3Response.ok(applications.allowed(caller));
    }
}
