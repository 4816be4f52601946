package io.adplane.console.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.tenancy.TenancyService;
import io.adplane.users.Customers;
import io.adplane.users.CustomerView;
import io.adplane.users.InvitationItem;
import io.adplane.users.InviteResult;
import io.adplane.users.ListPage;
import io.adplane.users.UserAdmin;
import io.adplane.users.UserView;
import io.adplane.users.Invitations;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Customers and users of the acting organization: the lists, invitations, hold and re-activation, through the
 * User API's own services ({@link Customers}, {@link UserAdmin}, {@link Invitations}), so the rights (U7), the
 * rules and the messages are the API's.
 */
@Controller
@Hidden
class PeoplePages {

    static final int PAGE_SIZE = 20;
    static final List<String> ROLES = List.of("admin", "approver", "editor", "viewer");
    /**
     * What a page says after a move, by the {@code done} code its redirect carries (the console keeps no server
     * session, so no flash attribute): the services' own words.
     */
    static final Map<String, String> NOTICES = Map.of(
            "held", "Customer status changed to suspended successfully",
            "reactivated", "Customer status changed to active successfully",
            "suspended", "User status updated successfully: the user is suspended and signed out everywhere.",
            "activated", "User status updated successfully: the user is active again.",
            "invited", "1 invitation sent successfully.");

    private final Customers customers;
    private final UserAdmin users;
    private final Invitations invitations;
    private final TenancyService tenancy;

    PeoplePages(Customers customers, UserAdmin users, Invitations invitations, TenancyService tenancy) {
        this.customers = customers;
        this.users = users;
        this.invitations = invitations;
        this.tenancy = tenancy;
    }

    @GetMapping("/console/customers")
    String customers(Caller caller, @RequestParam(required = false) String search,
            @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("notice", done == null ? null : NOTICES.get(done));
        ListPage<CustomerView> found = customers.list(caller, new Customers.ListQuery(null, null, null, null,
                Forms.text(search), PAGE_SIZE, page, "+organizationName"));
        model.addAttribute("customers", found);
        model.addAttribute("search", search == null ? "" : search);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (found.filteredRecords() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("form", model.containsAttribute("form") ? model.getAttribute("form") : Map.of());
        return "console/customers";
    }

    @PostMapping("/console/customers/{owId}/hold")
    String hold(Caller caller, @PathVariable long owId, @RequestParam(required = false) String reason,
            HttpServletResponse response, Model model) {
        return customerMove(caller, owId, true, reason, response, model);
    }

    @PostMapping("/console/customers/{owId}/reactivate")
    String reactivate(Caller caller, @PathVariable long owId, HttpServletResponse response,
            Model model) {
        return customerMove(caller, owId, false, null, response, model);
    }

    private String customerMove(Caller caller, long owId, boolean hold, String reason,
            HttpServletResponse response, Model model) {
        Customers.StatusChange change = new Customers.StatusChange(owId, Forms.text(reason), null, null, null, null, null);
        try {
            if (hold) {
                customers.hold(caller, change);
            } else {
                customers.reactivate(caller, change);
            }
        } catch (ApiException e) {
            return refused(e, response, model, () -> customers(caller, null, 1, null, model));
        }
        return "redirect:/console/customers?ow=" + caller.owId() + "&done=" + (hold ? "held" : "reactivated");
    }

    /** Invites one customer (an advertiser organization below the acting one) through {@link Invitations#inviteCustomers}. */
    @PostMapping("/console/customers/invite")
    String inviteCustomer(Caller caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        InvitationItem item = new InvitationItem(null, null, form.get("email"), null, Forms.text(form.get("name")),
                Forms.text(form.get("ownerUserName")), null, null, null, null, null, null, null, null, null, null, null,
                null, null);
        return invite(caller, form, () -> invitations.inviteCustomers(caller, List.of(item)), -1, response, model,
                () -> customers(caller, null, 1, null, model), "customers");
    }

    @GetMapping("/console/users")
    String users(Caller caller, @RequestParam(required = false) String search, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String done, Model model) {
        model.addAttribute("notice", done == null ? null : NOTICES.get(done));
        ListPage<UserView> found = users.list(caller, new UserAdmin.UserQuery(null, page, PAGE_SIZE, null,
                Forms.text(search)));
        model.addAttribute("users", found);
        model.addAttribute("roles", ROLES);
        model.addAttribute("search", search == null ? "" : search);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (found.filteredRecords() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("form", model.containsAttribute("form") ? model.getAttribute("form") : Map.of("role", "editor"));
        return "console/users";
    }

    /** Suspends (4) or re-activates (1) a member through {@link UserAdmin#updateStatus}. */
    @PostMapping("/console/users/{uowId}/status")
    String userStatus(Caller caller, @PathVariable long uowId, @RequestParam int status,
            HttpServletResponse response, Model model) {
        try {
            users.updateStatus(caller, new UserAdmin.StatusUpdate(uowId, status, null, null));
        } catch (ApiException e) {
            return refused(e, response, model, () -> users(caller, null, 1, null, model));
        }
        return "redirect:/console/users?ow=" + caller.owId() + "&done=" + (status == 4 ? "suspended" : "activated");
    }

    /** Invites one user into the acting organization, with a role, through {@link Invitations#inviteUsers}. */
    @PostMapping("/console/users/invite")
    String inviteUser(Caller caller, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model) {
        InvitationItem item = new InvitationItem(null, null, form.get("email"), null, Forms.text(form.get("name")), null,
                null, null, null, null, null, null, null, null, null, null, null, null, form.get("role"));
        return invite(caller, form, () -> invitations.inviteUsers(caller, List.of(item)), caller.owId(), response,
                model, () -> users(caller, null, 1, null, model), "users");
    }

    /**
     * The invitation services answer a refused email in their {@code failed} list (IQM's shape); the console shows
     * why next to the field, in the words of the check they ran ({@link TenancyService#invitationProblem}).
     */
    private String invite(Caller caller, Map<String, String> form, java.util.function.Supplier<InviteResult> send,
            long owId, HttpServletResponse response, Model model,
            java.util.function.Supplier<String> page, String back) {
        try {
            InviteResult result = send.get();
            if (!result.failedEmails().isEmpty()) {
                String why = tenancy.invitationProblem(form.get("email"), owId);
                if (why != null) {
                    throw ApiException.unprocessable("email", why);
                }
                String name = Forms.text(form.get("name"));
                try {
                    TenancyService.requireName(name == null ? form.get("email") : name);
                } catch (IllegalArgumentException e) {
                    throw ApiException.unprocessable("name", e.getMessage());
                }
                throw ApiException.unprocessable("email", "This invitation was refused.");
            }
        } catch (ApiException e) {
            model.addAttribute("form", form);
            model.addAttribute("problems", Pages.problems(e));
            return refused(e, response, model, page);
        }
        return "redirect:/console/" + back + "?ow=" + caller.owId() + "&done=invited";
    }

    private static String refused(ApiException e, HttpServletResponse response, Model model,
            java.util.function.Supplier<String> page) {
        int status = e.status().value();
        if (status == 404 || status == 403 && e.field() == null && !model.containsAttribute("problems")) {
            throw e;
        }
        response.setStatus(status);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problem", Pages.Problem.of(e));
        }
        return page.get();
    }
}
