package io.adplane.ops;

/**
 * A reason adplane cannot start, as one line an operator can act on (which setting, what is wrong with it).
 * {@link OneLineFailureReporter} prints it instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

    public StartupProblem(String message) {
        super(message, null, false, false);
    }
}
