package io.adplane.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that turns an {@link ApiException} into an HTTP answer, for controllers and filters alike.
 * Paths under {@code /api/v2/} get the v2 envelope, everything else the v3 envelope (D4). The HTTP status
 * always equals the status in the body.
 */
@Component
public class ErrorRenderer {

    private final JsonMapper json;

    public ErrorRenderer(JsonMapper json) {
        this.json = json;
    }

    public ResponseEntity<Object> toResponse(String path, ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(body(path, e), headers, e.status());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        response.setStatus(e.status().value());
        e.headers().forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(request.getRequestURI(), e));
    }

    /** The envelope of {@code e} as JSON text, for writers outside the servlet API (the container's error report). */
    public String json(String path, ApiException e) {
        return json.writeValueAsString(body(path, e));
    }

    private static Object body(String path, ApiException e) {
        return isV2(path) ? V2Response.error(e) : V3Response.error(e);
    }

    static boolean isV2(String path) {
        return path != null && path.startsWith("/api/v2/");
    }
}
