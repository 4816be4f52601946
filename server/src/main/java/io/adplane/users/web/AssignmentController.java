package io.adplane.users.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignIds;
import io.adplane.users.AssignedCustomer;
import io.adplane.users.Assignments;
import io.adplane.users.RemainingCustomer;
import tools.jackson.databind.JsonNode;

/** IQM's customer assignments of users (U13): assign, remove, and the assigned and remaining customers. */
@RestController
class AssignmentController {

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    /**
     * IQM's {@code UserCustomerAssociateRequestVO}: ids as comma-separated strings (its assign example) or arrays
     * (its remove example). The access flags are accepted; an assignment always gives login and, for an admin's,
     * management (U13).
     */
    record AssociateBody(JsonNode uowIds, JsonNode owIds, JsonNode logInAccessOwIds, JsonNode removeLogInAccessOwIds,
            JsonNode removeOwIds, Boolean isLogInAccess, Boolean isCustomerAccess) {
    }

    @PostMapping("/api/v3/ua/user/customer/assign")
    V3Response<String> assign(Caller caller, @RequestBody AssociateBody body) {
        return V3Response.ok(assignments.assign(caller, CampaignIds.anyShape("uowIds", body.uowIds()),
                CampaignIds.anyShape("owIds", body.owIds())));
    }

    @PostMapping("/api/v3/ua/user/customer/remove")
    V3Response<String> remove(Caller caller, @RequestBody AssociateBody body) {
        return V3Response.ok(assignments.remove(caller, CampaignIds.anyShape("uowIds", body.uowIds()),
                CampaignIds.anyShape("owIds", body.owIds())));
    }

    @GetMapping("/api/v3/ua/user/assigned-customers")
    V3Response<AssignedCustomer.Page> assigned(Caller caller, @RequestParam(required = false) Long uowId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) String searchField) {
        return V3Response.ok(assignments.assigned(caller, uowId, limit, pageNo, sortBy, searchField));
    }

    @GetMapping("/api/v3/ua/user/remaining-customers")
    V3Response<RemainingCustomer.Page> remaining(Caller caller, @RequestParam(required = false) Long uowId,
            @RequestParam(required = false) String owIds, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) String searchField) {
        return V3Response.ok(assignments.remaining(caller, uowId, owIds, limit, pageNo, searchField));
    }
}
