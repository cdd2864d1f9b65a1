package ai.truedy.loader;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A file with several phone columns: each row takes the first that holds a number, mobile first. */
class SeveralPhoneColumnsTest extends LoaderTest {

    @BeforeEach
    void acceptEverything() {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
    }

    @Test
    void each_row_takes_the_first_phone_column_that_normalizes_mobile_first_and_the_report_counts_them() throws Exception {
        loader.drop("bc_1/crm.csv", """
                Phone,Business Fax,Mobile Phone,Name
                +12127361401,+12127361491,+12127361402,Ann Lee
                +12127361403,,,Bob Ray
                +12127361404,,123,Cy Fox
                12,,34,Di Poe
                ,+12127361495,,Ed Wu
                """);

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(TruedyApi.sentPhones(api)).containsExactly("+12127361402", "+12127361403", "+12127361404");
        assertThat(loader.rejectedRows("crm")).extracting(row -> row.get("Name") + ": " + row.get("reason") + ", " + row.get("detail"))
                .containsExactly("Di Poe: invalid_phone, phone number is too short (column 3)",
                        "Ed Wu: missing_phone, no phone number in column 3 or 1");
        JsonNode report = loader.report("crm");
        assertThat(report.path("phone_columns").properties()).extracting(entry -> entry.getKey() + "=" + entry.getValue())
                .containsExactly("Phone=2", "Mobile Phone=1");
    }

    @Test
    void a_cell_with_several_numbers_gives_its_first_that_normalizes() throws Exception {
        loader.drop("bc_1/several.csv", """
                Phone Number,First Name
                "+1 212-736-1411 ::: +1 212-736-1419",Ann
                "not given; (212) 736-1412",Bob
                212-736-1413 or 212-736-1418,Cy
                +49 30/1234567,Di
                """);

        assertThat(loader.runOnce()).isZero();

        assertThat(TruedyApi.sentPhones(api)) // a cell that is one number as a whole is not split at its '/'
                .containsExactly("+12127361411", "+12127361412", "+12127361413", "+49301234567");
    }

    @Test
    void a_file_whose_only_number_columns_are_fax_and_pager_has_no_phone_column() throws Exception {
        loader.drop("bc_1/fax.csv", "Name,Business Fax,Pager,Phone Type\nAnn Lee,+12127361421,+12127361422,mobile\n");

        assertThat(loader.runOnce()).isEqualTo(3);

        assertThat(loader.errorReport("fax").path("error").asText())
                .startsWith("no phone column: the header has [Name, Business Fax, Pager, Phone Type]");
        assertThat(TruedyApi.requests(api)).isEmpty();
    }
}
