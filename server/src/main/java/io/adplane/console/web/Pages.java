package io.adplane.console.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.adplane.api.ApiException;

/** What every console page shares: how problems reach the fields they name, and how times are shown. */
final class Pages {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    private Pages() {
    }

    /** A rejection, for the template: the message under the field it names, or above the form. */
    record Problem(String field, String message, int status) {
        static Problem of(ApiException e) {
            String message = e.reason() != null && e.field() == null && e.getMessage() != null
                    && e.status().value() == 403 ? e.getMessage() + " " + e.reason() : e.getMessage();
            return new Problem(e.field(), message, e.status().value());
        }
    }

    /** Field problems by field name, and the rest under the key {@code _form}. */
    static Map<String, String> problems(ApiException e) {
        Map<String, String> problems = new LinkedHashMap<>();
        Problem p = Problem.of(e);
        problems.put(p.field() == null ? "_form" : p.field(), p.message());
        return problems;
    }

    static String millis(Long epochMillis) {
        return epochMillis == null ? "" : SHOWN.format(Instant.ofEpochMilli(epochMillis));
    }

    static String seconds(Long epochSeconds) {
        return epochSeconds == null ? "" : SHOWN.format(Instant.ofEpochSecond(epochSeconds));
    }
}
