package io.adplane.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.adplane.api.Paging;

/** The SQL of organization profiles, advertiser profiles and the workspace's white-label settings. */
@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OrganizationProfile profile(long owId) {
        return jdbc.sql("""
                SELECT name, email, website, contact_number, address, city, state_id, country_id, zipcode, logo_url,
                       industry_id, company_size_id, company_id, tax_id, currency, date_format, description, expertize,
                       timezone_id, vertical_id
                FROM organization WHERE ow_id = ?""")
                .param(owId)
                .query((rs, n) -> new OrganizationProfile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, Long.class),
                        rs.getObject(8, Long.class), rs.getString(9), rs.getString(10), rs.getObject(11, Integer.class),
                        rs.getObject(12, Integer.class), rs.getString(13), rs.getString(14), rs.getString(15),
                        rs.getString(16), rs.getString(17), rs.getString(18), rs.getInt(19),
                        rs.getObject(20, Integer.class), rs.getString(10) != null))
                .single();
    }

    /** Sets the columns named (SQL column to value); a null value clears nothing (it is not in the map). */
    void updateProfile(long owId, Map<String, Object> columns, long now) {
        if (columns.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE organization SET modified_at = :now");
        for (String column : columns.keySet()) {
            sql.append(", ").append(column).append(" = :").append(column);
        }
        var spec = jdbc.sql(sql + " WHERE ow_id = :owId");
        columns.forEach(spec::param);
        spec.param("now", now).param("owId", owId).update();
    }

    void clearLogo(long owId) {
        jdbc.sql("UPDATE organization SET logo_url = NULL WHERE ow_id = ?").param(owId).update();
    }

    void clearBranding(long workspaceId, boolean smallFavicon, boolean largeFavicon, boolean landingPage) {
        if (smallFavicon) {
            jdbc.sql("UPDATE workspace SET small_favicon_url = NULL WHERE id = ?").param(workspaceId).update();
        }
        if (largeFavicon) {
            jdbc.sql("UPDATE workspace SET large_favicon_url = NULL WHERE id = ?").param(workspaceId).update();
        }
        if (landingPage) {
            jdbc.sql("UPDATE workspace SET landing_page_url = NULL WHERE id = ?").param(workspaceId).update();
        }
    }

    void setSupportEmail(long workspaceId, String email) {
        jdbc.sql("UPDATE workspace SET support_email = ? WHERE id = ?").params(email, workspaceId).update();
    }

    // --- advertiser profiles

    /** The fields of an advertiser profile. */
    record Advertiser(String advertiserName, String website, String chiefName, String contactNumber, String address,
            String politicalIdentifier, String legalInfo, List<String> links) {
    }

    long insertAdvertiser(long owId, Advertiser a, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO advertiser_profile (ow_id, advertiser_name, website, chief_name, contact_number, address,
                    political_identifier, legal_info, links, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(owId, a.advertiserName(), a.website(), a.chiefName(), a.contactNumber(), a.address(),
                        a.politicalIdentifier(), a.legalInfo(), String.join("\n", a.links()), now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateAdvertiser(long owId, long id, Advertiser a) {
        return jdbc.sql("""
                UPDATE advertiser_profile SET advertiser_name = ?, website = ?, chief_name = ?, contact_number = ?,
                    address = ?, political_identifier = ?, legal_info = ?, links = ?
                WHERE id = ? AND ow_id = ?""")
                .params(a.advertiserName(), a.website(), a.chiefName(), a.contactNumber(), a.address(),
                        a.politicalIdentifier(), a.legalInfo(), String.join("\n", a.links()), id, owId)
                .update() == 1;
    }

    Optional<AdvertiserProfile> advertiser(long owId, long id) {
        return jdbc.sql("SELECT * FROM advertiser_profile WHERE id = ? AND ow_id = ?").params(id, owId)
                .query(OrganizationRepository::advertiser).optional();
    }

    boolean deleteAdvertiser(long owId, long id) {
        return jdbc.sql("DELETE FROM advertiser_profile WHERE id = ? AND ow_id = ?").params(id, owId).update() == 1;
    }

    List<AdvertiserProfile> advertisers(long owId, List<Long> ids, String search, int limit, long offset) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = advertiserWhere(owId, ids, search, params);
        var spec = jdbc.sql("SELECT * FROM advertiser_profile" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
        params.forEach(spec::param);
        return spec.param("limit", limit).param("offset", offset).query(OrganizationRepository::advertiser).list();
    }

    long countAdvertisers(long owId, List<Long> ids, String search) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = advertiserWhere(owId, ids, search, params);
        var spec = jdbc.sql("SELECT COUNT(*) FROM advertiser_profile" + where);
        params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    private static String advertiserWhere(long owId, List<Long> ids, String search, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE ow_id = :owId");
        params.put("owId", owId);
        if (!ids.isEmpty()) {
            where.append(" AND id IN (:ids)");
            params.put("ids", ids);
        }
        if (search != null && !search.isBlank()) {
            where.append(" AND LOWER(advertiser_name) LIKE :search ESCAPE '\\'");
            params.put("search", Paging.likePattern(search));
        }
        return where.toString();
    }

    private static AdvertiserProfile advertiser(ResultSet rs, int n) throws SQLException {
        String links = rs.getString("links");
        return new AdvertiserProfile(rs.getLong("ow_id"), rs.getString("advertiser_name"), rs.getString("website"),
                rs.getString("chief_name"), rs.getString("contact_number"), rs.getString("address"),
                rs.getString("political_identifier"), rs.getLong("id"), rs.getString("legal_info"),
                links == null || links.isEmpty() ? List.of() : Arrays.asList(links.split("\n")));
    }

    // --- the workspace

    /** The white-label columns of a workspace. */
    record Branding(String domain, String whitelabelDomain, String pixelUrl, String smallFavicon, String largeFavicon,
            String landingPage, boolean includeOrgName, String headerUrls, String footerUrls) {
    }

    Branding branding(long workspaceId) {
        return jdbc.sql("""
                SELECT domain, whitelabel_domain, pixel_url, small_favicon_url, large_favicon_url, landing_page_url,
                       include_org_name, header_urls, footer_urls
                FROM workspace WHERE id = ?""")
                .param(workspaceId)
                .query((rs, n) -> new Branding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9)))
                .single();
    }

    /** Sets the named workspace columns. */
    void updateWorkspace(long workspaceId, Map<String, Object> columns) {
        if (columns.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE workspace SET ");
        String sep = "";
        for (String column : columns.keySet()) {
            sql.append(sep).append(column).append(" = :").append(column);
            sep = ", ";
        }
        var spec = jdbc.sql(sql + " WHERE id = :id");
        columns.forEach(spec::param);
        spec.param("id", workspaceId).update();
    }

    /** True when another workspace than {@code workspaceId} uses {@code domain} as its domain or white-label domain. */
    boolean domainTaken(String domain, long workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM workspace WHERE (domain = :d OR whitelabel_domain = :d) AND id <> :id")
                .param("d", domain).param("id", workspaceId).query(Long.class).single() > 0;
    }
}
