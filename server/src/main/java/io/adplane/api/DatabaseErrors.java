package io.adplane.api;

import java.sql.SQLException;
import java.util.Locale;

import org.springframework.dao.DataAccessException;

/** What a database error says about the request, in the API's terms. */
final class DatabaseErrors {

    private DatabaseErrors() {
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
