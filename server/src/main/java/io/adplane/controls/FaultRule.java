package io.adplane.controls;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A fault rule of a workspace (E3): requests whose method and path match wait {@code delay}, then get
 * {@code status} (when set) in the envelope of their API, for {@code share} of the matching requests.
 *
 * @param id the rule's number within its workspace
 * @param method an HTTP method, or {@code *} for any
 * @param path a path pattern ({@code /api/v3/cmp/io/{ioId}}, {@code /api/v3/cmp/**})
 * @param status the status to answer, 400 to 599; null for a delay alone
 * @param delay how long to wait first, as written ({@code 250ms}, {@code 2s}); null for none
 * @param share of the matching requests the rule applies to, 0 to 1
 */
@JsonPropertyOrder({"id", "method", "path", "status", "delay", "share"})
public record FaultRule(int id, String method, String path, @Nullable Integer status, @Nullable String delay,
        double share) {
}
