package io.adplane.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void theStandardCostIsArgon2idAtOwaspsFloor() {
        Passwords standard = new Passwords("standard");
        String hash = standard.hash("correct-horse-9");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(standard.matches("correct-horse-9", hash)).isTrue();
        assertThat(standard.matches("wrong-horse-9", hash)).isFalse();
        assertThat(standard.needsRehash(hash)).isFalse();
    }

    @Test
    void theLowCostIsCheapAndUpgradedUnderTheStandardOne() {
        Passwords low = new Passwords("LOW");
        String cheap = low.hash("correct-horse-9");
        assertThat(cheap).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        Passwords standard = new Passwords("standard");
        assertThat(standard.matches("correct-horse-9", cheap)).isTrue();
        assertThat(standard.needsRehash(cheap)).isTrue();
        assertThat(low.matches("correct-horse-9", standard.hash("correct-horse-9"))).isTrue();
        assertThat(low.needsRehash(standard.hash("x-password-1"))).isFalse();
    }

    @Test
    void anUnknownUserIsCheckedAgainstADummyWithTheParametersOfARealHash() {
        for (String cost : new String[] {"standard", "low"}) {
            Passwords passwords = new Passwords(cost);
            String real = passwords.hash("correct-horse-9");
            String dummy = passwords.dummyHash();
            assertThat(dummy.substring(0, dummy.indexOf("$", 16))).isEqualTo(real.substring(0, real.indexOf("$", 16)));
            assertThat(dummy.length()).isEqualTo(real.length());
            assertThat(passwords.needsRehash(dummy)).isFalse();
            assertThat(passwords.matches("correct-horse-9", null)).isFalse();
            assertThat(passwords.matches(dummy, null)).isFalse();
        }
    }

    @Test
    void anUnknownCostIsRefusedByName() {
        assertThatThrownBy(() -> new Passwords("cheap")).hasMessage("adplane.passwords.cost must be 'standard' or 'low', not 'cheap'");
    }
}
