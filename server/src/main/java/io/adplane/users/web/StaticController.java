package io.adplane.users.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.users.StaticLists;
import io.adplane.users.StaticLists.Item;
import io.adplane.users.StaticLists.SortField;

/** IQM's User API static lists. */
@RestController
class StaticController {

    @GetMapping("/api/v3/ua/static/verticals")
    V3Response<List<StaticLists.Vertical>> verticals(Caller caller) {
        return V3Response.ok(StaticLists.VERTICALS);
    }

    @GetMapping("/api/v3/ua/static/user-status")
    V3Response<List<Item>> userStatuses(Caller caller) {
        return V3Response.ok(StaticLists.USER_STATUSES);
    }

    @GetMapping("/api/v3/ua/static/user-sort-by")
    V3Response<List<SortField>> userSorts(Caller caller) {
        return V3Response.ok(StaticLists.USER_SORTS);
    }

    @GetMapping("/api/v3/ua/static/organization-workspace-status")
    V3Response<List<Item>> organizationStatuses(Caller caller, @RequestParam(required = false) String view) {
        return V3Response.ok(StaticLists.ORGANIZATION_STATUSES);
    }

    @GetMapping("/api/v3/ua/static/organization-expertize")
    V3Response<List<Item>> expertize(Caller caller) {
        return V3Response.ok(StaticLists.EXPERTIZE);
    }

    @GetMapping("/api/v3/ua/static/media-budget")
    V3Response<List<Item>> mediaBudgets(Caller caller) {
        return V3Response.ok(StaticLists.MEDIA_BUDGETS);
    }

    @GetMapping("/api/v3/ua/static/industries")
    V3Response<List<Item>> industries(Caller caller) {
        return V3Response.ok(StaticLists.INDUSTRIES);
    }

    @GetMapping("/api/v3/ua/static/customer-type")
    V3Response<List<Item>> customerTypes(Caller caller) {
        return V3Response.ok(StaticLists.CUSTOMER_TYPES);
    }

    @GetMapping("/api/v3/ua/static/customer-payment-types")
    V3Response<StaticLists.PaymentTypes> paymentTypes(Caller caller) {
        int n = StaticLists.PAYMENT_TYPES.size();
        return V3Response.ok(new StaticLists.PaymentTypes(n, n, StaticLists.PAYMENT_TYPES));
    }

    @GetMapping("/api/v3/ua/static/customer-list-sortable-field")
    V3Response<List<SortField>> customerSorts(Caller caller) {
        return V3Response.ok(StaticLists.CUSTOMER_SORTS);
    }

    @GetMapping("/api/v3/ua/static/customer-account-types")
    V3Response<StaticLists.AccountTypes> accountTypes(Caller caller) {
        int n = StaticLists.ACCOUNT_TYPES.size();
        return V3Response.ok(new StaticLists.AccountTypes(n, n, StaticLists.ACCOUNT_TYPES));
    }

    @GetMapping("/api/v3/ua/static/company-size")
    V3Response<List<Item>> companySizes(Caller caller) {
        return V3Response.ok(StaticLists.COMPANY_SIZES);
    }
}
