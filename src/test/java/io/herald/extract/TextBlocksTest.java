package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TextBlocksTest {

    @Test
    void leafDivsAreParagraphsButNotLinkTextOrTeaserHeadlines() {
        Document doc = Jsoup.parse("<div id='a'>Plain text of a paragraph, <b>with</b> inline markup.</div>"
                + "<div id='b'><a href='/x'>A headline that is nothing but a link to elsewhere</a></div>"
                + "<a href='/y'><div id='c'>A teaser headline inside a link block</div></a>"
                + "<div id='d'><div>nested</div></div><p>Text <span id='e'>inside a paragraph</span></p>");
        PageText text = PageText.of(doc);
        assertThat(TextBlocks.isTextBlock(doc.getElementById("a"), text)).isTrue();
        assertThat(TextBlocks.isTextBlock(doc.getElementById("b"), text)).isFalse();
        assertThat(TextBlocks.isTextBlock(doc.getElementById("c"), text)).isFalse();
        assertThat(TextBlocks.isTextBlock(doc.getElementById("d"), text)).isFalse();
        assertThat(TextBlocks.isTextBlock(doc.getElementById("e"), text)).isFalse();
    }

    @Test
    void aSpanCountsOnlyWithTextOfItsOwnOutsideAParagraph() {
        Document doc = Jsoup.parse("<div><p>A paragraph beside the spans.</p>"
                + "<span id='own'>Words of a span that a CMS uses as a paragraph.</span>"
                + "<span id='wrapper'><b>only markup inside</b></span></div>");
        PageText text = PageText.of(doc);
        assertThat(TextBlocks.isTextBlock(doc.getElementById("own"), text)).isTrue();
        assertThat(TextBlocks.isTextBlock(doc.getElementById("wrapper"), text)).isFalse();
        assertThat(TextBlocks.hasOwnText(doc.getElementById("own"))).isTrue();
        assertThat(TextBlocks.hasOwnText(doc.getElementById("wrapper"))).isFalse();
    }
}
