package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The page as a reader sees it (charset and title repair are proved in {@link CharsetDetectorTest}). */
class PageDecoderTest {
    @Test
    void rubyAnnotationsAreNotText() {
        // furigana over kanji, with parentheses for browsers without ruby: the reading is not the text
        byte[] body = ("<html><body><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt>"
                + "</ruby>をなくす</p><p><RUBY>法律<RT>ほうりつ</RT></RUBY></p></body></html>").getBytes(StandardCharsets.UTF_8);
        assertThat(new PageDecoder().parse(body, "text/html; charset=utf-8", "").body().text())
                .isEqualTo("子どもへの虐待をなくす 法律");
    }
}
