package io.adplane.users.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.adplane.api.V3Response;
import io.adplane.users.AcceptedInvitation;
import io.adplane.users.InvitationDetails;
import io.adplane.users.Invitations;
import io.adplane.users.ResetValidation;

/**
 * What an emailed link leads to, before any login (U5): invitations and password resets. Each answers only to
 * the holder of the link's token; asking for a reset answers the same for any email.
 */
@RestController
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** A link's token. */
    record HashBody(String inviteHash, String invitationToken) {

        String token() {
            return inviteHash != null ? inviteHash : invitationToken;
        }
    }

    @PostMapping("/api/v3/ua/invite/validate")
    V3Response<InvitationDetails> validate(@RequestBody HashBody body) {
        return V3Response.ok(invitations.validate(body.token()));
    }

    /** The invitation link itself: what it invites to. */
    @GetMapping("/api/v3/ua/invite/accept")
    V3Response<InvitationDetails> link(@RequestParam(required = false) String inviteHash) {
        return V3Response.ok(invitations.validate(inviteHash));
    }

    @PostMapping("/api/v3/ua/invite/accept")
    V3Response<AcceptedInvitation> accept(@RequestBody Invitations.Acceptance body) {
        return V3Response.ok(invitations.accept(body));
    }

    /** An email address. */
    record EmailBody(String email) {
    }

    @PostMapping("/api/v3/ua/user/reset-password")
    V3Response<String> requestReset(@RequestBody EmailBody body) {
        return V3Response.ok(invitations.requestReset(body.email()));
    }

    @PostMapping("/api/v3/ua/user/reset-password/validate")
    V3Response<ResetValidation> validateReset(@RequestBody HashBody body) {
        return V3Response.ok(invitations.validateReset(body.token()));
    }

    /** The reset link itself: whether it still works. */
    @GetMapping("/api/v3/ua/user/reset-password/complete")
    V3Response<ResetValidation> resetLink(@RequestParam(required = false) String inviteHash) {
        return V3Response.ok(invitations.validateReset(inviteHash));
    }

    @PostMapping("/api/v3/ua/user/reset-password/complete")
    V3Response<String> completeReset(@RequestBody Invitations.ResetCompletion body) {
        return V3Response.ok(invitations.completeReset(body));
    }

    @PostMapping("/api/v3/ua/find-my-workspace")
    V3Response<String> findMyWorkspace(@RequestBody EmailBody body) {
        return V3Response.ok(invitations.findMyWorkspace(body.email()));
    }

    @PostMapping("/api/v3/ua/workspace")
    V3Response<String> createWorkspace(@RequestBody Invitations.WorkspaceRequest body) {
        return V3Response.ok(invitations.createWorkspace(body));
    }
}
