package io.adplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of a v3 {@code errorObjects} array. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorObject(String error, String reason, String field) {
}
