package io.adplane.api;

import java.sql.SQLException;
import java.util.Locale;

import org.springframework.dao.DataAccessException;

/** What a database error says about the request, in the API's terms. */
public final class DatabaseErrors {

    /** The answer when the database could not answer in time, or at all. */
    public static final ApiException UNAVAILABLE =
            ApiException.unavailable("The service is busy or its database is unreachable; retry shortly.");

    private DatabaseErrors() {
    }

    /**
     * Whether an error means the database could not answer now (a lock or statement timeout, a lost or refused
     * connection) rather than that the request was wrong: by its SQL state (class 08 connection, 53 resources,
     * 57 operator intervention, 55P03 lock not available, HY008 H2's cancel).
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.equals("55P03") || state.equals("HY008");
            }
            if (t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.dao.CannotAcquireLockException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request field behind the column a constraint names ({@code max_bid} → {@code maxBid}), when the
     * driver reports one; null otherwise.
     */
    static String field(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                    && p.getServerErrorMessage().getColumn() != null) {
                return camel(p.getServerErrorMessage().getColumn());
            }
            if (t instanceof SQLException && t.getMessage() != null) {
                // H2 names the column: Value too long for column "CLICK_URL CHARACTER VARYING(2048)"
                String m = t.getMessage();
                int at = m.indexOf("column \"");
                if (at >= 0) {
                    String rest = m.substring(at + 8);
                    int end = rest.indexOf(' ') >= 0 ? Math.min(rest.indexOf(' '), rest.indexOf('"')) : rest.indexOf('"');
                    if (end > 0) {
                        String column = rest.substring(0, end);
                        return camel(column.contains(".") ? column.substring(column.lastIndexOf('.') + 1) : column);
                    }
                }
            }
        }
        return null;
    }

    private static String camel(String column) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
