/** The audit trail of domain events: one log line per change, delivered through the event publication registry. */
package io.adplane.audit;
