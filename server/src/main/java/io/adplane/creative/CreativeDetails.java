package io.adplane.creative;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A creative's details objects as answered (F17): every key and value the client sent, unchanged, plus the keys of
 * IQM's answer for the creative's own type that it did not send, with IQM's value for none ({@code ""}, 0, false).
 * Nothing is added to what is stored.
 */
final class CreativeDetails {

    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    /** IQM's keys of each type's own details object, in the order of its examples, with their value for none. */
    private static final Map<CreativeType, Map<String, JsonNode>> IQM_KEYS = Map.of(
            CreativeType.IMAGE, ordered("pixelUrl", N.stringNode(""), "creativeWidth", N.numberNode(0),
                    "creativeHeight", N.numberNode(0)),
            CreativeType.HTML, ordered("creativeWidth", N.numberNode(0), "creativeHeight", N.numberNode(0)),
            CreativeType.VIDEO, ordered("duration", N.numberNode(0), "xmlType", N.stringNode(""),
                    "creativeSourceUrl", N.stringNode(""), "availableXmlVersions", N.stringNode(""),
                    "transformed", N.booleanNode(false)));

    private CreativeDetails() {
    }

    private static Map<String, JsonNode> ordered(Object... pairs) {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (JsonNode) pairs[i + 1]);
        }
        return m;
    }

    /** The name of a type's own details object. */
    static String objectOf(CreativeType type) {
        return switch (type) {
            case IMAGE -> "imageDetails";
            case HTML -> "htmlDetails";
            case VIDEO -> "videoDetails";
            case NATIVE -> "nativeDetails";
            case AUDIO -> "audioDetails";
        };
    }

    /** The stored details document with the type's own object completed by IQM's missing keys; a copy. */
    static JsonNode answered(CreativeType type, JsonNode stored) {
        Map<String, JsonNode> keys = IQM_KEYS.get(type);
        if (keys == null || !stored.isObject()) {
            return stored;
        }
        ObjectNode out = ((ObjectNode) stored).deepCopy();
        JsonNode own = out.get(objectOf(type));
        if (own != null && !own.isObject() && !own.isNull()) {
            return stored;
        }
        ObjectNode details = own == null || own.isNull() ? N.objectNode() : (ObjectNode) own;
        keys.forEach((k, v) -> {
            if (!details.has(k)) {
                details.set(k, v);
            }
        });
        out.set(objectOf(type), details);
        return out;
    }
}
