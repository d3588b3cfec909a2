package io.herald.demo;

import java.util.List;

/** Reader comments under Harbour Chronicle stories: boilerplate that a good extractor must leave out. */
final class HarbourComments {
    private static final List<String[]> POOL = List.of(
            new String[]{"HarbourLad62", "Typical. They always find money for this sort of thing but the potholes on"
                    + " Ferry Street have been there since Easter."},
            new String[]{"Jan from Westfield", "Good news for once. Well done to everyone involved."},
            new String[]{"Old Salt", "I remember when all of this was fields and net lofts. Progress, I suppose."},
            new String[]{"concerned_resident", "Has anyone actually asked the people who live there what they want?"},
            new String[]{"MarinaK", "Great article, thank you Chronicle. Shared with my street's group chat."},
            new String[]{"Pete R", "The council will spend half the budget on consultants before a spade goes in."},
            new String[]{"gullpointgirl", "My nan will be thrilled to read this, she talks about it all the time."},
            new String[]{"Dave_the_Rover", "Up the Rovers! Nothing else to add."},
            new String[]{"A. Reader", "Could the paper follow this up in six months to see what actually happened?"},
            new String[]{"Seaview Sue", "Parking is already impossible on our road. Nobody ever thinks about that."},
            new String[]{"TomB", "Brilliant, about time the town had something to be proud of again."},
            new String[]{"Lowertown Larry", "We were flooded twice. Words are cheap, let's see the wall built."});

    private HarbourComments() {
    }

    /** How many comments an article shows (2–4), stable per article. */
    static int count(DemoArticle a) {
        return 2 + a.number() % 3;
    }

    static String render(DemoArticle a, String loginUrl) {
        StringBuilder s = new StringBuilder("<div id=\"comments\" class=\"comments-area\">\n<h2 class=\"comments-title\">")
                .append(count(a)).append(" thoughts on “").append(Html.esc(a.title())).append("”</h2>\n<ol class=\"comment-list\">\n");
        for (int i = 0; i < count(a); i++) {
            String[] c = POOL.get((a.number() * 3 + i) % POOL.size());
            s.append("<li id=\"comment-").append(a.number() * 100 + i).append("\" class=\"comment\">")
                    .append("<article class=\"comment-body\"><footer class=\"comment-meta\"><b class=\"fn\">")
                    .append(Html.esc(c[0])).append("</b> <span class=\"says\">says:</span> <time datetime=\"")
                    .append(Html.plusHours(a.published(), 3 + i)).append("\">")
                    .append(Html.date(Html.plusHours(a.published(), 3 + i), "MMMM d, yyyy 'at' h:mm a"))
                    .append("</time></footer><div class=\"comment-content\"><p>").append(Html.esc(c[1]))
                    .append("</p></div><div class=\"reply\"><a rel=\"nofollow\" class=\"comment-reply-link\" href=\"#respond\">")
                    .append("Reply</a></div></article></li>\n");
        }
        return s.append("</ol>\n<div id=\"respond\" class=\"comment-respond\"><h3 class=\"comment-reply-title\">Leave a Reply</h3>")
                .append("<p class=\"must-log-in\">You must be <a href=\"").append(loginUrl)
                .append("\">logged in</a> to post a comment.</p></div>\n</div>\n").toString();
    }
}
