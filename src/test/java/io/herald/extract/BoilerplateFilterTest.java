package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Which class hints remove a subtree, and which wrappers survive them because they hold the article. */
class BoilerplateFilterTest {
    private static final String PARAGRAPH = "<p>The council voted on Tuesday to close the old ferry terminal, a decision"
            + " that leaves commuters on the north shore with an hour-long detour by road until the new bridge opens.</p>";
    private static final String PROSE = "The council voted on Tuesday to close the old ferry terminal. Commuters said"
            + " the detour would cost them an hour a day.<br>";

    private static boolean kept(String html, String selector) {
        return kept(html, selector, BoilerplateFilter.STRICT);
    }

    private static boolean kept(String html, String selector, BoilerplateFilter filter) {
        Document doc = Jsoup.parse("<html><body>" + html + "</body></html>");
        PageText text = PageText.of(doc);
        ContentView view = ContentView.of(doc.body(), filter, text);
        Element e = doc.selectFirst(selector);
        return view.kept(e);
    }

    @Test
    void pageWideFormOrArticleHeaderHoldingTheStoryInBrRunsIsKept() {
        String nav = "<ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul>";
        assertThat(kept(nav + "<form id='Form1'><p class='articletext'>" + PROSE.repeat(8) + "</p></form>", "form p"))
                .isTrue();
        assertThat(kept(nav + "<article><header><h1>Ferry terminal closes</h1><div id='t'>" + PROSE.repeat(8)
                + "</div></header></article>", "#t")).isTrue();
        // a search form and a site header stay furniture
        assertThat(kept("<form id='search'><label>Search the site for stories</label></form><div>" + PARAGRAPH
                + PARAGRAPH + "</div>", "#search label")).isFalse();
        assertThat(kept("<header id='site'><a href='/'>Ferry News</a> <span>Since 1901</span></header><div>"
                + PARAGRAPH + PARAGRAPH + "</div>", "#site span")).isFalse();
    }

    @Test
    void asideWithLongParagraphsIsDroppedUnlessItHoldsThePagesWriting() {
        String feed = "<aside id='live'>" + PARAGRAPH + PARAGRAPH + "</aside>";
        assertThat(kept("<div id='story'>" + PARAGRAPH.repeat(5) + "</div>" + feed, "#live p")).isFalse();
        assertThat(kept("<aside id='only'>" + PARAGRAPH.repeat(3) + "</aside><div>" + PARAGRAPH + "</div>", "#only p"))
                .isTrue();
    }

    @Test
    void wholeClassNameHiddenHidesUnlessAnotherClassShowsItAgain() {
        assertThat(kept("<span class='kudos hidden'>Ann, Bob, Carl and 200 more left kudos</span>", ".kudos")).isFalse();
        assertThat(kept("<div class='d-none'>" + PARAGRAPH + "</div>", ".d-none p")).isFalse();
        assertThat(kept("<div class='hidden md:block' id='a'>" + PARAGRAPH + "</div>", "#a p")).isTrue();
        assertThat(kept("<div class='d-none d-lg-flex' id='b'>" + PARAGRAPH + "</div>", "#b p")).isTrue();
        assertThat(kept("<div class='overflow-hidden' id='c'>" + PARAGRAPH + "</div>", "#c p")).isTrue();
    }

    @Test
    void postClassNamingItsAuthorIsNotAnAuthorBox() {
        assertThat(kept("<div class='post author-admin entry-author-clyde_smith' id='p'>" + PARAGRAPH + "</div>", "#p p"))
                .isTrue();
        assertThat(kept("<div class='author-bio' id='bio'><p>Clyde writes about ferries and bridges.</p></div>", "#bio p"))
                .isFalse();
        assertThat(kept("<div class='mini-bio' id='mb'><p>Clyde writes about ferries and bridges.</p></div>", "#mb p"))
                .isFalse();
        assertThat(kept("<div class='contributor' id='cb'><p>Clyde writes about ferries and bridges.</p></div>", "#cb p"))
                .isFalse();
    }

    @Test
    void retryWithoutClassHintsReadsWhatAHideClassCloses() {
        // "read more" buttons open a div.hide: the first pass hides it, the retry does not
        String html = "<article><p id='a'>" + PARAGRAPH + "</p><div class='article-rest hide' id='rest'>" + PARAGRAPH
                + PARAGRAPH + "</div></article>";
        assertThat(kept(html, "#rest p")).isFalse();
        assertThat(kept(html, "#rest p", BoilerplateFilter.LENIENT)).isTrue();
    }

