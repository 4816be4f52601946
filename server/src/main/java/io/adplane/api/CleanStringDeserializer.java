package io.adplane.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Rejects NUL and other control characters (tab, CR and LF excepted), lone surrogates and bidi overrides in
 * every JSON string (D7): PostgreSQL cannot store NUL, and invisible characters make names lie.
 */
final class CleanStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        String value = super.deserialize(p, ctxt);
        if (value != null) {
            String problem = TextRules.problem(value);
            if (problem != null) {
                String field = p.streamReadContext().currentName();
                throw ApiException.badRequest(field, "Field '" + field + "' " + problem + ".");
            }
        }
        return value;
    }
}
