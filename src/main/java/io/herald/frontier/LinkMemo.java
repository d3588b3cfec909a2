package io.herald.frontier;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, for recently offered raw links, what normalisation and scope made of them, and whether the URL
 * is already known to be seen. Normalisation and scope are pure functions of the string, and the seen set only
 * ever grows, so all three stay true. Page templates repeat the same navigation links on every page: most
 * offers skip URL parsing (the frontier's costliest step) and the seen-set lookup (a store read, since its
 * filter answers "maybe" for every URL it holds). Bounded (least recently used out).
 */
final class LinkMemo {
    /** What a raw link came to: its normalised form (null when unusable) and whether it is in scope. */
    record Verdict(String url, boolean inScope, Seen seen) {
        Verdict(String url, boolean inScope) {
            this(url, inScope, new Seen());
        }

        /**
         * True once the URL is known to be in the seen set (it never leaves it), or, for another node's host in a
         * cluster, handed over to its owner (whose seen set has it once the owner acknowledges it).
         */
        boolean knownSeen() {
            return seen.value;
        }

        void markSeen() {
            seen.value = true;
        }
    }

    /** The one mutable bit of a verdict; equal to any other, so verdicts compare by what the link came to. */
    static final class Seen {
        private boolean value;

        @Override
        public boolean equals(Object other) {
            return other instanceof Seen;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    private final UrlNormalizer normalizer;
    private final Scope scope;
    private final Map<String, Verdict> recent;

    LinkMemo(UrlNormalizer normalizer, Scope scope, int capacity) {
        this.normalizer = normalizer;
        this.scope = scope;
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
                return size() > capacity;
            }
        };
    }

    Verdict judge(String rawUrl) {
        Verdict verdict = recent.get(rawUrl);
        if (verdict == null) {
            String url = normalizer.normalize(rawUrl);
            verdict = new Verdict(url, url != null && scope.allows(url));
            recent.put(rawUrl, verdict);
        }
        return verdict;
    }

    /** Forgets every verdict: in a cluster whose hosts changed owners, "handed over" no longer means "seen". */
    void clear() {
        recent.clear();
    }
}
