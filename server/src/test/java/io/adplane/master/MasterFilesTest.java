package io.adplane.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's own master-data files keep IQM's documented facts and the generated ones their id rules. */
class MasterFilesTest {

    private static MasterData master;

    @BeforeAll
    static void load() {
        master = new MasterData();
    }

    private static SegmentRow row(MasterList kind, long id) {
        return master.list(kind).find(id).orElseThrow(() -> new AssertionError(kind + " " + id));
    }

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
        var countries = master.rows(MasterList.COUNTRIES);
        assertThat(countries).hasSize(249);
        Map<Long, String> documented = Map.of(30100001L, "United States", 30100002L, "India", 30100011L, "Afghanistan",
                30100013L, "Albania", 30100014L, "Algeria", 30100016L, "Andorra", 30100017L, "Angola",
                30100020L, "Antigua and Barbuda", 30100021L, "Argentina", 30100022L, "Armenia");
        documented.forEach((id, name) -> assertThat(row(MasterList.COUNTRIES, id).name()).isEqualTo(name));
        assertThat(master.unknownCountries(List.of(30100001L, 246L, 1L))).containsExactly(1L);
        assertThat(master.canonicalCountryId(246).getAsLong()).isEqualTo(MasterData.UNITED_STATES);
    }

    @Test
    void exchangesAreIqms26AndTheRetiredIdsOfItsExamplesStayTargetable() {
        assertThat(master.list(MasterList.EXCHANGES).size()).isEqualTo(26);
        assertThat(row(MasterList.EXCHANGES, 39).name()).isEqualTo("Google DoubleClick");
        assertThat(row(MasterList.EXCHANGES, 1).text("urlName")).isEqualTo("test");
        assertThat(master.unknownExchanges(List.of(1L, 27L, 21L, 26L, 90L, 91L))).containsExactly(91L);
    }

    @Test
    void statesFollowIqmsIdsAndLegacyIds() {
        SegmentList states = master.list(MasterList.STATES);
        assertThat(states.size()).isEqualTo(56);
        assertThat(row(MasterList.STATES, 30200001).text("abbreviation")).isEqualTo("AK");
        assertThat(row(MasterList.STATES, 30200002).name()).isEqualTo("Alabama");
        assertThat(row(MasterList.STATES, 30200005).name()).isEqualTo("California");
        assertThat(row(MasterList.STATES, 30200020).text("abbreviation")).isEqualTo("MA");
        assertThat(row(MasterList.STATES, 30200035).name()).isEqualTo("New York");
        assertThat(row(MasterList.STATES, 30200002).number("legacyId")).isEqualTo(4660);
        assertThat(states.rows()).filteredOn(s -> s.number("legacyId") == 4664).singleElement()
                .extracting(SegmentRow::name).isEqualTo("Arkansas");
        assertThat(states.rows()).allSatisfy(s -> assertThat(s.parentId()).isEqualTo(MasterData.UNITED_STATES));
    }

    @Test
    void geographyIsRealDataWithIqmsIdRules() {
        assertThat(master.list(MasterList.COUNTIES).size()).isEqualTo(3142);
        assertThat(row(MasterList.COUNTIES, 30300001).name()).isEqualTo("Aleutians East, AK");
        assertThat(row(MasterList.COUNTIES, 30300003).name()).isEqualTo("Anchorage, AK");
        assertThat(master.list(MasterList.CITIES).size()).isGreaterThan(29_000);
        assertThat(row(MasterList.CITIES, 30400001).name()).isEqualTo("Adak, AK");
        assertThat(master.list(MasterList.ZIP_CODES).size()).isGreaterThan(40_000);
        assertThat(row(MasterList.ZIP_CODES, 30501001).name()).isEqualTo("01001");
        assertThat(row(MasterList.ZIP_CODES, 30501001).parentId()).isEqualTo(30200020);
        assertThat(row(MasterList.ZIP_CODES, 30590210).parentId()).isEqualTo(30200005);
        assertThat(master.list(MasterList.DMAS).size()).isEqualTo(210);
        assertThat(row(MasterList.DMAS, 30900001).name()).isEqualTo("Portland-Auburn, ME");
        assertThat(row(MasterList.DMAS, 30900001).parentId()).isEqualTo(30200022);
        assertThat(row(MasterList.DMAS, 30900002).parentId()).isEqualTo(30200035);
        assertThat(row(MasterList.DMAS, 30900007).name()).isEqualTo("Boston, MA-Manchester, NH");
        assertThat(row(MasterList.CONGRESSIONAL_DISTRICTS, 30600502).name()).isEqualTo("Alabama-1");
        assertThat(row(MasterList.CONGRESSIONAL_DISTRICTS, 30600503).text("abbreviation")).isEqualTo("AL-2");
        assertThat(master.list(MasterList.CONGRESSIONAL_DISTRICTS).rows()).filteredOn(d -> d.parentId() != 0
                && d.parentId() != 30200008).hasSize(435);
        assertThat(row(MasterList.SENATE_DISTRICTS, 30700001).text("abbreviation")).isEqualTo("AK-A");
        assertThat(row(MasterList.SENATE_DISTRICTS, 30700002).name()).isEqualTo("Alaska-B");
        assertThat(row(MasterList.HOUSE_DISTRICTS, 30800073).text("abbreviation")).isEqualTo("AK-01");
        assertThat(row(MasterList.HOUSE_DISTRICTS, 30800082).name()).isEqualTo("Alaska-10");
        for (MasterList kind : List.of(MasterList.COUNTIES, MasterList.CITIES, MasterList.ZIP_CODES, MasterList.DMAS,
                MasterList.SENATE_DISTRICTS, MasterList.HOUSE_DISTRICTS)) {
            assertThat(master.list(kind).rows()).as("%s rows have a state", kind)
                    .allSatisfy(r -> assertThat(master.list(MasterList.STATES).contains(r.parentId())).isTrue());
        }
    }

    @Test
    void lookupsForCampaignTargeting() {
        assertThat(master.unknownStates(List.of(30200031L, 30200032L, 30200099L))).containsExactly(30200099L);
        assertThat(master.unknownZipCodes(List.of("01001", "1001", "90210", "00000", "abcde", "123456"))).containsExactly(
                "00000", "123456", "abcde");
        assertThat(master.unknownCarriers(List.of(293L, 294L, 20400002L, 5L))).containsExactly(5L);
        assertThat(master.unknownDeviceOs(List.of(11L, 14L, 20200001L, 18L))).containsExactly(18L);
        assertThat(master.unknownNetworkTypes(List.of(13L, 20500002L, 14L))).containsExactly(14L);
        assertThat(master.unknownAgeRanges(List.of(10100008L, 10100001L, 1L))).containsExactly(1L);
        assertThat(master.unknownGenders(List.of(10200001L, 10200002L))).isEmpty();
        assertThat(master.unknownDeviceTypes(List.of(13L, 15L, 11L, 12L, 14L))).containsExactly(14L);
        assertThat(master.unknownVideoPlacementTypes(List.of(20600001L, 20699999L))).isEmpty();
        assertThat(master.unknownAdCategories(List.of(112L, 11L))).isEmpty();
    }
}
