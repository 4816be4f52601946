package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills what V41 and V42 added for campaigns made before them: the campaign_creative rows from each campaign's
 * creativeIds, and each IO's allocated impressions from its campaigns' totalImpressions (a setting kept as JSON,
 * which portable SQL can't read). Runs once, on upgrade; a new database has nothing to fill.
 */
public class V43__Backfill_write_path extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Connection c = context.getConnection();
        try (Statement select = c.createStatement();
                ResultSet rs = select.executeQuery("SELECT id, ow_id, io_id, status, creative_ids, settings FROM campaign");
                PreparedStatement link = c.prepareStatement(
                        "INSERT INTO campaign_creative (campaign_id, creative_id, ow_id) VALUES (?, ?, ?)");
                PreparedStatement allocate = c.prepareStatement(
                        "UPDATE insertion_order SET allocated_impressions = allocated_impressions + ? WHERE io_id = ?")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                long owId = rs.getLong(2);
                String ids = rs.getString(5);
                if (ids != null && !ids.isBlank()) {
                    for (String creative : new java.util.LinkedHashSet<>(java.util.List.of(ids.split(",")))) {
                        link.setLong(1, id);
                        link.setLong(2, Long.parseLong(creative.trim()));
                        link.setLong(3, owId);
                        link.addBatch();
                    }
                }
                JsonNode impressions = json.readTree(rs.getString(6)).get("totalImpressions");
                if (!"deleted".equals(rs.getString(4)) && impressions != null && impressions.canConvertToLong()
                        && impressions.longValue() != 0) {
                    allocate.setLong(1, impressions.longValue());
                    allocate.setLong(2, rs.getLong(3));
                    allocate.addBatch();
                }
            }
            link.executeBatch();
            allocate.executeBatch();
        }
    }
}
