package io.herald.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseRulesTest {

    private static final String BASE = "http://news.example/a/b?q=1";

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            text/html                 | true
            text/html; charset=UTF-8  | true
            TEXT/HTML;charset=utf-8   | true
            application/xhtml+xml     | true
            NULL                      | true
            ''                        | true
            image/png                 | false
            text/plain                | false
            application/json          | false
            text/htmlx                | false
            """)
    void recognisesHtml(String contentType, boolean html) {
        assertThat(ResponseRules.isHtml(contentType)).isEqualTo(html);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            /x                      | http://news.example/x
            c                       | http://news.example/a/c
            ../c                    | http://news.example/c
            ?p=2                    | http://news.example/a/b?p=2
            //other.example/y       | http://other.example/y
            https://s.example/z     | https://s.example/z
            '  /trim  '             | http://news.example/trim
            /with space             | http://news.example/with%20space
            http://[::1             | NULL
            mailto:editor@x.example | NULL
            javascript:alert(1)     | NULL
            http://                 | NULL
            ''                      | NULL
            NULL                    | NULL
            """)
    void resolvesLocationAgainstRequestUrl(String location, String expected) {
        assertThat(ResponseRules.resolveLocation(BASE, location)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            12                  | 12
            ' 7 '               | 7
            0                   | 0
            -3                  | -1
            junk                | -1
            99999999999999999999| -1
            NULL                | -1
            """)
    void readsContentLength(String header, long expected) {
        assertThat(ResponseRules.contentLength(header)).isEqualTo(expected);
    }
}
