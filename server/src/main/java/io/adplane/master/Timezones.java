package io.adplane.master;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * IQM's timezone master ids (D8), from the project's own data file {@code master/timezones.tsv}: IQM's 432 ids
 * (29 US/Eastern, 11 UTC, 105 Asia/Kolkata, ...) and the JDK's other zones above 1000. Each maps to an IANA zone.
 */
@Component
public class Timezones {

    /** One timezone: IQM's id, its label (with spaces) and its IANA name. */
    public record Timezone(int id, String label, String name) {

        public ZoneId zoneId() {
            return ZoneId.of(name);
        }
    }

    private final Map<Integer, Timezone> byId;

    Timezones() {
        Map<Integer, Timezone> zones = new LinkedHashMap<>();
        for (Map<String, String> row : MasterFile.read("timezones.tsv")) {
            Timezone tz = new Timezone(Integer.parseInt(row.get("id")), row.get("label"), row.get("name"));
            zones.put(tz.id(), tz);
        }
        this.byId = Collections.unmodifiableMap(zones);
    }

    public boolean exists(int id) {
        return byId.containsKey(id);
    }

    public Optional<Timezone> find(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Timezone> all() {
        return List.copyOf(byId.values());
    }
}
