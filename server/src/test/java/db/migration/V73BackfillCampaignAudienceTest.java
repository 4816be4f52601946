package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * V73 on a database that has campaigns: every audience id a campaign's whiteListedAudienceIds names, in each of
 * IQM's shapes (an array, "1,2", "[1,2]"), becomes one link with the campaign's organization; campaigns without
 * audiences get none, and a repeated id is linked once.
 */
class V73BackfillCampaignAudienceTest {

    @Test
    void existingCampaignsGetTheirAudienceLinks() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:v73-" + UUID.randomUUID() + ";MODE=PostgreSQL", "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE campaign (id BIGINT PRIMARY KEY, ow_id BIGINT NOT NULL, settings VARCHAR NOT NULL)");
                s.execute("CREATE TABLE campaign_audience (campaign_id BIGINT NOT NULL, audience_id BIGINT NOT NULL,"
                        + " ow_id BIGINT NOT NULL, PRIMARY KEY (campaign_id, audience_id))");
                s.execute("INSERT INTO campaign VALUES (1, 10, '{\"whiteListedAudienceIds\":[501,502]}'),"
                        + " (2, 10, '{\"whiteListedAudienceIds\":\"503,504,503\"}'),"
                        + " (3, 20, '{\"whiteListedAudienceIds\":\"[505]\"}'),"
                        + " (4, 20, '{\"whiteListedAudienceIds\":null}'), (5, 20, '{\"campaignName\":\"none\"}')");
            }
            new V73__Backfill_campaign_audience().migrate(context(c));
            List<String> links = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT campaign_id, audience_id, ow_id FROM campaign_audience"
                            + " ORDER BY campaign_id, audience_id")) {
                while (rs.next()) {
                    links.add(rs.getLong(1) + ":" + rs.getLong(2) + "@" + rs.getLong(3));
                }
            }
            assertThat(links).containsExactly("1:501@10", "1:502@10", "2:503@10", "2:504@10", "3:505@20");
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
