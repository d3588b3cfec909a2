package io.herald.extract;

import java.util.regex.Pattern;

/**
 * Links that sit in a related-story block but do not lead to a story, told by their title or URL: a way on to a
 * listing ("More Arts &amp; Living News", "Click here for more news", "Related Topics"), an action on the page
 * itself ("Email this article", "Report this post", "Post to Yahoo!", "Add your comments", a comment count), a
 * feed or a search. The wording is English only: the sites we crawl most put such links in English or use icons.
 */
final class LinkTitles {
    /** "More" and up to three words: "More", "» More Videos", "More related articles »", not "More heartbreak for …". */
    private static final Pattern MORE = Pattern.compile("(?iu)^\\W*more(?:\\W+\\p{L}+){0,3}\\W*$");
    private static final Pattern NAVIGATION = Pattern.compile("(?iu)^\\W*(?:click\\b|related\\b|see all\\b|view all\\b"
            + "|read more\\b(?!\\s*[:：])|all (?:stories|articles|news)\\b|back to\\b)");
    private static final Pattern ACTION = Pattern.compile("(?iu)^\\W*(?:e-?mail (?:this|to)|send (?:this|to|feedback|us)"
            + "|report (?:this|abuse)|recommend this|add (?:alert|to)\\b|post (?:to|a comment|your)|add (?:your |a )?comments?|comments?\\b"
            + "|print (?:this|version)|share (?:this|on)|bookmark|subscribe\\b)|^\\W*\\(?\\d+\\)?\\W*$");
    /**
     * Feeds, a path ending in .xml, .rss or .atom (a query such as {@code ?xml=/news/x.xml} is not the path), and
     * search results ({@code /search/query?v1=GORE}): topic links in a related box, not stories.
     */
    private static final Pattern NOT_A_STORY_URL = Pattern.compile(
            "(?i)^https?://[^/?#]+(?:/[^?#]*)?(?:\\.(?:xml|rss|atom)|/search(?:/[^?#]*)?)(?:[?#].*)?$");

    private LinkTitles() {
    }

    /** The title names a way to a listing or an action, not a story. */
    static boolean notAStory(String title) {
        return MORE.matcher(title).matches() || NAVIGATION.matcher(title).find() || ACTION.matcher(title).find();
    }

    /** The URL is a feed or a search. */
    static boolean notAStoryUrl(String url) {
        return NOT_A_STORY_URL.matcher(url).matches();
    }
}
