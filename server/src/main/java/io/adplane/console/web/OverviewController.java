package io.adplane.console.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.adplane.auth.Caller;
import io.adplane.campaign.CampaignQueries;
import io.adplane.creative.CreativeService;
import io.swagger.v3.oas.annotations.Hidden;

/** The overview: the acting organization's campaigns by status, and what awaits approval. */
@Controller
@Hidden
class OverviewController {

    static final int QUEUE_PREVIEW = 10;

    private final CampaignQueries campaigns;
    private final CreativeService creatives;

    private final ConsoleJson json;

    OverviewController(CampaignQueries campaigns, CreativeService creatives, ConsoleJson json) {
        this.campaigns = campaigns;
        this.creatives = creatives;
        this.json = json;
    }

    @GetMapping("/console")
    String overview(Caller caller, Model model) {
        List<Map<String, Object>> counts = campaigns.countByStatus(caller, Queues.none());
        List<Map<String, Object>> shown = counts.stream().filter(c -> !"deleted".equals(c.get("status_key"))).toList();
        model.addAttribute("counts", shown);
        model.addAttribute("statusChart", json.write(shown));
        model.addAttribute("pending", campaigns.list(caller, Queues.pendingCampaigns(),
                new CampaignQueries.Page(1, QUEUE_PREVIEW, null, "-created", null, null)));
        model.addAttribute("pendingCreatives", creatives.list(caller, Queues.pendingCreatives(1, QUEUE_PREVIEW)));
        return "console/overview";
    }
}
