package ai.truedy.loader.support;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The cluster tests' PostgreSQL: the configured one when it answers, else an embedded one. */
@Tag("database") // one PostgreSQL for all: these run one after the other (pom.xml)
class TestPostgresTest {

    @RegisterExtension
    final CapturedStderr log = new CapturedStderr();

    @Test
    void starts_an_embedded_postgresql_when_none_answers_at_the_configured_address() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "PostgreSQL refuses to run as root: the embedded server is tried when the tests run as a user");
        String nowhere = "jdbc:postgresql://127.0.0.1:" + LoaderProcess.freePort() + "/loader_test";

        try (TestPostgres postgres = TestPostgres.reach(nowhere, "postgres", "")) {
            assertThat(postgres.embedded()).isTrue();
            assertThat(postgres.url()).isNotEqualTo(nowhere);
            assertThat(TestDatabase.queryOne(postgres.url(), "SELECT current_setting('server_version_num')::int >= 140000"))
                    .isEqualTo("t");
        }
        assertThat(log.text()).contains("No PostgreSQL answered at " + nowhere, "the cluster tests use an embedded PostgreSQL at");
    }

    @Test
    void a_server_that_answers_but_refuses_the_user_is_an_error_not_a_reason_to_start_another() {
        assumeFalse(TestDatabase.embedded(), "no PostgreSQL answers at the configured address here");

        assertThatThrownBy(() -> TestPostgres.reach(TestDatabase.url(), "no_such_user", "wrong"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("answered but cannot be used as user no_such_user")
                .hasMessageContaining("-Dloader.test.jdbc-user");
    }
}
