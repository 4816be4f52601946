package io.adplane.users;

import org.springframework.core.env.Environment;

/** The server's address as its emails and stored links name it: {@code adplane.url}, else this server's port. */
final class PublicUrl {

    private PublicUrl() {
    }

    static String base(Environment environment) {
        String base = environment.getProperty("adplane.url", "");
        if (base.isBlank()) {
            base = "http://localhost:" + environment.getProperty("local.server.port",
                    environment.getProperty("server.port", "8080"));
        }
        return base.strip().replaceAll("/+$", "");
    }
}
