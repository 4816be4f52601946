package io.adplane.master.web;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.adplane.master.SegmentPage;
import io.adplane.master.SegmentRow;

/** The shapes of IQM's master answers, field names and order as IQM's examples show them. */
final class Views {

    private Views() {
    }

    /** IQM's list envelope inside {@code data} / {@code responseObject}. */
    @JsonPropertyOrder({"data", "totalRecords", "filteredRecords"})
    record ListPage<T>(List<T> data, int totalRecords, int filteredRecords) {

        static <T> ListPage<T> of(SegmentPage page, Function<SegmentRow, T> view) {
            return new ListPage<>(page.rows().stream().map(view).toList(), page.totalRecords(), page.filteredRecords());
        }

        static <T> ListPage<T> of(List<T> rows) {
            return new ListPage<>(rows, rows.size(), rows.size());
        }
    }

    @JsonPropertyOrder({"id", "name"})
    record Segment(long id, String name) {

        static Segment of(SegmentRow row) {
            return new Segment(row.id(), row.name());
        }
    }

    /** The legacy lists ({@code /api/device_types}, ...) put the name first. */
    @JsonPropertyOrder({"name", "id"})
    record NamedId(String name, long id) {

        static NamedId of(SegmentRow row) {
            return new NamedId(row.name(), row.id());
        }
    }

    /** Counties, cities and ZIP codes. */
    @JsonPropertyOrder({"id", "name", "parentId", "geojsonUrl"})
    record Area(long id, String name, long parentId, String geojsonUrl) {
    }

    /** States, DMAs and districts: with IQM's abbreviation (a state's USPS code, a DMA's code, "AL-1"). */
    @JsonPropertyOrder({"id", "name", "abbreviation", "parentId", "geojsonUrl"})
    record CodedArea(long id, String name, String abbreviation, long parentId, String geojsonUrl) {
    }

    @JsonPropertyOrder({"id", "name", "abbreviation"})
    record Country(long id, String name, String abbreviation) {
    }

    /** The v2 county and city lists. */
    @JsonPropertyOrder({"id", "name", "stateId"})
    record StateChild(long id, String name, long stateId) {
    }

    @JsonPropertyOrder({"id", "name", "parentId"})
    record Ethnicity(long id, String name, long parentId) {
    }

    @JsonPropertyOrder({"id", "name", "urlName"})
    record Exchange(long id, String name, String urlName) {
    }

    @JsonPropertyOrder({"name", "isTvAd", "id"})
    record TrafficType(String name, boolean isTvAd, long id) {
    }

    @JsonPropertyOrder({"id", "name", "parentId", "iabCategoryId", "parentName"})
    record AdCategory(long id, String name, long parentId, String iabCategoryId, String parentName) {
    }

    @JsonPropertyOrder({"id", "name", "group", "iab_id", "parent_id"})
    record LegacyAdCategory(long id, String name, String group, String iab_id, long parent_id) {
    }

    @JsonPropertyOrder({"id", "dma_code", "dma_region", "dma_source"})
    record LegacyDma(long id, String dma_code, String dma_region, String dma_source) {
    }

    @JsonPropertyOrder({"id", "name", "country_id"})
    record LegacyCarrier(long id, String name, long country_id) {
    }

    @JsonPropertyOrder({"name", "id", "country_id", "abbreviation", "is_active", "is_territory", "state_code",
            "tblm_iqm_segment_id"})
    record LegacyState(String name, long id, long country_id, String abbreviation, int is_active, int is_territory,
            String state_code, long tblm_iqm_segment_id) {
    }

    @JsonPropertyOrder({"id", "name", "order"})
    record LocationType(long id, String name, long order) {
    }

    @JsonPropertyOrder({"id", "publisherId", "trafficType", "bundleDomain", "name"})
    record Inventory(long id, long publisherId, String trafficType, String bundleDomain, String name) {
    }

    @JsonPropertyOrder({"standardDimensions", "creativeDurations", "videoPlayerSizes"})
    record CreativeSizes(List<Segment> standardDimensions, List<Segment> creativeDurations, List<Segment> videoPlayerSizes) {
    }

    @JsonPropertyOrder({"videoPlayerSizes", "standardDimensions", "creativeDurations"})
    record LegacyCreativeSizes(List<Segment> videoPlayerSizes, List<String> standardDimensions,
            List<Segment> creativeDurations) {
    }

    /** One state of {@code GET /api/v2/master/district/list}, keyed by its legacy id. */
    @JsonPropertyOrder({"id", "stateCode", "stateName", "districtList"})
    record DistrictState(long id, String stateCode, String stateName, List<District> districtList) {
    }

    @JsonPropertyOrder({"id", "geoCode", "districtName", "districtId"})
    record District(long id, String geoCode, String districtName, String districtId) {
    }

    @JsonPropertyOrder({"name", "id", "label"})
    record Timezone(String name, long id, String label) {
    }

    @JsonPropertyOrder({"id", "name", "order", "displayName", "minDuration", "maxDuration"})
    record FrequencyCapType(long id, String name, long order, String displayName, @Nullable Long minDuration,
            @Nullable Long maxDuration) {
    }

    @JsonPropertyOrder({"frequencyCapTypes", "totalRecords", "filteredRecords"})
    record FrequencyCapTypes(List<FrequencyCapType> frequencyCapTypes, int totalRecords, int filteredRecords) {
    }

    @JsonPropertyOrder({"id", "name", "displayName", "order", "isActive"})
    record ConversionType(long id, String name, String displayName, long order, boolean isActive) {
    }
}
