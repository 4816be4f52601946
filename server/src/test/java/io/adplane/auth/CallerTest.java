package io.adplane.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.adplane.api.ApiException;
import io.adplane.tenancy.Role;

/** D16: who may approve, and who may write. */
class CallerTest {

    private static final long OWNER = 200001;
    private static final long CUSTOMER = 200002;

    private static Caller caller(Role role, long memberOwId, long actingOwId) {
        return new Caller(1, 1, "u@example.com", 1, OWNER, actingOwId, 100001, role, memberOwId);
    }

    @Test
    void approversAboveTheOrganizationMayApprove() {
        assertThat(caller(Role.APPROVER, OWNER, CUSTOMER).canApprove()).isTrue();
        assertThat(caller(Role.ADMIN, OWNER, CUSTOMER).canApprove()).isTrue();
        assertThat(caller(Role.EDITOR, OWNER, CUSTOMER).canApprove()).isFalse();
    }

    @Test
    void inItsOwnOrganizationOnlyTheWorkspaceOwnerApproves() {
        assertThat(caller(Role.APPROVER, CUSTOMER, CUSTOMER).canApprove()).isFalse();
        assertThat(caller(Role.ADMIN, OWNER, OWNER).canApprove()).isTrue();
    }

    @Test
    void viewersMayNotWrite() {
        assertThatThrownBy(() -> caller(Role.VIEWER, CUSTOMER, CUSTOMER).requireWrite())
                .isInstanceOf(ApiException.class).hasMessage("Forbidden!");
        caller(Role.EDITOR, CUSTOMER, CUSTOMER).requireWrite();
    }
}
