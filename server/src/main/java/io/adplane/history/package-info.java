/**
 * Change history (beyond IQM): who changed which field of an IO, campaign or creative, when, in which request.
 * The write paths of those features record into {@link io.adplane.history.ChangeLog}; they serve it as
 * {@code GET /api/v3/cmp/campaign/{id}/changes}, {@code GET /api/v3/cmp/io/{id}/changes} and
 * {@code GET /api/v3/crt/creatives/{id}/changes}.
 */
package io.adplane.history;
