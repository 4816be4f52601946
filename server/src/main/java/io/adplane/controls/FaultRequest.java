package io.adplane.controls;

/**
 * The body of {@code POST /api/v3/adplane/faults}: a rule to add ({@link FaultRule} without its id). {@code method}
 * defaults to any, {@code share} to 1; {@code status} or {@code delay} must be given.
 */
public record FaultRequest(String method, String path, Integer status, String delay, Double share) {
}
