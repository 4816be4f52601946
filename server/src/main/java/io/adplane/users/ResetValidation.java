package io.adplane.users;

import org.jspecify.annotations.Nullable;

/** Whether a password-reset link still works ({@code user/reset-password/validate}). */
public record ResetValidation(@Nullable String resetEmail, @Nullable String invalidReason, boolean valid) {
}
