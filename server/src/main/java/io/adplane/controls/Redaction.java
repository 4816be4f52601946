package io.adplane.controls;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the journal keeps of headers, bodies and query strings: everything but secrets (E4). A header is a secret by
 * name ({@code Authorization}, {@code Authentication}, cookies); a field of a JSON body, form or query string when
 * its name holds {@code password}, {@code secret} or {@code token} (so {@code access_token}, {@code clientSecret}).
 */
final class Redaction {

    static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "authentication", "cookie", "set-cookie",
            "proxy-authorization");

    private Redaction() {
    }

    static boolean secretField(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret") || n.contains("token") || n.contains("authorization")
                || n.contains("authentication");
    }

    static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            out.put(lower, SECRET_HEADERS.contains(lower) ? REDACTED : request.getHeader(name));
        }
        return out;
    }

    /** A query string with its secret parameters' values replaced. */
    static String query(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.append(eq >= 0 && secretField(URLDecoder.decode(name, StandardCharsets.UTF_8))
                    ? name + "=" + REDACTED : pair);
        }
        return out.toString();
    }

    /**
     * A body as the journal keeps it: JSON as JSON, a form as an object of its fields, anything else as a note; secret
     * fields redacted. {@code complete} says whether {@code bytes} is the whole body (a cut JSON body is kept as text).
     */
    static JsonNode body(byte[] bytes, boolean complete, String contentType, JsonMapper json) {
        if (bytes.length == 0) {
            return null;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (type.contains("json")) {
            if (complete) {
                try {
                    return redact(json.readTree(bytes));
                } catch (RuntimeException e) {
                    // not JSON after all: kept as text below
                }
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return nodes.stringNode(text.matches("(?is).*(password|secret|token).*") ? REDACTED + " (a cut body naming"
                    + " a secret field)" : text);
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode form = nodes.objectNode();
            for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.put(name, secretField(name) ? REDACTED : value);
            }
            return form;
        }
        return nodes.stringNode("[" + (type.isEmpty() ? "a body" : type.split(";")[0] + " body") + " not recorded]");
    }

    private static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : Set.copyOf(object.propertyNames())) {
                if (secretField(name) && !object.get(name).isNull()) {
                    object.put(name, REDACTED);
                } else {
                    redact(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::redact);
        }
        return node;
    }
}
