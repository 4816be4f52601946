package io.adplane.api;

import java.util.Collection;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.type.CollectionType;

/**
 * Every JSON array a request binds to a list holds at most {@link Limits#MAX_LIST} elements, none of them null
 * (D7): a list of 70,000 ids would otherwise reach SQL as that many parameters. One rule for every request,
 * named by field.
 */
final class BoundedCollections extends ValueDeserializerModifier {

    @Override
    public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
            BeanDescription.Supplier beanDesc, ValueDeserializer<?> deserializer) {
        return new Bounded(deserializer);
    }

    private static final class Bounded extends DelegatingDeserializer {

        Bounded(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new Bounded(delegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            var context = p.streamReadContext();
            String field = context.inArray() && context.getParent() != null ? context.getParent().currentName()
                    : context.currentName();
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Collection<?> c && c.size() > Limits.MAX_LIST) {
                throw ApiException.badRequest(field, "Field '" + field + "' may list at most " + Limits.MAX_LIST + " items.");
            }
            if (value instanceof Collection<?> c && c.stream().anyMatch(java.util.Objects::isNull)) {
                throw ApiException.badRequest(field, "Field '" + field + "' must not contain null.");
            }
            return value;
        }
    }
}
