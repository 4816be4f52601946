package io.adplane.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns a JSON body that could not be read into a 400 that names the field and the rule (D7). */
final class JsonErrors {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object )?(?:property|field) \"([^\"]*)\"");

    private JsonErrors() {
    }

    static ApiException describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RequestLimits.BodyTooLargeException) {
                return RequestLimits.tooLarge();
            }
            if (t instanceof ApiException api) {
                return api;
            }
        }
        if (cause == null) {
            return ApiException.badRequest(null, "Request body is required.");
        }
        if (!(cause instanceof JacksonException jackson)) {
            return ApiException.badRequest(null, "Malformed JSON body.");
        }
        String field = path(jackson);
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            String name = join(field, unknown.getPropertyName());
            return ApiException.badRequest(name, "Unknown field '" + name + "'.");
        }
        if (jackson instanceof InvalidNullException) {
            return ApiException.badRequest(field, "Field '" + field + "' must not be null.");
        }
        if (jackson instanceof ValueInstantiationException && jackson.getCause() instanceof ApiException api) {
            return api;
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && field != null) {
            return ApiException.badRequest(field,
                    "Field '" + field + "' must be " + typeName(mismatch.getTargetType()) + ".");
        }
        if (jackson instanceof StreamConstraintsException) {
            return ApiException.badRequest(field, "JSON body exceeds a size limit: " + firstLine(jackson) + ".");
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(jackson.getOriginalMessage()));
        if (duplicate.find()) {
            String name = join(field, duplicate.group(1));
            return ApiException.badRequest(name, "Duplicate field '" + name + "'.");
        }
        if (field != null) {
            return ApiException.badRequest(field, "Field '" + field + "' is invalid.");
        }
        if (jackson instanceof DatabindException) {
            // Databind messages name Java classes; say what is wrong in the API's terms instead.
            return ApiException.badRequest(null, "Malformed JSON body: expected one JSON object of the documented shape.");
        }
        return ApiException.badRequest(null, "Malformed JSON body: " + firstLine(jackson) + ".");
    }

    static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String join(String parent, String name) {
        if (parent == null) {
            return name;
        }
        return parent.endsWith(name) ? parent : parent + "." + name;
    }

    private static String firstLine(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).replaceAll("[.\\s]+$", "");
    }
}
