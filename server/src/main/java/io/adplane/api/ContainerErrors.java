package io.adplane.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * Answers that Tomcat gives itself, before any filter or controller runs (a header section over the limit, a
 * control character in a header, {@code %2f}, {@code %5c} or {@code %00} in the path), in the API's envelope
 * instead of Tomcat's HTML page (D4). Tomcat's error report valve is replaced by one that renders with
 * {@link ErrorRenderer}.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    /** Runs after Spring Boot's own customizer, which installs the stock valve this one replaces. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports(ErrorRenderer renderer) {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new EnvelopeErrorReportValve(renderer));
            // Otherwise the host adds a stock valve of its own when it starts, as it finds none of that class.
            ((StandardHost) host).setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
        });
    }

    /** Tomcat's error report, as JSON: the same rules as the stock valve for when to write one. */
    static final class EnvelopeErrorReportValve extends ErrorReportValve {

        private final ErrorRenderer renderer;

        EnvelopeErrorReportValve(ErrorRenderer renderer) {
            this.renderer = renderer;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            ApiException error = known == null || known == HttpStatus.BAD_REQUEST
                    ? ApiException.badRequest(null, "Malformed request.")
                            .withReason("The request line or a header could not be read, or is too large.")
                    : ApiErrorController.forStatus(known);
            String path = request.getCoyoteRequest().requestURI().toString();
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(renderer.json(path, error));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the answer is already on its way: nothing more to tell it.
            }
        }
    }
}
