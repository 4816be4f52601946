package io.adplane.users;

import java.util.List;

/** The page of {@code users/basic/list}, with how many of the organization's users have MFA on and off. */
public record BasicUserPage(long totalRecords, long filteredRecords, long mfaDisabledCount, long mfaEnabledCount,
        List<BasicUser> usersBasicList) {
}
