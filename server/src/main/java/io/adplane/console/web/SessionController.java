package io.adplane.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.adplane.api.ApiException;
import io.adplane.auth.Caller;
import io.adplane.auth.ConsoleCookies;
import io.adplane.auth.LoginService;
import io.adplane.console.ConsoleDirectory;
import io.swagger.v3.oas.annotations.Hidden;

/** Signing in and out of the console, and choosing the organization it acts for. */
@Controller
@Hidden
class SessionController {

    private final LoginService logins;
    private final ConsoleDirectory directory;

    SessionController(LoginService logins, ConsoleDirectory directory) {
        this.logins = logins;
        this.directory = directory;
    }

    @GetMapping("/console/login")
    String loginPage() {
        return Caller.current().isPresent() ? "redirect:/console" : "console/login";
    }

    /**
     * The password login of the workspace the browser reached, through the API's login service: the same
     * messages, throttle (429 with {@code Retry-After}) and budgets.
     */
    @PostMapping("/console/login")
    String login(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            LoginService.ConsoleLogin login = logins.consoleLogin(request.getHeader(HttpHeaders.HOST), email, password,
                    request.getRemoteAddr());
            ConsoleCookies.login(request, response, login);
            return "redirect:/console";
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            e.headers().forEach(response::setHeader);
            model.addAttribute("email", email);
            model.addAttribute("problems", Pages.problems(e));
            return "console/login";
        }
    }

    @PostMapping("/console/logout")
    String logout(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        logins.logout(caller);
        ConsoleCookies.clear(request, response);
        return "redirect:/console/login";
    }

    /** The switcher: only an organization the user may act for (the gate checks it again on every request). */
    @PostMapping("/console/organization")
    String actFor(Caller caller, @RequestParam long owId, HttpServletRequest request, HttpServletResponse response) {
        if (directory.choices(caller).stream().noneMatch(c -> c.owId() == owId)) {
            throw ApiException.forbidden("You may not act for organization " + owId + ".");
        }
        ConsoleCookies.actFor(request, response, owId);
        return "redirect:/console";
    }
}
