/**
 * adplane's emulator controls (E1–E9): reset to the bootstrap state, fixtures, the request journal, and fault and
 * latency injection. On in emulator mode, off in production ({@code adplane.controls.enabled}); over HTTP under
 * {@code /api/v3/adplane/} for workspace-owner admins, and as {@code ./adplane admin} commands.
 */
package io.adplane.controls;
