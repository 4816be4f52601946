package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills V72's campaign_audience for campaigns made before it, from each campaign's whiteListedAudienceIds (a setting
 * kept as JSON in any of IQM's shapes: an array, "1,2" or "[1,2]", which portable SQL can't read). Runs once, on
 * upgrade; a new database has nothing to fill.
 */
public class V73__Backfill_campaign_audience extends BaseJavaMigration {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    @Override
    public void migrate(Context context) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Connection c = context.getConnection();
        try (Statement select = c.createStatement();
                ResultSet rs = select.executeQuery("SELECT id, ow_id, settings FROM campaign");
                PreparedStatement link = c.prepareStatement(
                        "INSERT INTO campaign_audience (campaign_id, audience_id, ow_id) VALUES (?, ?, ?)")) {
            while (rs.next()) {
                JsonNode audiences = json.readTree(rs.getString(3)).get("whiteListedAudienceIds");
                if (audiences == null || audiences.isNull()) {
                    continue;
                }
                Set<Long> ids = new LinkedHashSet<>();
                Matcher m = ID.matcher(audiences.isString() ? audiences.stringValue() : audiences.toString());
                while (m.find()) {
                    ids.add(Long.parseLong(m.group()));
                }
                for (long id : ids) {
                    link.setLong(1, rs.getLong(1));
                    link.setLong(2, id);
                    link.setLong(3, rs.getLong(2));
                    link.addBatch();
                }
            }
            link.executeBatch();
        }
    }
}
