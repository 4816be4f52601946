package io.adplane.creative.web;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.creative.CreativeGroups;

/** IQM's creative groups. */
@RestController
class CreativeGroupController {

    private final CreativeGroups groups;

    CreativeGroupController(CreativeGroups groups) {
        this.groups = groups;
    }

    @PostMapping("/api/v3/crt/creatives/groups")
    V3Response<CreativeGroups.Created> create(Caller caller, @RequestBody CreativeGroups.CreateRequest body) {
        return V3Response.ok(groups.create(caller, body));
    }

    @DeleteMapping("/api/v3/crt/creatives/groups")
    V3Response<CreativeGroups.Message> delete(Caller caller, @RequestParam List<Long> creativeGroupIds) {
        return V3Response.ok(groups.delete(caller, creativeGroupIds));
    }

    @PostMapping("/api/v3/crt/creatives/groups/modify-creatives")
    V3Response<CreativeGroups.Message> modify(Caller caller, @RequestBody CreativeGroups.ModifyRequest body) {
        return V3Response.ok(groups.modify(caller, body));
    }

    @PostMapping("/api/v3/crt/creatives/groups/list")
    V3Response<CreativeGroups.GroupList> list(Caller caller, @RequestBody CreativeGroups.ListRequest body) {
        return V3Response.ok(groups.list(caller, body));
    }

    @PostMapping("/api/v3/crt/creatives/groups/duplicate/{creativeGroupId}")
    V3Response<CreativeGroups.Duplicated> duplicate(Caller caller, @PathVariable long creativeGroupId) {
        return V3Response.ok(groups.duplicate(caller, creativeGroupId));
    }
}
