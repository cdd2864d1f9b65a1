package ai.truedy.loader;

import java.util.List;
import java.util.Map;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * vCard address books (.vcf) as Apple Contacts, Google Contacts and Outlook export them: one contact
 * per card, its telephones tried in order of preference, fax and pager numbers never called.
 */
class AddressBooksTest extends LoaderTest {

    static final String APPLE = """
            BEGIN:VCARD
            VERSION:3.0
            PRODID:-//Apple Inc.//macOS 14.5//EN
            N:Lee;Ann;;;
            FN:Ann Lee
            ORG:Acme;
            EMAIL;type=INTERNET;type=HOME;type=pref:ann@example.com
            TEL;type=HOME;type=VOICE:(212) 736-1901
            TEL;type=CELL;type=VOICE;type=pref:+1 212 736 1902
            TEL;type=WORK;type=FAX:(212) 736-1903
            item1.TEL:+1 212 736 1904
            item1.X-ABLabel:_$!<Other>!$_
            PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHSEaHx4d
             GiEcHCAkLicgIiwjHBwoNyksMDE0NDQfJzk9ODI8LjM0Mv/bAEMBCQkJDAsMGA0NGDIhHCEyMjIy
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:Ray;Bob;;;
            FN:Bob Ray
            EMAIL;type=INTERNET:bob@example.com
            TEL;type=WORK;type=FAX:(212) 736-1905
            TEL;type=PAGER:(212) 736-1906
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Cy Fox
            TEL;type=IPHONE;type=CELL;type=VOICE:(212) 736-1907
            END:VCARD
            """;

    static final String GOOGLE = """
            BEGIN:VCARD
            VERSION:3.0
            FN:Dee Ng
            N:Ng;Dee;;;
            EMAIL;TYPE=INTERNET;TYPE=HOME:dee@example.com
            TEL;TYPE=WORK:+1 212-736-1911
            TEL;TYPE=CELL:+1 212-736-1912
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Eve Ott
            N:Ott;Eve;;;
            TEL;TYPE=CELL:12
            TEL;TYPE=WORK:+1 212-736-1913
            END:VCARD
            """;

    /** vCard 2.1, quoted-printable names with a soft line break in a note, a base64 photo ending in a blank line. */
    static final String OUTLOOK = """
            BEGIN:VCARD\r
            VERSION:2.1\r
            N;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\r
            FN;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r
            NOTE;ENCODING=QUOTED-PRINTABLE:Call after 5pm=0D=0A=\r
            TEL;CELL;PREF:+1 212 736 1999\r
            TEL;WORK;VOICE:+49 30 1234567\r
            TEL;HOME;VOICE:+49 30 7654321\r
            TEL;CELL;VOICE:+49 151 23456789\r
            TEL;WORK;FAX:+49 30 1234568\r
            EMAIL;PREF;INTERNET:juergen@example.de\r
            PHOTO;TYPE=JPEG;ENCODING=BASE64:\r
             /9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHSEa\r
             Hx4dGiEcHCAkLicgIiwjHBwoNyksMDE0NDQfJzk9ODI8LjM0Mv/bAEMBCQkJDAsMGA0NGDIh\r
            \r
            REV:20261201T120000Z\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:4.0\r
            N:Oz;Eli;;;\r
            FN:Eli Oz\r
            TEL;VALUE=uri;TYPE="voice,home":tel:+1-212-736-1921\r
            TEL;VALUE=uri;PREF=1;TYPE="voice,work":tel:+1-212-736-1922;ext=12\r
            TEL;VALUE=uri;TYPE=text:tel:+1-212-736-1923\r
            END:VCARD\r
            """;

