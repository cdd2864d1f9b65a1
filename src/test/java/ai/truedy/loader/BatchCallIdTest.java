package ai.truedy.loader;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which batch call a row goes to: its own column, else the inbox sub-folder, else the configured default. */
class BatchCallIdTest extends LoaderTest {

    @BeforeEach
    void setUp() {
        loader.with("truedy.batch-call-id", "bc_default");
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void the_row_column_wins_over_the_folder_and_the_folder_over_the_default() throws Exception {
        loader.drop("bc_folder/list.csv", """
                phone,Batch Call ID
                +12127361000,bc_column
                +12127361001,
                """);
        loader.drop("top-level.csv", """
                phone
                +12127361002
                """);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.requests(api)).extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder(
                "/api/public/v1/batch-calls/bc_column/contacts",
                "/api/public/v1/batch-calls/bc_folder/contacts",
                "/api/public/v1/batch-calls/bc_default/contacts");
    }

    @Test
    void rejects_rows_with_no_batch_call_id_from_any_source() throws Exception {
        loader.with("truedy.batch-call-id", "").drop("list.csv", """
                phone,batch_call_id
                +12127361000,bc_1
                +12127361001,
                """);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361000");
        assertThat(loader.rejectedRows("list")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("phone", "+12127361001").containsEntry("reason", "no_batch_call_id"));
    }

    @Test
    void url_encodes_the_batch_call_id_in_the_path() throws Exception {
        loader.drop("list.csv", """
                phone,batch_call_id
                +12127361000,spring campaign/2026
                """);

        loader.runOnce();

        assertThat(TruedyApi.requests(api)).extracting(LoggedRequest::getUrl)
                .containsExactly("/api/public/v1/batch-calls/spring%20campaign%2F2026/contacts");
    }
}
