package io.herald.demo;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The content files: complete, consistent, and varied enough for shingle-based text evaluation. */
class ArticleCatalogTest {
    private final ArticleCatalog catalog = ArticleCatalog.load();

    @Test
    void everyPublicationHasAtLeastTwentyPublicArticles() {
        for (Publication p : Publication.values()) {
            assertThat(catalog.published(p)).as(p.name()).hasSizeGreaterThanOrEqualTo(20);
        }
        assertThat(catalog.membersOnly(Publication.HARBOUR)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void articlesAreCompleteAndRelatedIdsResolve() {
        assertThat(catalog.all()).allSatisfy(a -> {
            assertThat(a.paragraphs()).as(a.id()).hasSizeBetween(4, 10);
            assertThat(a.title()).isNotBlank();
            assertThat(a.authors()).isNotEmpty();
            assertThat(a.published()).matches("2025-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z");
            assertThat(a.caption()).isNotBlank();
            assertThat(a.credit()).isNotBlank().doesNotStartWith("©");
            a.related().forEach(id -> assertThat(catalog.get(id).membersOnly()).isFalse());
        });
    }

    @Test
    void relatedStoriesCrossPublications() {
        assertThat(catalog.all()).anyMatch(a -> a.related().stream()
                .anyMatch(id -> catalog.get(id).publication() != a.publication()));
    }

    @Test
    void noEightWordShingleIsSharedBetweenTwoArticles() {
        Map<String, String> owner = new HashMap<>();
        TreeSet<String> shared = new TreeSet<>();
        for (DemoArticle a : catalog.all()) {
            for (String p : a.paragraphs()) {
                List<String> words = List.of(p.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").split("\\s+"));
                for (int i = 0; i + 8 <= words.size(); i++) {
                    String shingle = String.join(" ", words.subList(i, i + 8));
                    String first = owner.putIfAbsent(shingle, a.id());
                    if (first != null && !first.equals(a.id())) {
                        shared.add(first + "/" + a.id() + ": " + shingle);
                    }
                }
            }
        }
        assertThat(shared).isEmpty();
    }

    @Test
    void articlePathsFollowEachPublicationsScheme() {
        DemoArticle wire = catalog.get("m01");
        DemoArticle post = catalog.get("h01");
        DemoArticle members = catalog.get("hx1");
        DemoArticle story = catalog.get("n01");
        assertThat(Publication.MERIDIAN.articlePath(wire))
                .isEqualTo("/world/20250303/calvenian-army-retakes-old-citadel-of-saranth-1070001.html");
        assertThat(Publication.HARBOUR.articlePath(post))
                .isEqualTo("/2025/03/03/council-approves-affordable-homes-on-old-rope-works-site/");
        assertThat(Publication.HARBOUR.articlePath(members)).startsWith("/members/2025/03/21/");
        assertThat(Publication.GAZETTE.articlePath(story)).isEqualTo("/news/region/snow-returns-to-northmere-uplands-a8201");
    }
}
