package io.adplane.users;

import java.util.List;

/** Which users' MFA was turned on and which not ({@code mfa/enable}). */
public record MfaResult(List<Long> mfaEnabledSuccessfully, List<Long> mfaEnablingFailed) {

    /** Which users' MFA was turned off and which not ({@code mfa/disable}). */
    public record Disabled(List<Long> mfaDisabledSuccessfully, List<Long> mfaDisablingFailed) {
    }
}
