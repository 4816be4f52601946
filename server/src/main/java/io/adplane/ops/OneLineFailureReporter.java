package io.adplane.ops;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Prints why adplane could not start as one line on standard error, {@code adplane: cannot start: ...}, for
 * every failure Spring Boot or {@link StartupFailureAnalyzer} could explain (Boot's multi-line report is
 * turned off in application.yml). Unexplained failures keep their stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OneLineFailureReporter implements FailureAnalysisReporter {

    public static final String PREFIX = "adplane: cannot start: ";

    @Override
    public void report(FailureAnalysis analysis) {
        System.err.println(line(analysis));
        System.err.flush();
    }

    static String line(FailureAnalysis analysis) {
        String text = analysis.getDescription().strip();
        String action = analysis.getAction();
        if (action != null && !action.isBlank()) {
            text = text + " (" + action.strip() + ")";
        }
        return PREFIX + text.replaceAll("\\s*\\R\\s*", " ");
    }
}
