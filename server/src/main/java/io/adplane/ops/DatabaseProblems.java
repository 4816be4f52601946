package io.adplane.ops;

import java.sql.SQLException;

/** A failed connection as one sentence naming the setting to fix, from the driver's SQLSTATE. */
public final class DatabaseProblems {

    private DatabaseProblems() {
    }

    public static String describe(String url, String user, SQLException e) {
        String where = DatabaseUrls.redact(url);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        if (state.equals("28P01")) {
            return "the database refused user '" + user + "': wrong password (ADPLANE_DB_PASSWORD) for " + where;
        }
        if (state.equals("28000")) {
            return first.contains("does not exist")
                    ? "the database has no role '" + user + "' (ADPLANE_DB_USER) at " + where
                    : "the database refused user '" + user + "' (ADPLANE_DB_USER, ADPLANE_DB_PASSWORD) at " + where + ": " + first;
        }
        if (state.equals("3D000")) {
            return "the database in ADPLANE_DB_URL does not exist: " + first + " (" + where + "); create it first";
        }
        if (state.startsWith("08")) {
            return "cannot reach the database at " + where + " (ADPLANE_DB_URL): " + first;
        }
        if (state.equals("90020")) {
            return "the embedded database " + where + " is in use by another process that does not share it; stop it first";
        }
        if (state.equals("90146") || state.equals("90013")) {
            return "the database " + where + " does not exist";
        }
        if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            return "ADPLANE_DB_URL '" + where + "' is not a database URL adplane supports: use jdbc:postgresql://host:5432/database";
        }
        return "cannot open the database at " + where + " (ADPLANE_DB_URL): " + first;
    }
}
