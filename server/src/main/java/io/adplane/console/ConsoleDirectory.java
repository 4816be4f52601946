package io.adplane.console;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.adplane.auth.Caller;
import io.adplane.tenancy.TenancyRepository;

/** The organizations the console's switcher offers: those the user may act for, by name. */
@Component
public class ConsoleDirectory {

    /** How many organizations the switcher lists; the rest are reached through links that name them. */
    public static final int SWITCHER_LIMIT = 200;

    private final JdbcClient jdbc;
    private final TenancyRepository tenancy;

    ConsoleDirectory(JdbcClient jdbc, TenancyRepository tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** One organization in the switcher. */
    public record Choice(long owId, String name, int depth) {
    }

    /** The organizations the caller may act for, the tree's top first, at most {@link #SWITCHER_LIMIT}. */
    public List<Choice> choices(Caller caller) {
        List<Long> allowed = tenancy.allowedOwIds(caller.userId(), caller.workspaceId());
        if (allowed.isEmpty()) {
            return List.of();
        }
        List<Long> shown = allowed.size() > SWITCHER_LIMIT ? allowed.subList(0, SWITCHER_LIMIT) : allowed;
        List<Choice> found = jdbc.sql("SELECT ow_id, name, path FROM organization WHERE workspace_id = :ws AND ow_id IN (:ids) "
                        + "ORDER BY path")
                .param("ws", caller.workspaceId()).param("ids", shown)
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2),
                        (int) rs.getString(3).chars().filter(c -> c == '/').count()))
                .list();
        int top = found.stream().mapToInt(Choice::depth).min().orElse(0);
        return found.stream().map(c -> new Choice(c.owId(), c.name(), c.depth() - top)).toList();
    }

    /** The acting organization's name. */
    public String organizationName(Caller caller) {
        return tenancy.organization(caller.owId()).orElseThrow().name();
    }
}
