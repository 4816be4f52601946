package io.adplane.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The project's own master-data files keep IQM's documented facts. */
class MasterFilesTest {

    @Test
    void timezonesKeepIqmsIdsAndNumberOtherZonesAbove1000() {
        Timezones timezones = new Timezones();
        List<Timezones.Timezone> all = timezones.all();
        Set<Integer> ids = new HashSet<>();
        for (Timezones.Timezone tz : all) {
            assertThat(ids.add(tz.id())).as("unique id %s", tz.id()).isTrue();
            assertThat(tz.zoneId()).isEqualTo(ZoneId.of(tz.name()));
        }
        assertThat(all.stream().filter(tz -> tz.id() < 1000)).hasSize(432);
        assertThat(timezones.find(29).orElseThrow().name()).isEqualTo("US/Eastern");
        assertThat(timezones.find(11).orElseThrow().name()).isEqualTo("UTC");
        assertThat(timezones.find(105).orElseThrow().name()).isEqualTo("Asia/Kolkata");
        assertThat(all.stream().filter(tz -> tz.id() > 1000)).isNotEmpty().allSatisfy(tz -> assertThat(tz.id()).isGreaterThan(1000));
    }

    @Test
    void countriesFollowTheDocumentedRule() {
        MasterData master = new MasterData();
        var countries = master.rows("countries");
        assertThat(countries).hasSize(249);
        assertThat(countries.get(0)).containsEntry("id", "30100001").containsEntry("name", "United States");
        assertThat(countries.get(1)).containsEntry("id", "30100002").containsEntry("name", "India");
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("id", "30100011").containsEntry("name", "Afghanistan"));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("id", "30100013").containsEntry("name", "Albania"));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("id", "30100014").containsEntry("name", "Algeria"));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("id", "30100016").containsEntry("name", "Andorra"));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("id", "30100017").containsEntry("name", "Angola"));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("id", "30100020").containsEntry("name", "Antigua and Barbuda"));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("id", "30100021").containsEntry("name", "Argentina"));
        assertThat(countries).anySatisfy(c -> assertThat(c).containsEntry("id", "30100022").containsEntry("name", "Armenia"));
        assertThat(master.unknownCountries(List.of(30100001L, 1L))).containsExactly(1L);
        assertThat(master.unknownExchanges(List.of(1L, 75L, 90L))).isEmpty();
        assertThat(master.unknownDeviceTypes(List.of(13L, 15L, 11L, 12L, 14L))).containsExactly(14L);
    }
}
