package io.adplane.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.adplane.delivery.DeliveryReports.By;
import io.adplane.delivery.DeliveryReports.Group;
import io.adplane.delivery.Metrics;

/** Weekly and monthly reports: IQM's Sunday-to-Saturday weeks and calendar months, as IQM writes their ranges. */
class ReportPeriodsTest {

    @Test
    void weeksRunSundayToSaturdayAndMonthsAreWhole() {
        // IQM's sample: a report from Wednesday 11 June 2025 has the week of 8 to 14 June.
        assertThat(ReportService.dateRange(LocalDate.of(2025, 6, 8), 3)).isEqualTo("06/08/2025 - 06/14/2025");
        assertThat(ReportService.dateRange(LocalDate.of(2024, 2, 1), 4)).isEqualTo("02/01/2024 - 02/29/2024");
    }

    @Test
    void daysFoldIntoTheirPeriodPerKey() {
        Metrics one = new Metrics(0, 0, 10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        List<Group> daily = List.of(
                group(LocalDate.of(2025, 6, 11), 7, one), group(LocalDate.of(2025, 6, 14), 7, one),
                group(LocalDate.of(2025, 6, 15), 7, one), group(LocalDate.of(2025, 6, 12), 8, one));
        List<Group> weekly = ReportService.byPeriod(daily, 3);
        assertThat(weekly).extracting(g -> LocalDate.ofEpochDay(g.keys().get(By.DAY)) + "/" + g.keys().get(By.CAMPAIGN))
                .containsExactly("2025-06-08/7", "2025-06-15/7", "2025-06-08/8");
        assertThat(weekly.get(0).metrics().impressions()).isEqualTo(20);
        assertThat(ReportService.byPeriod(daily, 4)).hasSize(2);
    }

    private static Group group(LocalDate day, long campaign, Metrics m) {
        return new Group(new java.util.EnumMap<>(Map.of(By.DAY, day.toEpochDay(), By.CAMPAIGN, campaign)), m);
    }
}
