package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "© AP Photo / Omar Sanadiki                       | AP Photo / Omar Sanadiki",
        "©AFP 2023 / JOSEPH EID                            | AFP 2023 / JOSEPH EID",
        "© Sputnik / Mikhail Voskresenskiy / Go to the mediabank | Sputnik / Mikhail Voskresenskiy",
        "(c) Ocean Science Today / K. Morgan              | Ocean Science Today / K. Morgan",
        "Photo: Reuters                                   | Reuters",
        "Copyright © Getty Images                         | Getty Images",
        "©                                                | NULL",
    })
    void creditElementText(String raw, String credit) {
        assertThat(CreditParser.credit(raw)).isEqualTo(credit);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "A night bus waits at the stop. Photo: Jane Okafor/Reuters | A night bus waits at the stop. | Jane Okafor/Reuters",
        "Divers survey a reef (Photo by K. Morgan/Getty Images)   | Divers survey a reef            | K. Morgan/Getty Images",
        "© AP Photo / Omar Sanadiki                               | NULL                            | AP Photo / Omar Sanadiki",
        "Soldiers stand on the ruins of the Temple of Bel (File)  | Soldiers stand on the ruins of the Temple of Bel (File) | NULL",
    })
    void captionWithCredit(String raw, String caption, String credit) {
        CreditParser.CaptionCredit cc = CreditParser.split(raw);
        assertThat(cc.caption()).isEqualTo(caption);
        assertThat(cc.credit()).isEqualTo(credit);
    }
}
