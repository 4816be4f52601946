package io.adplane.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.adplane.api.ApiException;

/**
 * When a report schedule runs (S13): IQM's delivery frequencies (1 once, 2 daily, 3 weekly, 4 monthly) and
 * delivery days (a weekday for weekly, {@code FIRST}, {@code LAST} or {@code 2}–{@code 29} for monthly). A
 * recurring schedule runs at midnight of its days in the report's timezone, never after its {@code eventEndDate};
 * a schedule that missed runs (the clock moved on) runs once, then at its next day after now.
 */
public final class ScheduleRules {

    public static final int ONCE = 1;
    public static final int DAILY = 2;
    public static final int WEEKLY = 3;
    public static final int MONTHLY = 4;

    public static final int CSV = 1;
    public static final int XLSX = 2;

    private ScheduleRules() {
    }

    /** 422 naming {@code fileType} unless it is 1 (CSV) or 2 (XLSX). */
    public static int fileType(@Nullable Integer fileType) {
        if (fileType == null || (fileType != CSV && fileType != XLSX)) {
            throw ApiException.unprocessable("fileType", "Invalid file type.");
        }
        return fileType;
    }

    /** 422 naming {@code deliveryFrequency} unless it is 1–4. */
    public static int frequency(@Nullable Integer frequency) {
        if (frequency == null || frequency < ONCE || frequency > MONTHLY) {
            throw ApiException.unprocessable("deliveryFrequency", "Invalid delivery frequency.");
        }
        return frequency;
    }

    /**
     * The delivery day in IQM's spelling, upper case ({@code MONDAY}, {@code FIRST}, {@code 4}): required and
     * checked for weekly and monthly schedules, dropped for once and daily ones (which have no day).
     */
    public static @Nullable String deliveryDay(int frequency, @Nullable String day) {
        if (frequency == ONCE || frequency == DAILY) {
            return null;
        }
        String d = day == null ? "" : day.trim().toUpperCase(Locale.ROOT);
        if (d.isEmpty()) {
            throw ApiException.unprocessable("deliveryDay", "Delivery day is required for a weekly or monthly schedule.");
        }
        if (frequency == WEEKLY) {
            try {
                DayOfWeek.valueOf(d);
                return d;
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("deliveryDay", "Invalid delivery day: a weekly schedule takes SUNDAY to SATURDAY.");
            }
        }
        if (d.equals("FIRST") || d.equals("LAST")) {
            return d;
        }
        try {
            int n = Integer.parseInt(d);
            if (n >= 2 && n <= 29) {
                return Integer.toString(n);
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw ApiException.unprocessable("deliveryDay", "Invalid delivery day: a monthly schedule takes FIRST, LAST or 2 to 29.");
    }

    /** 422 naming {@code eventEndDate}: required for recurring schedules, and after {@code now}. */
    public static @Nullable Long eventEndDate(int frequency, @Nullable Long eventEndDate, long now) {
        if (frequency == ONCE) {
            return eventEndDate;
        }
        if (eventEndDate == null) {
            throw ApiException.unprocessable("eventEndDate", "Event end date is required for a recurring schedule.");
        }
        if (eventEndDate <= now) {
            throw ApiException.unprocessable("eventEndDate", "Event end date must be in the future.");
        }
        return eventEndDate;
    }

    /**
     * The first run strictly after {@code after} (epoch ms), or null when the schedule has no more runs. A
     * schedule that runs once runs at {@code after} itself when it has not run yet.
     */
    public static @Nullable Long nextRun(int frequency, @Nullable String deliveryDay, @Nullable Long eventEndDate,
            ZoneId zone, long after, boolean ranOnce) {
        if (frequency == ONCE) {
            return ranOnce ? null : after;
        }
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(after), zone);
        for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
            if (!runsOn(frequency, deliveryDay, day)) {
                continue;
            }
            long at = ZonedDateTime.of(day.atStartOfDay(), zone).toInstant().toEpochMilli();
            if (at <= after) {
                continue;
            }
            return eventEndDate != null && at > eventEndDate ? null : at;
        }
        return null;
    }

    private static boolean runsOn(int frequency, @Nullable String deliveryDay, LocalDate day) {
        return switch (frequency) {
            case DAILY -> true;
            case WEEKLY -> day.getDayOfWeek() == DayOfWeek.valueOf(deliveryDay);
            case MONTHLY -> switch (deliveryDay) {
                case "FIRST" -> day.getDayOfMonth() == 1;
                case "LAST" -> day.getDayOfMonth() == day.lengthOfMonth();
                default -> day.getDayOfMonth() == Integer.parseInt(deliveryDay);
            };
            default -> false;
        };
    }
}
