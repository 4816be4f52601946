package io.adplane.console.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.adplane.auth.Caller;
import io.adplane.creative.CreativeService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Creatives with previews: an image creative given by URL shows as the image (HTTPS only, by the console's
 * CSP); markup, tags and VAST are shown as text, never run in the console's page.
 */
@Controller
@Hidden
class CreativePages {

    static final int PAGE_SIZE = 20;
    static final Map<Integer, String> STATUSES = Map.of(1, "pending", 2, "running", 3, "paused", 4, "deleted", 5, "rejected");

    private final CreativeService creatives;

    CreativePages(CreativeService creatives) {
        this.creatives = creatives;
    }

    @GetMapping("/console/creatives")
    String list(Caller caller, @RequestParam(required = false) Integer status, @RequestParam(required = false) String search,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Map<String, Object> found = creatives.list(caller, CreativeService.ListRequest.page(
                status == null ? null : List.of(status), null, false, page, PAGE_SIZE, Forms.text(search)));
        model.addAttribute("creatives", found);
        model.addAttribute("status", status);
        model.addAttribute("search", search == null ? "" : search);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("page", page);
        long filtered = ((Number) found.get("filteredRecords")).longValue();
        model.addAttribute("pages", Math.max(1, (filtered + PAGE_SIZE - 1) / PAGE_SIZE));
        return "console/creatives";
    }

    @GetMapping("/console/creatives/{creativeId}")
    String detail(Caller caller, @PathVariable long creativeId, Model model) {
        return detail(creatives, caller, creativeId, model);
    }

    static String detail(CreativeService creatives, Caller caller, long creativeId, Model model) {
        Map<String, Object> creative = creatives.get(caller, creativeId);
        model.addAttribute("creative", creative);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("ow", caller.owId());
        model.addAttribute("imagePreview", Integer.valueOf(11).equals(creative.get("platformCreativeTypeId"))
                && "url".equals(creative.get("creativeSourceType"))
                && String.valueOf(creative.get("creativeSource")).startsWith("https://"));
        return "console/creative";
    }
}
