package io.adplane.creative;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** IQM's platform creative types (iqm-reference §5.5) and the source types each accepts. */
public enum CreativeType {
    IMAGE(11, "image", "Image", 1, 1, Set.of("FILE", "URL")),
    HTML(13, "html", "HTML", 2, 1, Set.of("FILE", "URL", "HTML", "HTML5")),
    VIDEO(14, "video", "Video", 3, 3, Set.of("FILE", "URL", "VAST_URL", "VAST_XML")),
    NATIVE(15, "native", "Native", 4, 4, Set.of("FILE", "URL", "VAST_URL", "VAST_XML")),
    AUDIO(17, "audio", "Audio", 5, 2, Set.of("FILE", "URL", "VAST_URL", "VAST_XML", "DAAST_URL", "DAAST_XML"));

    public final int id;
    public final String code;
    public final String displayName;
    public final int order;
    public final int rtbCreativeTypeId;
    final Set<String> sourceTypes;

    CreativeType(int id, String code, String displayName, int order, int rtbCreativeTypeId, Set<String> sourceTypes) {
        this.id = id;
        this.code = code;
        this.displayName = displayName;
        this.order = order;
        this.rtbCreativeTypeId = rtbCreativeTypeId;
        this.sourceTypes = sourceTypes;
    }

    public static Optional<CreativeType> of(Integer id) {
        return Arrays.stream(values()).filter(t -> id != null && t.id == id).findFirst();
    }
}
