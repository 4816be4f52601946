package io.adplane.users;

import java.util.List;

/** The page of {@code admin-users/list}. */
public record AdminUserPage(long totalRecords, long filteredRecords, List<AdminUser> adminUsersList) {

    /** An admin of the organization. */
    public record AdminUser(String userName, long userId) {
    }
}
