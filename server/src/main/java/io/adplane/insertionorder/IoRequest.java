package io.adplane.insertionorder;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The body of IO add and IO patch (iqm-reference §3.3, §3.5). {@code ioStatusID} is the quickstart's spelling
 * of {@code ioStatusId}.
 */
public record IoRequest(
        String ioName,
        Long ioStartTime,
        Long ioEndTime,
        BigDecimal ioTotalBudget,
        Integer ioTimeZoneId,
        Boolean isAutoSumIoTotalBudget,
        Integer ioBudgetTypeId,
        Integer ioBudgetDistributionMethodId,
        Long ioTotalImpressions,
        @JsonAlias("ioStatusID") Integer ioStatusId) {
}
