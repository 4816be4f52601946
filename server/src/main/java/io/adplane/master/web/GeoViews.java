package io.adplane.master.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.adplane.master.MasterList;
import io.adplane.master.SegmentRow;

/**
 * Geography rows as IQM answers them. {@code geojsonUrl} is IQM's link to a boundary file; adplane serves no
 * boundaries, so it is an empty string unless {@code adplane.master.geojson-base-url} names where an operator
 * hosts them (then {@code <base>/<file>.geojson}, named like IQM's: a state by its USPS code, a DMA by its
 * code, everything else by its id; docs/api.md M7).
 */
@Component
class GeoViews {

    private final String base;

    GeoViews(@Value("${adplane.master.geojson-base-url:}") String base) {
        this.base = base.strip().replaceAll("/+$", "");
    }

    String geojsonUrl(MasterList kind, SegmentRow row) {
        if (base.isEmpty()) {
            return "";
        }
        String file = switch (kind) {
            case STATES -> row.text("abbreviation");
            case DMAS -> row.text("abbreviation");
            default -> Long.toString(row.id());
        };
        return base + "/" + file + ".geojson";
    }

    /** The v3 shape of a row of {@code kind}: with an abbreviation for states, DMAs and districts. */
    Object view(MasterList kind, SegmentRow row) {
        return switch (kind) {
            case STATES, DMAS, CONGRESSIONAL_DISTRICTS, SENATE_DISTRICTS, HOUSE_DISTRICTS -> new Views.CodedArea(row.id(),
                    row.name(), row.text("abbreviation"), row.parentId(), geojsonUrl(kind, row));
            default -> new Views.Area(row.id(), row.name(), row.parentId(), geojsonUrl(kind, row));
        };
    }
}
