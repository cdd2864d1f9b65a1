package ai.truedy.loader;

import ai.truedy.loader.support.LoaderTest;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export in each language the header table gained, dropped as it comes, with no loader.columns.*
 * setting: its mobile column is called first, and the names and e-mail reach the API.
 */
class ExportLanguagesTest extends LoaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Polish    | Imię,Nazwisko,Telefon komórkowy,Telefon służbowy,E-mail
            Swedish   | Förnamn,Efternamn,Mobiltelefon,Arbetstelefon,E-postadress
            Danish    | Fornavn,Efternavn,Mobil,Arbejdstelefon,E-mail
            Norwegian | Fornavn,Etternavn,Mobiltelefon,Jobbtelefon,E-post
            Finnish   | Etunimi,Sukunimi,Matkapuhelin,Työpuhelin,Sähköposti
            Turkish   | Adı,Soyadı,Cep Telefonu,İş Telefonu,E-posta
            Japanese  | 名,姓,携帯電話,勤務先電話,メールアドレス
            Chinese   | 名,姓,手机号码,工作电话,电子邮件
            """)
    void an_export_is_sent_with_its_mobile_names_and_email(String language, String header) throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(1, 0)));
        loader.drop("bc_1/export.csv", header + "\nŁucja,Kowalska-Ødegård,+48 512 345 678,+48 22 123 45 67,lk@example.pl\n");

        assertThat(loader.runOnce()).as(language).isZero();

        JsonNode contact = TruedyApi.sentBatches(api).get(0).get(0);
        assertThat(contact.path("phone_number").asText()).isEqualTo("+48512345678");
        assertThat(contact.path("first_name").asText()).isEqualTo("Łucja");
        assertThat(contact.path("last_name").asText()).isEqualTo("Kowalska-Ødegård");
        assertThat(contact.path("email").asText()).isEqualTo("lk@example.pl");
    }
}
