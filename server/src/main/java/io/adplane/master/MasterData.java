package io.adplane.master;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * IQM's master lists (iqm-reference §6), loaded once from the project's data files. The campaign rules ask
 * it which of the ids a request names do not exist, one call per kind (D14).
 */
@Component
public class MasterData {

    /** The lists by name: each row a map of IQM's field names to text values. */
    private final Map<String, Map<Long, Map<String, String>>> lists = new LinkedHashMap<>();

    MasterData() {
        for (String name : List.of("countries", "exchanges", "ad-categories", "device-types", "traffic-types",
                "network-types", "device-os", "frequency-cap-types", "conversion-types")) {
            Map<Long, Map<String, String>> byId = new LinkedHashMap<>();
            for (Map<String, String> row : MasterFile.read(name + ".tsv")) {
                byId.put(Long.valueOf(row.get("id")), row);
            }
            lists.put(name, byId);
        }
    }

    /** The rows of one list, in file order. */
    public List<Map<String, String>> rows(String list) {
        return List.copyOf(lists.get(list).values());
    }

    public Set<Long> unknownCountries(Collection<Long> ids) {
        return unknown("countries", ids);
    }

    public Set<Long> unknownExchanges(Collection<Long> ids) {
        return unknown("exchanges", ids);
    }

    public Set<Long> unknownAdCategories(Collection<Long> ids) {
        return unknown("ad-categories", ids);
    }

    public Set<Long> unknownDeviceTypes(Collection<Long> ids) {
        return unknown("device-types", ids);
    }

    public Set<Long> unknownTrafficTypes(Collection<Long> ids) {
        return unknown("traffic-types", ids);
    }

    private Set<Long> unknown(String list, Collection<Long> ids) {
        Set<Long> unknown = new TreeSet<>(ids);
        unknown.removeAll(lists.get(list).keySet());
        return unknown;
    }
}