    @Test
    void retryWithoutClassHintsStillHidesCommentsButNotSlotNames() {
        String comments = "<div class='comments-area' id='c'>" + PARAGRAPH.repeat(3) + "</div>";
        String story = "<div class='register' id='s'>" + PARAGRAPH + "</div>";
        assertThat(kept(story + comments, "#c p", BoilerplateFilter.LENIENT)).isFalse();
        assertThat(kept(story + comments, "#s p", BoilerplateFilter.LENIENT)).isTrue();
    }

    @Test
    void layoutWrapperNamedAfterItsSidebarKeepsTheArticle() {
        String html = "<div class='panel-two-col-sidebar-right'><div id='story'>" + PARAGRAPH + PARAGRAPH
                + "</div></div>";
        assertThat(kept(html, "#story p")).isTrue();
    }

    @Test
    void sidebarOfLinksIsStillDropped() {
        String html = "<div class='sidebar'><ul><li><a href='/a'>Most read: the ferry terminal closes for good</a></li>"
                + "<li><a href='/b'>Bridge opening delayed again by the contractor</a></li></ul></div>";
        assertThat(kept(html, ".sidebar li")).isFalse();
    }

    @Test
    void bloggerWidgetWithBrTextIsKept() {
        String html = "<div class='widget Blog' id='Blog1'><div class='post-body' id='post'>" + PROSE.repeat(6)
                + "</div></div>";
        assertThat(kept(html, "#post")).isTrue();
    }

    @Test
    void shortWidgetWithAFewWordsIsDropped() {
        String html = "<div class='widget'><div id='about'>About me: I write about ferries.</div></div>";
        assertThat(kept(html, "#about")).isFalse();
    }

    @Test
    void sharedIsNotShareAndHiddenTagTeaserPullAreNotBoilerplate() {
        assertThat(kept("<div class='section' id='evolve-shared-history'>" + PARAGRAPH + "</div>", "#evolve-shared-history p"))
                .isTrue();
        assertThat(kept("<div class='field field--label-hidden'>" + PARAGRAPH + "</div>", ".field p")).isTrue();
        assertThat(kept("<article class='post tag-ferries tag-council'>" + PARAGRAPH + "</article>", "article p")).isTrue();
        assertThat(kept("<div class='teaser-text'>" + PARAGRAPH + "</div>", ".teaser-text p")).isTrue();
        assertThat(kept("<div class='pull-left'>" + PARAGRAPH + "</div>", ".pull-left p")).isTrue();
    }

    @Test
    void shareBarAndStrongHintsAreStillDropped() {
        assertThat(kept("<div class='share-bar'><p>Share this story on your networks</p></div>", ".share-bar p")).isFalse();
        // a strong hint (comments) is not rescued by prose alone: it needs a positive hint too
        assertThat(kept("<div class='comments'>" + PARAGRAPH + PARAGRAPH + PARAGRAPH + "</div>", ".comments p")).isFalse();
        assertThat(kept("<blockquote class='pull-quote'><p>An hour a day</p></blockquote>", ".pull-quote p")).isFalse();
        assertThat(kept("<div class='tags'><a href='/t/ferry'>ferry</a></div>", ".tags a")).isFalse();
    }

    @Test
    void pageWideWrapperWithABannerOrAdClassIsKeptButItsAdsAreNot() {
        String html = "<div id='top' class='page-banner'><h1>Ferry terminal to close</h1>" + PARAGRAPH + PARAGRAPH
                + "<div class='ad-slot' id='ad'>Advertisement</div></div><div class='footer-links'>About</div>";
        assertThat(kept(html, "#top")).isTrue();
        assertThat(kept(html, "#top p")).isTrue();
        assertThat(kept(html, "#ad")).isFalse();
    }

    @Test
    void commentsLongerThanTheArticleAreStillDropped() {
        String html = "<article><h1>Ferry terminal to close</h1>" + PARAGRAPH + "</article><div id='comments'"
                + " class='comments'>" + PARAGRAPH + PARAGRAPH + PARAGRAPH + "</div>";
        assertThat(kept(html, "#comments")).isFalse();
    }
}
