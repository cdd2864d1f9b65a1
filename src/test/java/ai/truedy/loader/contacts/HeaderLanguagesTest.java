package ai.truedy.loader.contacts;

import java.util.Arrays;
import java.util.List;

import ai.truedy.loader.contacts.HeaderNames.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One export per language, as Excel, Google, Outlook and the big CRMs write its headers: each
 * column is recognised from the header table alone, with no loader.columns.* setting.
 */
class HeaderLanguagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            English              | First Name; Last Name; Mobile Phone; Business Phone; Home Phone; E-mail Address | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Spanish              | Nombre; Apellidos; Teléfono móvil; Teléfono trabajo; Correo electrónico         | FIRST_NAME; LAST_NAME; MOBILE; PHONE; EMAIL
            Portuguese           | Primeiro nome; Sobrenome; Celular; Telefone; E-mail                             | FIRST_NAME; LAST_NAME; MOBILE; PHONE; EMAIL
            French               | Prénom; Nom; Téléphone portable; Téléphone professionnel; Adresse e-mail       | FIRST_NAME; LAST_NAME; MOBILE; PHONE; EMAIL
            German               | Vorname; Nachname; Mobiltelefon; Telefon geschäftlich; Telefon privat; E-Mail-Adresse | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Italian              | Nome; Cognome; Cellulare; Telefono ufficio; Indirizzo e-mail                    | FIRST_NAME; LAST_NAME; MOBILE; PHONE; EMAIL
            Dutch                | Voornaam; Achternaam; Mobiel; Telefoon werk; E-mailadres                       | FIRST_NAME; LAST_NAME; MOBILE; PHONE; EMAIL
            Polish               | Imię; Nazwisko; Telefon komórkowy; Telefon służbowy; Telefon domowy; E-mail    | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Swedish              | Förnamn; Efternamn; Mobiltelefon; Arbetstelefon; Hemtelefon; E-postadress       | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Danish               | Fornavn; Efternavn; Mobil; Arbejdstelefon; Privattelefon; E-mailadresse         | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Norwegian            | Fornavn; Etternavn; Mobiltelefon; Jobbtelefon; Hjemmetelefon; E-postadresse     | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Finnish              | Etunimi; Sukunimi; Matkapuhelin; Työpuhelin; Kotipuhelin; Sähköposti           | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Turkish              | Adı; Soyadı; Cep Telefonu; İş Telefonu; Ev Telefonu; E-posta                    | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Japanese             | 名; 姓; 携帯電話; 勤務先電話; 自宅電話; メールアドレス                               | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            Simplified Chinese   | 名; 姓; 手机号码; 工作电话; 住宅电话; 电子邮件                                      | FIRST_NAME; LAST_NAME; MOBILE; PHONE; PHONE; EMAIL
            """)
    void recognises_the_columns_of_an_export_in(String language, String header, String fields) {
        List<String> cells = Arrays.stream(header.split(";")).map(String::strip).toList();
        List<Field> expected = Arrays.stream(fields.split(";")).map(String::strip).map(Field::valueOf).toList();

        assertThat(cells.stream().map(cell -> HeaderNames.fieldOf(cell).orElse(null)).toList())
                .as(language + ": " + cells).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Polish    | Imię i nazwisko
            Swedish   | Namn
            Danish    | Navn
            Finnish   | Nimi
            Turkish   | Ad Soyad
            Japanese  | 氏名
            Chinese   | 姓名
            """)
    void recognises_a_full_name_column_in(String language, String header) {
        assertThat(HeaderNames.fieldOf(header)).as(language).contains(Field.FULL_NAME);
    }
}
