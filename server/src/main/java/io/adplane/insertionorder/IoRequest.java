package io.adplane.insertionorder;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of IO add and IO patch (iqm-reference §3.3, §3.5). {@code ioStatusID} is the quickstart's spelling
 * of {@code ioStatusId}. The server-owned fields IQM's request schema lists (ids, owners, the bid model's
 * priorities) are accepted and never applied.
 */
@JsonIgnoreProperties({"ioId", "owId", "createdByUowId", "modifiedByUowId", "ioNextPerformanceCheck",
        "ioLastPriorityShift", "ioCurrentPriority", "isIoPrioritise"})
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
