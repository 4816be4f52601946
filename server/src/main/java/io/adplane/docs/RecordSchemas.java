package io.adplane.docs;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * An answer's schema, derived from its Java type: the records adplane answers with, their components in
 * {@link JsonPropertyOrder} order and with their {@link JsonProperty} names. A primitive is never null; a
 * reference may be null only when it is annotated {@link Nullable}; {@code JsonNode} and {@code Object} (values
 * kept as a client sent them) may be anything; a {@link JsonAnyGetter} map declares its values as
 * {@code additionalProperties}. What a type cannot say ({@code Map<String, Object>} answers) stays with the
 * representative answers of {@link AnswerSchemas}; {@link #precise} tells the two apart.
 */
final class RecordSchemas {

    private RecordSchemas() {
    }

    /** The schema of {@code type}; never-null at the top (an answer is always a value). */
    static Schema<?> of(Type type) {
        return of(type, Map.of(), false, new LinkedHashSet<>());
    }

    /** Whether the schema declares every field: no open object, no untyped value where a record is not the reason. */
    static boolean precise(Type type) {
        return precise(type, Map.of(), new LinkedHashSet<>());
    }

    private static Schema<?> of(Type type, Map<TypeVariable<?>, Type> bindings, boolean nullable, Set<Class<?>> seen) {
        if (type instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            return bound == null ? any() : of(bound, bindings, nullable, seen);
        }
        if (type instanceof WildcardType w) {
            return of(w.getUpperBounds()[0], bindings, nullable, seen);
        }
        if (type instanceof GenericArrayType a) {
            return typed("array", nullable).items(of(a.getGenericComponentType(), bindings, false, seen));
        }
        Class<?> raw = raw(type);
        if (raw == null || raw == Object.class || raw.getName().startsWith("tools.jackson.databind.")) {
            return any();
        }
        if (raw.isPrimitive()) {
            return typed(raw == boolean.class ? "boolean" : raw == double.class || raw == float.class ? "number" : "integer", false);
        }
        if (raw == Boolean.class) {
            return typed("boolean", nullable);
        }
        if (raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
            return typed("integer", nullable);
        }
        if (Number.class.isAssignableFrom(raw)) {
            return typed("number", nullable);
        }
        if (raw == String.class || raw.isEnum() || CharSequence.class.isAssignableFrom(raw)) {
            return typed("string", nullable);
        }
        if (raw == Optional.class) {
            return of(argument(type, 0), bindings, true, seen);
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Type element = raw.isArray() ? raw.getComponentType() : argument(type, 0);
            return typed("array", nullable).items(of(element, bindings, false, seen));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return typed("object", nullable).additionalProperties(of(argument(type, 1), bindings, false, seen));
        }
        if (raw.isRecord()) {
            if (!seen.add(raw)) {
                return typed("object", nullable);
            }
            Map<TypeVariable<?>, Type> inner = bind(raw, type, bindings);
            Schema<?> schema = typed("object", nullable);
            for (RecordComponent c : ordered(raw)) {
                if (c.isAnnotationPresent(JsonIgnore.class) || c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                if (isAnyGetter(c)) {
                    schema.additionalProperties(of(argument(c.getGenericType(), 1), inner, false, seen));
                    continue;
                }
                schema.addProperty(name(c), of(c.getGenericType(), inner, nullable(c), seen));
            }
            seen.remove(raw);
            return schema;
        }
        return any();
    }

    private static boolean precise(Type type, Map<TypeVariable<?>, Type> bindings, Set<Class<?>> seen) {
        if (type instanceof TypeVariable<?> v) {
            return bindings.containsKey(v) && precise(bindings.get(v), bindings, seen);
        }
        Class<?> raw = raw(type);
        if (raw == null || raw == Object.class || raw.getName().startsWith("tools.jackson.databind.")) {
            return false;
        }
        if (Map.class.isAssignableFrom(raw) || raw.isAnnotationPresent(DocumentedByAnswer.class)) {
            return false;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return precise(argument(type, 0), bindings, seen);
        }
        if (raw.isRecord() && seen.add(raw)) {
            Map<TypeVariable<?>, Type> inner = bind(raw, type, bindings);
            for (RecordComponent c : raw.getRecordComponents()) {
                Class<?> component = raw(c.getGenericType());
                boolean keptAsSent = component == Object.class || (component != null
                        && component.getName().startsWith("tools.jackson.databind."));
                boolean keyedByData = isAnyGetter(c) || (component != null && Map.class.isAssignableFrom(component));
                // A value kept as sent or a map keyed by data is precise by design; other components must be.
                if (!keptAsSent && !keyedByData && !precise(c.getGenericType(), inner, seen)) {
                    seen.remove(raw);
                    return false;
                }
            }
            seen.remove(raw);
        }
        return true;
    }

    private static List<RecordComponent> ordered(Class<?> record) {
        List<RecordComponent> components = new java.util.ArrayList<>(List.of(record.getRecordComponents()));
        JsonPropertyOrder order = record.getAnnotation(JsonPropertyOrder.class);
        if (order != null && order.value().length > 0) {
            List<String> names = List.of(order.value());
            components.sort(java.util.Comparator.comparingInt(c -> {
                int i = names.indexOf(name(c));
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
        }
        return components;
    }

    private static boolean isAnyGetter(RecordComponent c) {
        return c.isAnnotationPresent(JsonAnyGetter.class) || c.getAccessor().isAnnotationPresent(JsonAnyGetter.class);
    }

    private static String name(RecordComponent c) {
        for (AnnotatedElement e : new AnnotatedElement[] {c, c.getAccessor()}) {
            JsonProperty p = e.getAnnotation(JsonProperty.class);
            if (p != null && !p.value().isEmpty()) {
                return p.value();
            }
        }
        return c.getName();
    }

    private static boolean nullable(RecordComponent c) {
        return c.getAnnotatedType().isAnnotationPresent(Nullable.class) || c.isAnnotationPresent(Nullable.class);
    }

    private static Map<TypeVariable<?>, Type> bind(Class<?> raw, Type type, Map<TypeVariable<?>, Type> outer) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>(outer);
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i] instanceof TypeVariable<?> v && outer.containsKey(v) ? outer.get(v) : arguments[i];
                bindings.put(variables[i], argument);
            }
        }
        return bindings;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return null;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Schema<?> typed(String type, boolean nullable) {
        Set<String> types = new LinkedHashSet<>(List.of(type));
        if (nullable) {
            types.add("null");
        }
        return new JsonSchema().types(types);
    }

    private static Schema<?> any() {
        return new JsonSchema().description("Kept as the client sent it.");
    }

    /** What {@link JsonPropertyOrder} and {@link JsonProperty} make of a record, for tests. */
    static Map<String, Schema> properties(Class<?> record) {
        return new LinkedHashMap<>(of(record).getProperties());
    }
}
