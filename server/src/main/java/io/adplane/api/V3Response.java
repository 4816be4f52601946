package io.adplane.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code /api/v3} envelope: {@code {success, data, errorObjects}} (D4). Absent parts are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record V3Response<T>(boolean success, T data, List<ErrorObject> errorObjects) {

    public static <T> V3Response<T> ok(T data) {
        return new V3Response<>(true, data, null);
    }

    public static V3Response<Object> error(ApiException e) {
        return new V3Response<>(false, e.data(), List.of(new ErrorObject(e.getMessage(), e.reason(), e.field())));
    }
}
