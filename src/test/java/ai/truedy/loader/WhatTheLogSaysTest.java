package ai.truedy.loader;

import ai.truedy.loader.support.CapturedStderr;
import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the log says: progress for long files; and phone numbers and emails never whole, the API
 * key never at all.
 */
class WhatTheLogSaysTest extends LoaderTest {

    @RegisterExtension
    final CapturedStderr log = new CapturedStderr();

    @Test
    void a_full_run_with_every_kind_of_outcome_logs_no_phone_number_email_or_key_whole() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        api.stubFor(TruedyApi.addContacts().atPriority(1).withRequestBody(containing("+12127361002"))
                .willReturn(TruedyApi.json(422, """
                        {"detail":[{"loc":["body","contacts",0,"phone_number"],
                                    "msg":"Number +1 212-736-1002 of jane.doe@example.com is blocked"}]}""")));
        api.stubFor(TruedyApi.addContacts().atPriority(1).withRequestBody(containing("+12127361003"))
                .willReturn(TruedyApi.error(500, "internal", "failed on +12127361003")));
        api.stubFor(TruedyApi.addContacts().atPriority(1).withRequestBody(containing("+12127361004"))
                .willReturn(TruedyApi.error(401, "unauthorized", "key rejected for ann@example.org")));
        loader.with("truedy.batch-size", "1").with("truedy.concurrency", "1").with("truedy.retry.max-attempts", "2")
                .drop("bc_1/people.csv", """
                        phone,first_name,email
                        +12127361001,Ann,ann@example.org
                        +12127361002,Jane,jane.doe@example.com
                        +12127361003,Bob,bob@example.net
                        +12127361004,Cid,cid@example.com
                        not-a-phone,Dee,dee@example.com
                        +12127361001,Eve,eve@example.com
                        """);
        loader.drop("bc_1/no-phone.csv", "name,email\nFay,fay@example.com\n");

        loader.runOnce();

        String text = log.text();
        assertThat(text).as("the run logged its work").contains("Finished bc_1/people.csv", "+1212***1002");
        assertThat(text).doesNotContain(LoaderFixture.API_KEY)
                .doesNotContain("2127361001", "2127361002", "736-1002", "2127361003", "2127361004", "not-a-phone")
                .doesNotContain("jane.doe@", "ann@", "bob@", "fay@")
                .contains("j***@example.com")
                .as("times are not taken for phone numbers").doesNotContain("***2542Z");
    }

    @Test
    void a_long_file_logs_its_progress_with_rows_rate_and_time_left() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(100, 0).withFixedDelay(5)));
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append("+1646%07d\n".formatted(1_000_000 + i));
        }
        loader.with("loader.progress-interval", "100ms").drop("bc_1/long.csv", csv.toString());

        loader.runOnce();

        assertThat(log.text())
                .containsPattern("long\\.csv: \\d+ rows read, \\d+ rows/s, \\d+% of the file, about .+ left");
    }
}
