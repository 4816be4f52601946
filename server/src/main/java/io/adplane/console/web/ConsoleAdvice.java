package io.adplane.console.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.console.ConsoleDirectory;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * What every console page knows (who is signed in, for which organization, what they may do) and how a
 * rejection that no form catches is shown: as a page with the API's own message and status. Ahead of the
 * API's JSON error handling, for the console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@Hidden // its pages are no answers of the API's operations
class ConsoleAdvice {

    private final ConsoleDirectory directory;
    private final boolean controlsEnabled;

    ConsoleAdvice(ConsoleDirectory directory, java.util.Optional<io.adplane.controls.Controls> controls) {
        this.directory = directory;
        this.controlsEnabled = controls.isPresent();
    }

    /** The signed-in user as the page header shows them. */
    record Me(String email, String role, long owId, String organizationName, boolean canWrite, boolean canApprove,
            List<ConsoleDirectory.Choice> organizations, boolean admin, boolean controls) {
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("fmt", new Formats());
        Caller.current().ifPresent(caller -> model.addAttribute("me", new Me(caller.email(), caller.role().code(),
                caller.owId(), directory.organizationName(caller), caller.role().writes(), caller.canApprove(),
                directory.choices(caller), caller.role() == io.adplane.tenancy.Role.ADMIN,
                controlsEnabled && caller.isWorkspaceOwnerAdmin())));
    }

    @ExceptionHandler(ApiException.class)
    String rejected(ApiException e, Model model, HttpServletResponse response) {
        Pages.Problem problem = Pages.Problem.of(e);
        // 422 for an id that is missing or another organization's: to the console, both are "not found" (D5).
        int status = problem.status() == 422 && problem.field() != null && problem.field().toLowerCase().endsWith("id")
                ? 404 : problem.status();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", status == 404 ? "Not found." : problem.message());
        return "console/error";
    }

    /** A parameter of a console URL or form that is missing or not of its type: a page, not the API's JSON. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String malformed(Exception e, Model model, HttpServletResponse response) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return rejected(ApiException.badRequest(name, "'" + name + "' is missing or malformed."), model, response);
    }

    /** Time formatting for the templates. */
    static final class Formats {
        public String ms(Long epochMillis) {
            return Pages.millis(epochMillis);
        }

        public String s(Long epochSeconds) {
            return Pages.seconds(epochSeconds);
        }
    }
}
