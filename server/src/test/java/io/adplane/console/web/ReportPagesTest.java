package io.adplane.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportPagesTest {

    @Test
    void aDownloadedCellNeverRunsAsASpreadsheetFormula() {
        assertThat(ReportPages.inert("=HYPERLINK(\"https://evil.example\")")).isEqualTo("'=HYPERLINK(\"https://evil.example\")");
        assertThat(ReportPages.inert("+1")).isEqualTo("'+1");
        assertThat(ReportPages.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportPages.inert("-cmd")).isEqualTo("'-cmd");
        assertThat(ReportPages.inert("-12.5")).isEqualTo("-12.5");
        assertThat(ReportPages.inert("Spring sale")).isEqualTo("Spring sale");
    }

    @Test
    void linesAreQuotedAsCsvNeedsThem() {
        ReportPages pages = new ReportPages(null, null, null);
        String csv = new String(pages.csv(List.of(List.of("Campaign", "Spent"), List.of("Sale, \"big\"", "3.5"))),
                StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("Campaign,Spent\n\"Sale, \"\"big\"\"\",3.5\n");
    }
}
