package io.adplane.users.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.users.AllowedPage;
import io.adplane.users.BasicCustomer;
import io.adplane.users.CustomerView;
import io.adplane.users.Customers;
import io.adplane.users.InvitationItem;
import io.adplane.users.InvitePrerequisites;
import io.adplane.users.InviteResult;
import io.adplane.users.Invitations;
import io.adplane.users.ListPage;
import io.adplane.users.StatusCount;
import io.adplane.users.TreeCustomer;
import io.adplane.users.WorkspaceCustomer;

/** IQM's customer lists and the workspace admin's moves on customers. */
@RestController
class CustomerController {

    private final Customers customers;
    private final Invitations invitations;

    CustomerController(Customers customers, Invitations invitations) {
        this.customers = customers;
        this.invitations = invitations;
    }

    @PostMapping("/api/v3/ua/customer/invite")
    V3Response<InviteResult> invite(Caller caller, @RequestBody List<InvitationItem> body) {
        return V3Response.ok(invitations.inviteCustomers(caller, body));
    }

    /** The customer whose invitation is sent again. */
    record CustomerRef(Long owId) {
    }

    @PostMapping("/api/v3/ua/customer/invite/re-send")
    V3Response<String> resend(Caller caller, @RequestBody CustomerRef body) {
        return V3Response.ok(invitations.resendCustomer(caller, body.owId()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v3/ua/customer/invite/cancel")
    V3Response<String> cancel(Caller caller, @RequestParam(required = false) Long owId) {
        return V3Response.ok(invitations.cancelCustomer(caller, owId));
    }

    @GetMapping("/api/v3/ua/customer/invite/pre-requisite")
    V3Response<InvitePrerequisites> prerequisites(Caller caller) {
        return V3Response.ok(customers.prerequisites(caller));
    }

    @GetMapping("/api/v3/ua/customers/list")
    V3Response<ListPage<CustomerView>> list(Caller caller, @RequestParam(required = false) String owIds,
            @RequestParam(required = false) String childOWIds, @RequestParam(required = false) String status,
            @RequestParam(required = false) String customerType,
            @RequestParam(required = false) String customerAccountType,
            @RequestParam(required = false) Integer countryId, @RequestParam(required = false) Integer verticalId,
            @RequestParam(required = false) String adOpsAssigneeUserIds,
            @RequestParam(required = false) String sellerAssigneeUserIds,
            @RequestParam(required = false) String labelIds,
            @RequestParam(required = false) String customerPaymentTypeIds,
            @RequestParam(required = false) String searchField, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) String sortBy) {
        return V3Response.ok(customers.list(caller, new Customers.ListQuery(owIds, childOWIds, status,
                customerAccountType, searchField, limit, pageNo, sortBy, customerType, countryId == null ? null
                        : countryId.longValue(), verticalId == null ? null : verticalId.longValue(),
                adOpsAssigneeUserIds, sellerAssigneeUserIds, labelIds, customerPaymentTypeIds)));
    }

    @GetMapping("/api/v3/ua/immediate/customers/list")
    V3Response<ListPage<CustomerView>> immediate(Caller caller, @RequestParam(required = false) String owIds,
            @RequestParam(required = false) String childOWIds, @RequestParam(required = false) String status,
            @RequestParam(required = false) String searchField, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) String sortBy) {
        return V3Response.ok(customers.immediate(caller, new Customers.ListQuery(owIds, childOWIds, status, null,
                searchField, limit, pageNo, sortBy)));
    }

    @GetMapping("/api/v3/ua/customers/list/multi-level")
    V3Response<ListPage<TreeCustomer>> multiLevel(Caller caller, @RequestParam(required = false) String owIds,
            @RequestParam(required = false) String searchField, @RequestParam(required = false) String sortBy,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer pageNo, @RequestParam(required = false) String verticalIds,
            @RequestParam(required = false) Boolean advertiserPresent) {
        return V3Response.ok(customers.multiLevel(caller, new Customers.TreeQuery(owIds, searchField, sortBy, status,
                limit, pageNo, verticalIds, advertiserPresent)));
    }

    @GetMapping("/api/v3/ua/customers/count")
    V3Response<List<StatusCount>> count(Caller caller, @RequestParam(required = false) String owIds) {
        return V3Response.ok(customers.count(caller, owIds));
    }

    @PostMapping("/api/v3/ua/customer/basic/list")
    V3Response<ListPage<BasicCustomer>> basicList(Caller caller, @RequestBody Customers.BasicQuery body) {
        return V3Response.ok(customers.basicList(caller, body));
    }

    @GetMapping("/api/v3/ua/customers/workspaces/list")
    V3Response<List<WorkspaceCustomer>> workspaces(Caller caller, @RequestParam(required = false) String searchField) {
        return V3Response.ok(customers.workspaces(caller, searchField));
    }

    @GetMapping("/api/v3/ua/user/allowed-organizations")
    V3Response<AllowedPage> allowed(Caller caller, @RequestParam(required = false) String searchField,
            @RequestParam(required = false) Integer noOfEntries, @RequestParam(required = false) Integer pageNo,
            @RequestParam(required = false) String status, @RequestParam(required = false) String customerAccountType,
            @RequestParam(required = false) String sortBy, @RequestParam(required = false) Boolean isOrganizationAccess,
            @RequestParam(required = false) Integer limit) {
        return V3Response.ok(customers.allowed(caller, new Customers.AllowedQuery(searchField, noOfEntries, limit,
                pageNo, status, customerAccountType, sortBy, isOrganizationAccess)));
    }

    @PatchMapping("/api/v3/ua/customer/hold")
    V3Response<String> hold(Caller caller, @RequestBody Customers.StatusChange body) {
        return V3Response.ok(customers.hold(caller, body));
    }

    @PatchMapping("/api/v3/ua/customer/re-activate")
    V3Response<String> reactivate(Caller caller, @RequestBody Customers.StatusChange body) {
        return V3Response.ok(customers.reactivate(caller, body));
    }

    @PatchMapping("/api/v3/ua/customer/approve")
    V3Response<String> approve(Caller caller, @RequestBody Customers.StatusChange body) {
        return V3Response.ok(customers.approve(caller, body));
    }

    @PatchMapping("/api/v3/ua/customer/reject")
    V3Response<String> reject(Caller caller, @RequestBody Customers.StatusChange body) {
        return V3Response.ok(customers.reject(caller, body));
    }

    @PatchMapping("/api/v3/ua/customer/enable-bid-shading/{customerOwId}")
    V3Response<String> bidShading(Caller caller, @PathVariable long customerOwId) {
        return V3Response.ok(customers.enableBidShading(caller, customerOwId));
    }
}
