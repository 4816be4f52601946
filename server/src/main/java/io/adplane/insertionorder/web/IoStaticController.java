package io.adplane.insertionorder.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;

/** IQM's static lists for IOs (iqm-reference §3.12). */
@RestController
class IoStaticController {

    private static Map<String, Object> item(String name, int id, String label, int order) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("id", id);
        m.put("label", label);
        m.put("order", order);
        return m;
    }

    private static Map<String, Object> list(String key, List<Map<String, Object>> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, items);
        m.put("totalRecords", items.size());
        m.put("filteredRecords", items.size());
        return m;
    }

    @GetMapping("/api/v3/cmp/static/io/status/list")
    V3Response<Map<String, Object>> statuses() {
        return V3Response.ok(list("ioStatusList", List.of(item("active", 1, "Active", 1),
                item("expired", 2, "Expired", 2), item("deleted", 3, "Deleted", 3))));
    }

    @GetMapping("/api/v3/cmp/static/campaign/budget-type")
    V3Response<Map<String, Object>> budgetTypes() {
        return V3Response.ok(list("budgetTypeData", List.of(item("budget", 1, "Budget", 1),
                item("impression", 2, "Impression", 2))));
    }

    @GetMapping("/api/v3/cmp/static/budget-distribution-method/list")
    V3Response<Map<String, Object>> distributionMethods() {
        return V3Response.ok(list("budgetDistributionMethodData", List.of(item("manual", 1, "Manual", 1),
                item("auto", 2, "Auto", 2))));
    }
}
