package io.adplane.targeting.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.targeting.Targets;
import io.adplane.targeting.Targets.DealKind;

/** adplane's own operations for what campaigns target beyond master data (F4). */
@RestController
class TargetsController {

    private final Targets targets;

    TargetsController(Targets targets) {
        this.targets = targets;
    }

    @PostMapping("/api/v3/adplane/pg-deals")
    V3Response<Targets.Created> addPgDeal(Caller caller, @RequestBody Targets.DealRequest body) {
        return V3Response.ok(targets.createDeal(caller, DealKind.PG, body));
    }

    @GetMapping("/api/v3/adplane/pg-deals")
    V3Response<Targets.Page<Targets.Deal>> pgDeals(Caller caller, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) Integer noOfEntries) {
        return V3Response.ok(targets.deals(caller, DealKind.PG, pageNo, noOfEntries));
    }

    @PostMapping("/api/v3/adplane/pmp-deals")
    V3Response<Targets.Created> addPmpDeal(Caller caller, @RequestBody Targets.DealRequest body) {
        return V3Response.ok(targets.createDeal(caller, DealKind.PMP, body));
    }

    @GetMapping("/api/v3/adplane/pmp-deals")
    V3Response<Targets.Page<Targets.Deal>> pmpDeals(Caller caller, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) Integer noOfEntries) {
        return V3Response.ok(targets.deals(caller, DealKind.PMP, pageNo, noOfEntries));
    }

    @PostMapping("/api/v3/adplane/audiences")
    V3Response<Targets.Created> addAudience(Caller caller, @RequestBody Targets.AudienceRequest body) {
        return V3Response.ok(targets.createAudience(caller, body));
    }

    @GetMapping("/api/v3/adplane/audiences")
    V3Response<Targets.Page<Targets.Audience>> audiences(Caller caller, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) Integer noOfEntries) {
        return V3Response.ok(targets.audiences(caller, pageNo, noOfEntries));
    }

    @PostMapping("/api/v3/adplane/inventory-groups")
    V3Response<Targets.Created> addInventoryGroup(Caller caller, @RequestBody Targets.InventoryGroupRequest body) {
        return V3Response.ok(targets.createInventoryGroup(caller, body));
    }

    @GetMapping("/api/v3/adplane/inventory-groups")
    V3Response<Targets.Page<Targets.InventoryGroup>> inventoryGroups(Caller caller,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) Integer noOfEntries) {
        return V3Response.ok(targets.inventoryGroups(caller, pageNo, noOfEntries));
    }
}
