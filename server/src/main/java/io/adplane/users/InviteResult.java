package io.adplane.users;

import java.util.List;

/** The answer of an invite request: which emails were invited, which not, and IQM's message. */
public record InviteResult(List<String> successfulEmails, List<String> failedEmails, String message) {
}
