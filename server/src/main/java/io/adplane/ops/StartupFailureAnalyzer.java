package io.adplane.ops;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns the failures an operator can fix into one sentence: a {@link StartupProblem} from {@link StartupChecks},
 * a database that refuses or cannot be reached later in the start (found anywhere in the cause chain), and a
 * port taken between the early check and the web server's start.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem p) {
                return new FailureAnalysis(p.getMessage(), null, p);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || sql.getSQLState().startsWith("08") || sql.getSQLState().equals("3D000"))) {
                return new FailureAnalysis(DatabaseProblems.describe("the configured database", "", sql), null, sql);
            }
            if (t.getClass().getName().equals("org.springframework.boot.web.server.PortInUseException")) {
                return new FailureAnalysis(t.getMessage() + ": stop the other program, or set SERVER_PORT to a free port", null, t);
            }
        }
        return null;
    }
}
