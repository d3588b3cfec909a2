package io.herald.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitemapsFromRobotsTest {

    @Test
    void collectsSitemapLinesDeduplicatedHttpOnly() {
        // crawler-commons resolves the relative "Sitemap: /relative/sitemap.xml" against the robots.txt URL
        BaseRobotRules rules = new SimpleRobotRulesParser().parseContent("https://news.example.com/robots.txt",
                Fixtures.bytes("robots.txt"), "text/plain", List.of("heraldbot"));

        assertThat(SitemapReader.sitemapsFromRobots(rules)).containsExactly(
                "https://news.example.com/sitemaps/index.xml",
                "https://news.example.com/sitemaps/news.xml",
                "https://news.example.com/relative/sitemap.xml");
    }

    @Test
    void robotsWithoutSitemapsGivesEmptyList() {
        BaseRobotRules rules = new SimpleRobotRulesParser().parseContent("https://news.example.com/robots.txt",
                "User-agent: *\nDisallow:\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain",
                List.of("heraldbot"));

        assertThat(SitemapReader.sitemapsFromRobots(rules)).isEmpty();
        assertThat(SitemapReader.sitemapsFromRobots(null)).isEmpty();
    }
}
