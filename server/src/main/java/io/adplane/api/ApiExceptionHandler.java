package io.adplane.api;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every exception a request can end in to IQM's envelopes (D4, D5). Nothing of the exception's
 * internals (class names, SQL, stack traces) reaches the client.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorRenderer renderer;

    ApiExceptionHandler(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return render(request, e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return render(request, JsonErrors.describe(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        FieldError fe = e.getBindingResult().getFieldError();
        if (fe == null) {
            return render(request, ApiException.badRequest(null, "Invalid request."));
        }
        return render(request, ApiException.badRequest(fe.getField(),
                "Field '" + fe.getField() + "' " + fe.getDefaultMessage() + "."));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        var result = e.getParameterValidationResults().stream().findFirst();
        String name = result.map(r -> r.getMethodParameter().getParameterName()).orElse(null);
        String message = result.flatMap(r -> r.getResolvableErrors().stream().findFirst())
                .map(err -> err.getDefaultMessage()).orElse("is invalid");
        return render(request, ApiException.badRequest(name, "Parameter '" + name + "' " + message + "."));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return render(request, ApiException.badRequest(e.getHeaderName(),
                "Header '" + e.getHeaderName() + "' is required."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return render(request, ApiException.badRequest(e.getParameterName(),
                "Parameter '" + e.getParameterName() + "' is required."));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return render(request, ApiException.badRequest(e.getRequestPartName(),
                "Part '" + e.getRequestPartName() + "' is required."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String type = e.getRequiredType() == null ? "value" : JsonErrors.typeName(e.getRequiredType());
        return render(request, ApiException.badRequest(e.getName(), "'" + e.getName() + "' must be " + type + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return render(request, RequestLimits.unsupportedType(
                e.getContentType() == null ? request.getContentType() : e.getContentType().toString()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return render(request, new ApiException(HttpStatus.NOT_ACCEPTABLE, "Only application/json can be produced."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return render(request, new ApiException(HttpStatus.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not allowed here."));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> noRoute(Exception e, HttpServletRequest request) {
        return render(request, ApiException.notFound(null, "Resource not found."));
    }

    /** A header or parameter the firewall refuses when it is first read (it checks them lazily). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
        return render(request, ApiException.badRequest(null, "Malformed request.")
                .withReason("A header or parameter carries a character that is not allowed."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return render(request, RequestLimits.tooLarge());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, HttpServletRequest request) {
        return render(request, ApiException.badRequest(null, "Malformed multipart request."));
    }

    /**
     * The database could not answer in time: a lock held too long, a statement past its timeout, no free
     * connection, or no database at all. Nothing was written; the client retries after a moment (503, D5).
     */
    @ExceptionHandler({CannotAcquireLockException.class, QueryTimeoutException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<Object> unavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        return render(request, DatabaseErrors.UNAVAILABLE);
    }

    /** An SQL error Spring's translation has no category for: a timeout or lost connection is still a 503. */
    @ExceptionHandler(UncategorizedSQLException.class)
    ResponseEntity<Object> uncategorized(UncategorizedSQLException e, HttpServletRequest request) {
        if (DatabaseErrors.isUnavailable(e)) {
            return unavailable(e, request);
        }
        return fault(e, request);
    }

    /**
     * Two writes that met in the database (a deadlock between lock orders, a serialization failure, a unique key
     * taken in between): nothing was written; the client may retry (D5).
     */
    @ExceptionHandler({ConcurrencyFailureException.class, DuplicateKeyException.class})
    ResponseEntity<Object> concurrent(DataAccessException e, HttpServletRequest request) {
        log.info("Concurrent write refused on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getClass().getSimpleName());
        return render(request, ApiException.conflict(null,
                "The data was changed by another request at the same time; reload it and retry."));
    }

    /**
     * A value the rules let through but a column refused: the rules should have named it first, so this is
     * logged; the client still gets a 400, never a 500, naming the column's field when the database says which.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("A constraint refused input on {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        String field = DatabaseErrors.field(e);
        return render(request, ApiException.badRequest(field, field == null
                ? "A value is too long or out of range for its field."
                : "Field '" + field + "' is too long or out of range."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> fault(Exception e, HttpServletRequest request) {
        log.error("Unhandled fault on {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(request, serverError());
    }

    /** IQM's generic 500 text, space before the '!' included. */
    static ApiException serverError() {
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "server encountered an error !");
    }

    private ResponseEntity<Object> render(HttpServletRequest request, ApiException e) {
        return renderer.toResponse(request.getRequestURI(), e);
    }
}
