package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The speed-ups give the answers of the slower code they replaced. */
class FastPathsTest {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");
    private static final String ALPHABET = "ab Z09_ \t\n.,;-éßжЯ漢字ひらカタ\u0301\u200D€😀한국";
    private final Random random = new Random();

    /** The regex-and-runs count the evaluation was recorded with. */
    private static int slowWordCount(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            boolean inRun = false;
            String token = m.group();
            for (int i = 0; i < token.length(); ) {
                int cp = token.codePointAt(i);
                i += Character.charCount(cp);
                if (TextCleaner.isCjk(cp)) {
                    n++;
                    inRun = false;
                } else if (!inRun) {
                    n++;
                    inRun = true;
                }
            }
        }
        return n;
    }

    @RepeatedTest(20)
    void wordCountMatchesTheRegexVersion() {
        int[] cps = ALPHABET.codePoints().toArray();
        for (int round = 0; round < 200; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                s.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            assertThat(TextCleaner.wordCount(s.toString())).as(s.toString()).isEqualTo(slowWordCount(s.toString()));
        }
    }

    @RepeatedTest(20)
    void normalizeMatchesTheRegex() {
        int[] cps = (ALPHABET + "\r\u00A0\u2003\u200B\u3000\uFEFF\u00AD\u2060").codePoints().toArray();
        for (int round = 0; round < 200; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(80); i > 0; i--) {
                s.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            String text = s.toString();
            String visible = text.replace("\u00AD", "").replace("\u2060", ""); // soft hyphens and word joiners go
            assertThat(TextCleaner.normalize(text)).as(text).isEqualTo(SPACE.matcher(visible).replaceAll(" ").strip());
        }
    }

    @Test
    void softHyphensAndWordJoinersAreDropped() {
        assertThat(TextCleaner.normalize("Schon im Mit\u00ADtel\u00ADal\u00ADter  war\u2060 es")).isEqualTo("Schon im Mittelalter war es");
    }

    @Test
    void textWithNothingToCollapseIsReturnedAsIs() {
        String clean = "Nothing to collapse here.";
        assertThat(TextCleaner.normalize(clean)).isSameAs(clean);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://news.test/a/b?x=1#frag", "HTTPS://News.test/", "https://news.test",
            "http://news.test/a b", "http://news.test/./a/../b", "https://news.test/caf\u00e9", "/relative/path",
            "other.html", "//cdn.test/x", "http://news.test/a\\b", "/a/./b", "/a?b=c/d", "/", "/x#y", "/caf\u00e9"})
    void absoluteMatchesJsoupsResolution(String href) {
        for (String base : new String[] {"http://base.test/dir/page.html", "https://base.test:8443?q=1", "http://base.test"}) {
            Element a = Jsoup.parse("<a href=\"" + href + "\">x</a>", base).selectFirst("a");
            String expected = LinkExtractor.clean(a.absUrl("href"));
            assertThat(LinkExtractor.absolute(a)).as(base).isEqualTo(expected);
            assertThat(LinkExtractor.absolute(a, LinkExtractor.origin(base))).as(base).isEqualTo(expected);
        }
    }

    @RepeatedTest(10)
    void hintTokensMatchTheRegexSplit() {
        int[] cps = "aZ09-_ .:x\u00e9\u0130\u00df\u017f\u212a".codePoints().toArray();
        Pattern split = Pattern.compile("[^a-z0-9]+");
        for (int round = 0; round < 200; round++) {
            StringBuilder cls = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                cls.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            Element e = Jsoup.parse("<div></div>").selectFirst("div").attr("class", cls.toString()).attr("id", "Main-Col");
            String raw = ClassHints.raw(e);
            List<String> expected = raw.isEmpty() ? List.of()
                    : Arrays.stream(split.split(raw)).filter(t -> !t.isEmpty()).toList();
            assertThat(ClassHints.tokens(e)).as(raw).isEqualTo(expected);
        }
    }
}
