package io.adplane.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Renders errors raised outside Spring MVC (by the servlet container) in the same envelopes. */
@RestController
class ApiErrorController implements ErrorController {

    private final ErrorRenderer renderer;

    ApiErrorController(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (code == null) {
            // Asked for directly, not forwarded to by the container: there is no such resource.
            return renderer.toResponse(request.getRequestURI(), ApiException.notFound(null, "Resource not found."));
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        ApiException e = forStatus(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
        return renderer.toResponse(uri == null ? request.getRequestURI() : uri.toString(), e);
    }

    /** The envelope's error for a status the container chose. */
    static ApiException forStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ApiException.notFound(null, "Resource not found.");
            case CONTENT_TOO_LARGE -> RequestLimits.tooLarge();
            case INTERNAL_SERVER_ERROR -> ApiExceptionHandler.serverError();
            default -> new ApiException(status, status.getReasonPhrase() + ".");
        };
    }
}
