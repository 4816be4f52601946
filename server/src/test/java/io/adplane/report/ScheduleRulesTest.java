package io.adplane.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import io.adplane.api.ApiException;

/** When schedules run: midnight of their days in the report's timezone, until their end. */
class ScheduleRulesTest {

    static final ZoneId EASTERN = ZoneId.of("US/Eastern");

    static long at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, EASTERN).toInstant().toEpochMilli();
    }

    @Test
    void recurringSchedulesRunAtMidnightOfTheirDays() {
        long wednesdayNoon = at(2025, 6, 11, 12);
        long end = at(2026, 1, 1, 0);
        assertThat(ScheduleRules.nextRun(ScheduleRules.DAILY, null, end, EASTERN, wednesdayNoon, false))
                .isEqualTo(at(2025, 6, 12, 0));
        assertThat(ScheduleRules.nextRun(ScheduleRules.WEEKLY, "MONDAY", end, EASTERN, wednesdayNoon, false))
                .isEqualTo(at(2025, 6, 16, 0));
        assertThat(ScheduleRules.nextRun(ScheduleRules.MONTHLY, "LAST", end, EASTERN, wednesdayNoon, false))
                .isEqualTo(at(2025, 6, 30, 0));
        assertThat(ScheduleRules.nextRun(ScheduleRules.MONTHLY, "FIRST", end, EASTERN, wednesdayNoon, false))
                .isEqualTo(at(2025, 7, 1, 0));
        // A run exactly at midnight: the next is the day after.
        assertThat(ScheduleRules.nextRun(ScheduleRules.DAILY, null, end, EASTERN, at(2025, 6, 12, 0), true))
                .isEqualTo(at(2025, 6, 13, 0));
        // Midnight on the day DST ends (2 November 2025) is still 00:00 local.
        assertThat(ScheduleRules.nextRun(ScheduleRules.DAILY, null, end, EASTERN, at(2025, 11, 1, 12), true))
                .isEqualTo(at(2025, 11, 2, 0));
    }

    @Test
    void aScheduleEndsAtItsEndDateAndOnceRunsOnce() {
        long now = at(2025, 6, 11, 12);
        assertThat(ScheduleRules.nextRun(ScheduleRules.DAILY, null, at(2025, 6, 11, 23), EASTERN, now, false)).isNull();
        assertThat(ScheduleRules.nextRun(ScheduleRules.ONCE, null, null, EASTERN, now, false)).isEqualTo(now);
        assertThat(ScheduleRules.nextRun(ScheduleRules.ONCE, null, null, EASTERN, now, true)).isNull();
    }

    @Test
    void fieldsAreCheckedAsIqmSpellsThem() {
        assertThat(ScheduleRules.deliveryDay(ScheduleRules.WEEKLY, "Friday")).isEqualTo("FRIDAY");
        assertThat(ScheduleRules.deliveryDay(ScheduleRules.MONTHLY, "4")).isEqualTo("4");
        assertThat(ScheduleRules.deliveryDay(ScheduleRules.DAILY, "whatever")).isNull();
        assertThatThrownBy(() -> ScheduleRules.deliveryDay(ScheduleRules.MONTHLY, "30")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).field()).isEqualTo("deliveryDay");
        assertThatThrownBy(() -> ScheduleRules.fileType(3)).hasMessage("Invalid file type.");
        assertThatThrownBy(() -> ScheduleRules.eventEndDate(ScheduleRules.WEEKLY, 5L, 10L))
                .extracting(e -> ((ApiException) e).field()).isEqualTo("eventEndDate");
    }
}
