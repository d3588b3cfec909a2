package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlShapeTest {
    @ParameterizedTest
    @CsvSource({
        "https://news.example/2024/05/14/council-vote, ARTICLE",
        "https://news.example/20240905/barents-sea-1120394857.html, ARTICLE",
        "https://news.example/planning/bus-depot-student-tower-approved, ARTICLE",
        "http://news.example/news.php?id=20931, UNKNOWN",
        "https://news.example/, SECTION",
        "https://news.example/business/, SECTION",
        "https://news.example/news/local, SECTION",
        "https://news.example/index.html, SECTION",
        "not a url at all, UNKNOWN"})
    void classifiesPaths(String url, UrlShape expected) {
        assertThat(UrlShape.of(url)).isEqualTo(expected);
    }
}
