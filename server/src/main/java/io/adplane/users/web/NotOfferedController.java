package io.adplane.users.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.users.NotOffered;

/** IQM services a self-hosted server does not run (U1): each answers 501, never a made-up success. */
@RestController
class NotOfferedController {

    private static final String CHATBOT = "IQM's support chatbot is IQM's own service; adplane has none.";
    private static final String METABASE = "Metabase reporting credentials belong to IQM's hosted analytics.";
    private static final String EVENTS = "adplane does not track users' interactions with a web console.";

    @GetMapping({"/api/v3/ua/chatbot", "/api/v3/ua/st/chatbot"})
    V3Response<String> chatbot(Caller caller) {
        throw NotOffered.because(CHATBOT);
    }

    @PostMapping("/api/v3/ua/ext/metabase-details")
    V3Response<String> metabase(Caller caller) {
        throw NotOffered.because(METABASE);
    }

    @PutMapping("/api/v3/ua/interaction/event")
    V3Response<String> upsertInteraction(Caller caller) {
        throw NotOffered.because(EVENTS);
    }

    @GetMapping("/api/v3/ua/interaction/events")
    V3Response<String> interactions(Caller caller) {
        throw NotOffered.because(EVENTS);
    }
}
