package io.adplane.users.web;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.auth.Caller;
import io.adplane.users.MfaResult;
import io.adplane.users.MfaSettings;

/** Turning TOTP on and off for users. */
@RestController
class MfaController {

    private final MfaSettings mfa;

    MfaController(MfaSettings mfa) {
        this.mfa = mfa;
    }

    /** The users to change. */
    record Users(List<Long> userIds) {
    }

    @PostMapping("/api/v3/ua/mfa/enable")
    V3Response<MfaResult> enable(Caller caller, @RequestBody Users body) {
        return V3Response.ok(mfa.enable(caller, body.userIds()));
    }

    @PostMapping("/api/v3/ua/mfa/disable")
    V3Response<MfaResult.Disabled> disable(Caller caller, @RequestBody Users body) {
        return V3Response.ok(mfa.disable(caller, body.userIds()));
    }
}
