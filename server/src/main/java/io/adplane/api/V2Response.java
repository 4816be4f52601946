package io.adplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code /api/v2} envelope: {@code {statusCode, responseObject}} (D4). */
public record V2Response<T>(int statusCode, T responseObject) {

    public static <T> V2Response<T> ok(T responseObject) {
        return new V2Response<>(200, responseObject);
    }

    /** The seed's quirk for campaign create and update: HTTP 200 with {@code statusCode: 201}. */
    public static <T> V2Response<T> created(T responseObject) {
        return new V2Response<>(201, responseObject);
    }

    public static V2Response<V2Error> error(ApiException e) {
        return new V2Response<>(e.status().value(),
                new V2Error(e.getMessage(), e.status().value(), e.field()));
    }

    /** A v2 error body: {@code {errorMsg, errorCode, errorField?}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record V2Error(String errorMsg, int errorCode, String errorField) {
    }
}
