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
import io.adplane.campaign.CampaignQueries;
import io.adplane.creative.CreativeService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The approval queue: pending campaigns and creatives of every organization the user may act for, each with
 * approve and reject (with a reason). The moves go through the features' services, acting for the item's
 * organization ({@code ow}), so the D16 rights and the 409 on a stale move are the API's.
 */
@Controller
@Hidden
class ApprovalPages {

    static final int PAGE_SIZE = 20;

    private final CampaignQueries campaigns;
    private final CreativeService creatives;

    ApprovalPages(CampaignQueries campaigns, CreativeService creatives) {
        this.campaigns = campaigns;
        this.creatives = creatives;
    }

    @GetMapping("/console/approvals")
    String queue(Caller caller, @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Long done,
            @RequestParam(required = false) String search, Model model) {
        CampaignQueries.Result pending = campaigns.list(caller, Queues.pendingCampaigns(Forms.text(search)),
                new CampaignQueries.Page(page, PAGE_SIZE, null, "+created", null, null));
        model.addAttribute("pending", pending);
        model.addAttribute("pendingCreatives", creatives.list(caller, Queues.pendingCreatives(1, PAGE_SIZE)));
        model.addAttribute("approves", caller.role().approves());
        model.addAttribute("done", done);
        model.addAttribute("search", search == null ? "" : search);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (pending.filteredRecords() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "console/approvals";
    }

    /** Creative status moves (D18): 2 running (approve), 3 paused, 4 deleted, 5 rejected (with a reason). */
    @PostMapping("/console/creatives/{creativeId}/status")
    String creativeStatus(Caller caller, @PathVariable long creativeId, @RequestParam Integer status,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
            HttpServletResponse response, Model model) {
        try {
            creatives.updateStatus(caller, List.of(creativeId), status, Forms.text(reason));
        } catch (ApiException e) {
            if (e.status().value() == 422) {
                throw ApiException.notFound("creativeId", "Not found.");
            }
            response.setStatus(e.status().value());
            model.addAttribute("problem", Pages.Problem.of(e));
            return CreativePages.detail(creatives, caller, creativeId, model);
        }
        if ("approvals".equals(back)) {
            return "redirect:/console/approvals";
        }
        return "redirect:/console/creatives/" + creativeId + "?ow=" + caller.owId();
    }

}
