package ai.truedy.loader.contacts;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's number pattern, checked by hand on every row: the same answers as the schema's expression. */
class ApiNumberTest {

    static final Pattern SCHEMA = Pattern.compile("^\\+[1-9]\\d{1,14}$");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', textBlock = """
            +12125550123      ; true
            +44207946095      ; true
            +12               ; true
            +1                ; false
            +123456789012345  ; true
            +1234567890123456 ; false
            +02125550123      ; false
            12125550123       ; false
            +1212555012a      ; false
            +1212 5550123     ; false
            +١٢١٢٥٥٥٠١٢٣      ; false
            """)
    void takes_what_the_schemas_pattern_takes(String number, boolean taken) {
        assertThat(PhoneNormalizer.isApiNumber(number)).isEqualTo(taken).isEqualTo(SCHEMA.matcher(number).matches());
    }
}
