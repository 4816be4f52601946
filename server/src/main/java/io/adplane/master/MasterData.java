package io.adplane.master;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * IQM's master lists (iqm-reference §6; docs/api.md "Master data"), loaded once at start-up from the project's
 * data files and indexed in memory ({@link SegmentList}). Master data is global, not tenant data.
 *
 * <p>The lookup API for campaign targeting: one {@code unknown...} method per kind of id a campaign names,
 * each answering which of the given ids do not exist, in ascending order (empty when all exist). Each costs
 * O(ids), never O(data). Where IQM has two id spaces for one kind (its legacy lists and its 8-digit segment
 * ids, e.g. carriers 292 and 20400002), both are accepted: they never overlap.
 */
@Component
public class MasterData implements ApplicationRunner {

    /** IQM's id of the United States (D14). */
    public static final long UNITED_STATES = 30100001L;
    /** IQM's legacy id of the United States, as its carrier and state lists and campaign examples use it. */
    public static final long LEGACY_UNITED_STATES = 246L;

    private static final Logger log = LoggerFactory.getLogger(MasterData.class);

    /** The lists, loading in the background from construction on (M10); {@link #list} waits for them. */
    private final CompletableFuture<Map<MasterList, SegmentList>> lists;

    MasterData() {
        this.lists = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                lists.complete(load());
            } catch (Throwable e) {
                lists.completeExceptionally(e);
            }
        }, "master-data-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private static Map<MasterList, SegmentList> load() {
        long started = System.nanoTime();
        // The lists are independent: the large ones load in parallel with the rest.
        Map<MasterList, SegmentList> loaded = new ConcurrentHashMap<>();
        Arrays.stream(MasterList.values()).parallel().forEach(kind -> loaded.put(kind, new SegmentList(kind,
                MasterFile.read(kind.file()).stream().map(columns -> row(kind, columns)).toList())));
        Map<MasterList, SegmentList> lists = new EnumMap<>(loaded);
        log.info("Master data: {} lists, {} rows, loaded and indexed in {} ms", lists.size(),
                lists.values().stream().mapToInt(SegmentList::size).sum(), (System.nanoTime() - started) / 1_000_000);
        return lists;
    }

    /** Start-up completes once the lists are loaded, and fails if they cannot be. */
    @Override
    public void run(ApplicationArguments args) {
        lists.join();
    }

    private static SegmentRow row(MasterList kind, Map<String, String> columns) {
        String parent = columns.getOrDefault(kind.parentColumn(), "");
        return new SegmentRow(Long.parseLong(columns.get("id")), columns.getOrDefault("name", ""),
                parent.isEmpty() ? 0 : Long.parseLong(parent), columns);
    }

    /** One list, indexed. */
    public SegmentList list(MasterList kind) {
        return lists.join().get(kind);
    }

    /** The rows of one list as text columns, in id order. */
    public List<Map<String, String>> rows(MasterList kind) {
        return list(kind).rows().stream().map(SegmentRow::columns).toList();
    }

    /** IQM's id for a country id a client sends: 246 (IQM's legacy id) is the United States (M2). */
    public OptionalLong canonicalCountryId(long id) {
        long canonical = id == LEGACY_UNITED_STATES ? UNITED_STATES : id;
        return list(MasterList.COUNTRIES).contains(canonical) ? OptionalLong.of(canonical) : OptionalLong.empty();
    }

    // ------------------------------------------------------------------ lookups for campaign targeting

    /** {@code countryId}: IQM's 301NNNNN ids (D14) and 246, IQM's legacy id of the United States (M2). */
    public Set<Long> unknownCountries(Collection<Long> ids) {
        return unknownOf(ids, id -> id == LEGACY_UNITED_STATES || list(MasterList.COUNTRIES).contains(id));
    }

    /** {@code stateIds}: 302NNNNN (30200001 Alaska ... 30200056 U.S. Virgin Islands). */
    public Set<Long> unknownStates(Collection<Long> ids) {
        return unknown(MasterList.STATES, ids);
    }

    /** {@code cityIds}: 304NNNNN. */
    public Set<Long> unknownCities(Collection<Long> ids) {
        return unknown(MasterList.CITIES, ids);
    }

    /** {@code countyIds}: 303NNNNN. */
    public Set<Long> unknownCounties(Collection<Long> ids) {
        return unknown(MasterList.COUNTIES, ids);
    }

    /** {@code dmaIds}: 309NNNNN (30900001 is DMA 500), not the DMA codes themselves. */
    public Set<Long> unknownDmas(Collection<Long> ids) {
        return unknown(MasterList.DMAS, ids);
    }

    /** {@code congressionalDistrictIds}: 306NNNNN. */
    public Set<Long> unknownCongressionalDistricts(Collection<Long> ids) {
        return unknown(MasterList.CONGRESSIONAL_DISTRICTS, ids);
    }

    /** {@code senateDistrictIds}: 307NNNNN. */
    public Set<Long> unknownSenateDistricts(Collection<Long> ids) {
        return unknown(MasterList.SENATE_DISTRICTS, ids);
    }

    /** {@code houseDistrictIds}: 308NNNNN. */
    public Set<Long> unknownHouseDistricts(Collection<Long> ids) {
        return unknown(MasterList.HOUSE_DISTRICTS, ids);
    }

    /** ZIP-code segment ids (30500000 + the ZIP code). */
    public Set<Long> unknownZipCodeIds(Collection<Long> ids) {
        return unknown(MasterList.ZIP_CODES, ids);
    }

    /**
     * {@code zipCodes} / {@code zipcodes}, as the strings a campaign sends: a ZIP code of up to five digits
     * (IQM writes 01001 as "1001" too, so shorter ones are read with leading zeros). Returns the ones that are
     * malformed or not a known ZIP code, as sent.
     */
    public Set<String> unknownZipCodes(Collection<String> zipCodes) {
        Set<String> unknown = new TreeSet<>();
        SegmentList zips = list(MasterList.ZIP_CODES);
        for (String zip : zipCodes) {
            OptionalLong id = zipCodeId(zip);
            if (id.isEmpty() || !zips.contains(id.getAsLong())) {
                unknown.add(zip);
            }
        }
        return unknown;
    }

    /** The segment id of a ZIP code written with up to five digits. */
    public static OptionalLong zipCodeId(String zip) {
        String digits = zip == null ? "" : zip.strip();
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(30_500_000L + Long.parseLong(digits));
    }

    /** {@code exchanges}: IQM's 26 exchanges and the retired ids IQM's campaign examples still target (M3). */
    public Set<Long> unknownExchanges(Collection<Long> ids) {
        return unknownOf(ids, id -> list(MasterList.EXCHANGES).contains(id) || list(MasterList.RETIRED_EXCHANGES).contains(id));
    }

    /** {@code publisherAdCategory}: the IAB ids of {@code POST /api/v3/master/adcategories}. */
    public Set<Long> unknownAdCategories(Collection<Long> ids) {
        return unknown(MasterList.AD_CATEGORIES, ids);
    }

    /** {@code deviceType}: IQM's legacy device types (11 Mobile, 12 Tablet, 13 Connected TV, 15 Desktop, 16 Set-top box). */
    public Set<Long> unknownDeviceTypes(Collection<Long> ids) {
        return unknown(MasterList.DEVICE_TYPES, ids);
    }

    /** {@code trafficType}: 11 App, 12 Web, 13 OTT, 14 CTV. */
    public Set<Long> unknownTrafficTypes(Collection<Long> ids) {
        return unknown(MasterList.TRAFFIC_TYPES, ids);
    }

    /** {@code networkType}: IQM's legacy network types (12 WIFI, 13 Mobile) or connection-type segments (205NNNNN). */
    public Set<Long> unknownNetworkTypes(Collection<Long> ids) {
        return unknownIn(ids, MasterList.NETWORK_TYPES, MasterList.CONNECTION_TYPES);
    }

    /** {@code carriers}: IQM's legacy carriers (292 AT&T Mobility ...) or device-carrier segments (204NNNNN). */
    public Set<Long> unknownCarriers(Collection<Long> ids) {
        return unknownIn(ids, MasterList.CARRIERS, MasterList.DEVICE_CARRIERS);
    }

    /** Manufacturers: IQM's legacy manufacturer ids (317) or device-manufacturer segments (201NNNNN). */
    public Set<Long> unknownManufacturers(Collection<Long> ids) {
        return unknownIn(ids, MasterList.MANUFACTURERS, MasterList.DEVICE_MANUFACTURERS);
    }

    /** {@code os}: IQM's legacy operating systems (11 Android ... 17 Desktop) or device-OS segments (202NNNNN). */
    public Set<Long> unknownDeviceOs(Collection<Long> ids) {
        return unknownIn(ids, MasterList.DEVICE_OS, MasterList.DEVICE_OS_SEGMENTS);
    }

    /** {@code ageRangeIds}: 101NNNNN. */
    public Set<Long> unknownAgeRanges(Collection<Long> ids) {
        return unknown(MasterList.AGE_RANGES, ids);
    }

    /** {@code genderIds}: 102NNNNN. */
    public Set<Long> unknownGenders(Collection<Long> ids) {
        return unknown(MasterList.GENDERS, ids);
    }

    /** {@code incomeRangeIds}: 103NNNNN. */
    public Set<Long> unknownIncomeRanges(Collection<Long> ids) {
        return unknown(MasterList.INCOME_RANGES, ids);
    }

    /** {@code languageIds}: 105NNNNN. */
    public Set<Long> unknownLanguages(Collection<Long> ids) {
        return unknown(MasterList.LANGUAGES, ids);
    }

    /** {@code ethnicityIds}: ethnicities (106NNNNN) or ethnicity groups (107NNNNN). */
    public Set<Long> unknownEthnicities(Collection<Long> ids) {
        return unknownIn(ids, MasterList.ETHNICITIES, MasterList.ETHNICITY_GROUPS);
    }

    /** {@code interestIds}: 108NNNNN. */
    public Set<Long> unknownInterests(Collection<Long> ids) {
        return unknown(MasterList.INTERESTS, ids);
    }

    /** Video targeting {@code placementType}: 206NNNNN. */
    public Set<Long> unknownVideoPlacementTypes(Collection<Long> ids) {
        return unknown(MasterList.VIDEO_PLACEMENT_TYPES, ids);
    }

    /** Video targeting {@code rollPosition}: 207NNNNN. */
    public Set<Long> unknownVideoRollPositions(Collection<Long> ids) {
        return unknown(MasterList.VIDEO_ROLL_POSITIONS, ids);
    }

    /** Video targeting {@code playerSize}: 208NNNNN. */
    public Set<Long> unknownVideoPlayerSizes(Collection<Long> ids) {
        return unknown(MasterList.VIDEO_PLAYER_SIZES, ids);
    }

    /** Video targeting {@code skippability}: 209NNNNN. */
    public Set<Long> unknownVideoSkippability(Collection<Long> ids) {
        return unknown(MasterList.VIDEO_SKIPPABILITY, ids);
    }

    /** Video targeting {@code playbackMethod}: 210NNNNN. */
    public Set<Long> unknownVideoPlaybackMethods(Collection<Long> ids) {
        return unknown(MasterList.VIDEO_PLAYBACK_METHODS, ids);
    }

    /** Any list's unknown ids, for kinds without a method of their own. */
    public Set<Long> unknown(MasterList kind, Collection<Long> ids) {
        return list(kind).unknown(ids);
    }

    private Set<Long> unknownIn(Collection<Long> ids, MasterList legacy, MasterList segments) {
        return unknownOf(ids, id -> list(legacy).contains(id) || list(segments).contains(id));
    }

    private static Set<Long> unknownOf(Collection<Long> ids, Function<Long, Boolean> known) {
        Set<Long> unknown = new TreeSet<>();
        for (Long id : ids) {
            if (id != null && !known.apply(id)) {
                unknown.add(id);
            }
        }
        return unknown;
    }
}
