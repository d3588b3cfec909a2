package io.herald.extract;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Notices pages whose article is behind a wall. A paywall shows in JSON-LD ({@code isAccessibleForFree:
 * false}, on the article or a part of it) or as a wall block (class or id such as {@code paywall},
 * {@code barrier}, {@code regwall}, with subscription wording) next to a short text. A consent wall is a
 * page whose readable text is itself a cookie/consent notice: the article is not there at all.
 */
final class WallDetector {
    static final String PAYWALL = "paywall";
    static final String CONSENT_WALL = "consent-wall";
    private static final Set<String> WALL_TOKENS = Set.of("paywall", "paywalled", "barrier", "regwall", "piano",
            "meter", "metered", "subscriber", "subscription", "premium", "wall", "tp");
    private static final Pattern WALL_WORDING = Pattern.compile("(?iu)subscri|sign in|log in|already a member|"
            + "unlock|continue reading|abonn|suscr|assin|подпис");
    private static final Pattern CONSENT = Pattern.compile("(?iu)\\bcookies?\\b|\\bconsent|\\bour partners\\b|"
            + "\\bpersonal data\\b|\\bprivacy (?:policy|settings|choices)\\b|\\bpersonalised (?:ads|advertising)\\b|"
            + "\\bpersonalized (?:ads|advertising)\\b|\\bwe value your privacy\\b|\\blegitimate interest");
    /** A wall marker only matters when the text shown is this short; a long free text is the article. */
    private static final int SHORT_TEXT = 150;
    private static final int CONSENT_MAX_WORDS = 500;
    private static final int CONSENT_HITS = 4;

    boolean paywalled(Document doc, JsonLdData ld, int words, PageText text) {
        if (Boolean.FALSE.equals(ld.accessibleForFree())) {
            return true;
        }
        return words < SHORT_TEXT && wallBlock(doc, text);
    }

    private static boolean wallBlock(Document doc, PageText text) {
        for (Element e : doc.body().getAllElements()) {
            if (ClassHints.hasToken(e, WALL_TOKENS) && text.length(e) < 1000 && WALL_WORDING.matcher(text.text(e)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The extracted text reads as a consent notice rather than an article. */
    static boolean consentWall(String text, int words) {
        if (words > CONSENT_MAX_WORDS || (!text.contains("ookie") && !text.contains("onsent")
                && !text.contains("rivacy") && !text.contains("OOKIE"))) {
            return false; // cheap first: the regex is costly and most pages never mention any of it
        }
        Matcher m = CONSENT.matcher(text);
        int hits = 0;
        while (m.find()) {
            hits++;
        }
        return hits >= CONSENT_HITS;
    }
}
