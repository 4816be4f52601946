package io.adplane.campaign;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code adplane.campaigns{status}}: how many campaigns the server holds in each stored status, across every
 * organization. Read from the counts the write path keeps ({@code campaign_count}, a few rows per
 * organization), never from the campaigns themselves, every {@code adplane.jobs.metrics-interval} (30 s).
 */
@Component
@ConditionalOnProperty(name = "adplane.jobs.enabled", havingValue = "true", matchIfMissing = true)
class CampaignMetrics {

    private final JdbcClient jdbc;
    private final Map<CampaignStatus, AtomicLong> counts = new EnumMap<>(CampaignStatus.class);

    CampaignMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (CampaignStatus status : CampaignStatus.values()) {
            AtomicLong n = new AtomicLong();
            counts.put(status, n);
            Gauge.builder("adplane.campaigns", n, AtomicLong::get).tag("status", status.code())
                    .description("Campaigns in each stored status").register(registry);
        }
    }

    @Scheduled(initialDelayString = "${adplane.jobs.metrics-interval:30s}", fixedDelayString = "${adplane.jobs.metrics-interval:30s}")
    void refresh() {
        Map<CampaignStatus, Long> now = new EnumMap<>(CampaignStatus.class);
        jdbc.sql("SELECT status, SUM(n) FROM campaign_count GROUP BY status")
                .query((rs, i) -> now.put(CampaignStatus.of(rs.getString(1)), rs.getLong(2))).list();
        counts.forEach((status, n) -> n.set(now.getOrDefault(status, 0L)));
    }
}
