package io.adplane.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs due report schedules every {@code adplane.reports.schedule-interval} (S13). Instances share the work: each
 * schedule is claimed by one of them.
 */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ReportScheduleJob {

    private static final Logger log = LoggerFactory.getLogger(ReportScheduleJob.class);

    private final ReportRuns runs;

    ReportScheduleJob(ReportRuns runs) {
        this.runs = runs;
    }

    @Scheduled(initialDelayString = "${adplane.reports.schedule-interval:60s}",
            fixedDelayString = "${adplane.reports.schedule-interval:60s}")
    void run() {
        int ran = runs.runDue();
        if (ran > 0) {
            log.info("Ran {} scheduled reports", ran);
        }
    }
}
