/**
 * Workspace administration over IQM's User API: customers (the organizations under a workspace), their users,
 * invitations, organization profiles and the User API's static lists. The tables are tenancy's.
 */
package io.adplane.users;
