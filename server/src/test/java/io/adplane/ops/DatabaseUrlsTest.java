package io.adplane.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

    @Test
    void aLibpqUrlBecomesJdbcWithItsUserAndPassword() {
        assertThat(DatabaseUrls.fromLibpq("postgres://ads:s%40cret@db.example.com:6543/adplane?sslmode=require"))
                .isEqualTo(new DatabaseUrls.Jdbc("jdbc:postgresql://db.example.com:6543/adplane?sslmode=require", "ads", "s@cret"));
        assertThat(DatabaseUrls.fromLibpq("postgresql://db/adplane"))
                .isEqualTo(new DatabaseUrls.Jdbc("jdbc:postgresql://db/adplane", null, null));
        assertThat(DatabaseUrls.fromLibpq("postgresql://ads@h1:5432,h2:5432/adplane"))
                .isEqualTo(new DatabaseUrls.Jdbc("jdbc:postgresql://h1:5432,h2:5432/adplane", "ads", null));
        assertThat(DatabaseUrls.isLibpq("jdbc:postgresql://db/adplane")).isFalse();
    }

    @Test
    void passwordsAreRedacted() {
        assertThat(DatabaseUrls.redact("jdbc:postgresql://db/adplane?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/adplane?user=a&password=***&ssl=true");
        assertThat(DatabaseUrls.redact("postgres://ads:secret@db/adplane")).isEqualTo("postgres://ads:***@db/adplane");
    }

    @Test
    void theEmbeddedDatabaseFile() {
        assertThat(DatabaseUrls.h2File("jdbc:h2:file:/var/lib/adplane/adplane;MODE=PostgreSQL").toString())
                .isEqualTo("/var/lib/adplane/adplane.mv.db");
        assertThat(DatabaseUrls.isH2File("jdbc:h2:mem:x")).isFalse();
        assertThat(DatabaseUrls.isH2File("jdbc:h2:./data/adplane")).isTrue();
    }
}