    @BeforeEach
    void acceptEverything() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void each_card_is_a_contact_called_on_its_preferred_number_and_never_on_a_fax() throws Exception {
        loader.drop("bc_apple/apple.vcf", APPLE);
        loader.drop("bc_google/google.vcf", GOOGLE);
        loader.drop("bc_outlook/outlook.vcf", OUTLOOK);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentByBatchCall(api)).containsExactly(
                Map.entry("bc_apple", List.of("+12127361902 Ann Lee ann@example.com", "+12127361907 Cy Fox ")),
                Map.entry("bc_google", List.of("+12127361912 Dee Ng dee@example.com", "+12127361913 Eve Ott ")),
                Map.entry("bc_outlook", List.of("+4915123456789 Jürgen Müller juergen@example.de",
                        "+12127361922 Eli Oz ")));
        assertThat(loader.rejectedRows("apple")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("first_name", "Bob").containsEntry("email", "bob@example.com").containsEntry("phone 1", "")
                .containsEntry("vcard_line", "16").containsEntry("row", "2").containsEntry("reason", "missing_phone"));
        JsonNode apple = loader.report("apple");
        assertThat(apple.path("rows").asInt()).isEqualTo(3);
        assertThat(apple.path("phone_columns").toString()).isEqualTo("{\"phone 1\":2}");
        assertThat(loader.report("google").path("phone_columns").toString()).isEqualTo("{\"phone 1\":1,\"phone 2\":1}");
        assertThat(loader.report("outlook").path("rejected").asInt()).isZero();
        assertThat(filesIn(loader.done)).containsExactly("apple.report.json", "apple.vcf", "google.report.json",
                "google.vcf", "outlook.report.json", "outlook.vcf");
    }

    @Test
    void a_file_named_vcf_that_is_not_an_address_book_goes_to_error_with_the_reason() throws Exception {
        loader.drop("bc_1/contacts.vcf", "name,phone\nAnn,+12127361941\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.errorReport("contacts").path("error").asText())
                .isEqualTo("not a vCard address book: its first line is not BEGIN:VCARD");
        assertThat(loader.error.resolve("contacts.vcf")).exists();
        assertThat(TruedyApi.requests(api)).isEmpty();
    }

    @Test
    void a_card_cut_off_by_the_end_of_the_file_is_rejected_with_its_line_and_the_others_load() throws Exception {
        loader.drop("bc_1/cut.vcf", GOOGLE + "BEGIN:VCARD\nVERSION:3.0\nFN:Fay Gil\nTEL:+1 212 736 1931\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361912", "+12127361913");
        assertThat(loader.rejectedRows("cut")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("row", "3").containsEntry("vcard_line", "16").containsEntry("reason", "malformed_row")
                .containsEntry("detail", "cannot parse (the card that begins on line 16 has no END:VCARD: the file ends"
                        + " inside it): BEGIN:VCARD"));
    }

    @Test
    void an_assistants_card_inside_a_card_is_not_taken_for_the_contact() throws Exception {
        loader.drop("bc_1/agent.vcf", """
                BEGIN:VCARD\r
                VERSION:2.1\r
                N:Hart;Gus\r
                AGENT:\r
                BEGIN:VCARD\r
                VERSION:2.1\r
                N:Ivy;Ida\r
                TEL;CELL;PREF:+1 212 736 1951\r
                END:VCARD\r
                TEL;CELL:+1 212 736 1952\r
                END:VCARD\r
                BEGIN:VCARD\r
                VERSION:2.1\r
                N:Jay;Jo\r
                TEL;CELL:+1 212 736 1953\r
                END:VCARD\r
                """);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentBatches(api)).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(TruedyApi::inOneLine).containsExactly("+12127361952 Gus Hart ", "+12127361953 Jo Jay "));
    }

    @Test
    void a_card_without_its_end_is_rejected_with_its_line_and_the_card_after_it_loads() throws Exception {
        loader.drop("bc_1/unended.vcf", """
                BEGIN:VCARD
                VERSION:3.0
                FN:Kim Lo
                TEL;TYPE=CELL:+1 212 736 1961
                BEGIN:VCARD
                VERSION:3.0
                FN:Max Mu
                TEL;TYPE=CELL:+1 212 736 1962
                END:VCARD
                """);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361962");
        assertThat(loader.rejectedRows("unended")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("row", "1").containsEntry("vcard_line", "1").containsEntry("reason", "malformed_row")
                .containsEntry("detail", "cannot parse (the card that begins on line 1 has no END:VCARD: the card on"
                        + " line 5 begins inside it): BEGIN:VCARD"));
        assertThat(filesIn(loader.done)).containsExactly("unended.report.json", "unended.vcf");
    }
}
