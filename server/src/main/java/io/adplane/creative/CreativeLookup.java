package io.adplane.creative;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What campaign rules need of creatives (D14): for one organization, the given ids' status and type, in one query. */
@Component
public class CreativeLookup {

    /** A creative's id, status (2 = running) and platform creative type. */
    public record CreativeFacts(long id, int statusId, int creativeTypeId) {
    }

    private final JdbcClient jdbc;

    CreativeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The creatives of {@code ids} that belong to {@code owId} and are not deleted. */
    public List<CreativeFacts> find(long owId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT creative_id, creative_status_id, platform_creative_type_id FROM creative
                WHERE ow_id = :owId AND creative_id IN (:ids) AND creative_status_id <> 4""")
                .param("owId", owId).param("ids", ids)
                .query((rs, n) -> new CreativeFacts(rs.getLong(1), rs.getInt(2), rs.getInt(3))).list();
    }
}
