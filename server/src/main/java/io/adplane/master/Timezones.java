package io.adplane.master;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * IQM's timezone master ids (D8), loaded from the project's own data file {@code master/timezones.tsv}:
 * 29 US/Eastern, 11 UTC, 105 Asia/Kolkata, ... Each id maps to an IANA zone.
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
        this.byId = Collections.unmodifiableMap(load("master/timezones.tsv"));
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

    private static Map<Integer, Timezone> load(String resource) {
        Map<Integer, Timezone> zones = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cols = line.split("\t");
                Timezone tz = new Timezone(Integer.parseInt(cols[0].trim()), cols[1].trim(), cols[2].trim());
                zones.put(tz.id(), tz);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zones;
    }
}
