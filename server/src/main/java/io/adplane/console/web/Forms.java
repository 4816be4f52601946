package io.adplane.console.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.adplane.api.ApiException;

/**
 * Reading what a person typed into a console form into the API's types. Only the format is checked here
 * (a date, a number); every rule about the values is the feature's own, raised by its service.
 */
final class Forms {

    private Forms() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A {@code datetime-local} value read as UTC, in epoch milliseconds; null when empty. */
    static Long utcMillis(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "Enter a date and time (UTC), such as 2030-01-31T09:00.");
        }
    }

    static Long utcSeconds(String field, String value) {
        Long millis = utcMillis(field, value);
        return millis == null ? null : millis / 1000;
    }

    static BigDecimal amount(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, "Enter an amount, such as 1500 or 12.50.");
        }
    }

    static Long whole(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, "Enter a whole number.");
        }
    }

    static Integer small(String field, String value) {
        Long n = whole(field, value);
        if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
            throw ApiException.badRequest(field, "Enter a smaller number.");
        }
        return n == null ? null : n.intValue();
    }

    /** A sort column and direction of a list page as the features' {@code sortBy} ({@code -ioId}). */
    static String sortBy(String column, String direction) {
        if (column == null || column.isBlank()) {
            return null;
        }
        return ("asc".equals(direction) ? "+" : "-") + column;
    }
}
