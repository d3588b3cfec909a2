package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class WallDetectorTest {
    private static final JsonLdData FREE = JsonLdData.EMPTY;

    private static boolean paywalled(Document doc, JsonLdData ld, int words) {
        return new WallDetector().paywalled(doc, ld, words, PageText.of(doc));
    }

    @Test
    void jsonLdSaysNotFree() {
        JsonLdData paid = new JsonLdData("NewsArticle", null, null, null, List.of(), null, null, null, List.of(),
                null, null, List.of(), List.of(), null, false);
        assertThat(paywalled(Jsoup.parse("<p>x</p>"), paid, 1000)).isTrue();
    }

    @Test
    void aWallBlockCountsOnlyNextToShortText() {
        Document doc = Jsoup.parse("<article><p>Teaser.</p><div class='barrier'>Subscribe to continue reading</div></article>");
        assertThat(paywalled(doc, FREE, 40)).isTrue();
        assertThat(paywalled(doc, FREE, 600)).isFalse();
        Document free = Jsoup.parse("<div class='paywall-teaser'>Cet article est en accès libre.</div>");
        assertThat(paywalled(free, FREE, 40)).isFalse();
    }

    @Test
    void consentNoticeIsAWall() {
        String notice = "We value your privacy. We and our partners use cookies and process personal data for "
                + "personalised advertising. You may consent or object to legitimate interest.";
        assertThat(WallDetector.consentWall(notice, 30)).isTrue();
        assertThat(WallDetector.consentWall("The council voted on cookies sold at the fair.", 9)).isFalse();
    }

    @Test
    void cyrillicSingleByteTextIsRecognised() {
        String ru = "<html><body><p>Весенний паводок на реке Ишим в этом году может оказаться слабее прошлогоднего: "
                + "запасы воды в снеге почти на треть ниже нормы.</p></body></html>";
        assertThat(CyrillicGuess.guess(ru.getBytes(Charset.forName("windows-1251")))).isEqualTo(CyrillicGuess.WINDOWS_1251);
        assertThat(CyrillicGuess.guess(ru.getBytes(Charset.forName("KOI8-R")))).isEqualTo(CyrillicGuess.KOI8_R);
        String es = "<p>El Ayuntamiento de Valencia ha aprobado la ampliación del carril bici, según la concejala.</p>";
        assertThat(CyrillicGuess.guess(es.getBytes(StandardCharsets.ISO_8859_1))).isNull();
    }
}
