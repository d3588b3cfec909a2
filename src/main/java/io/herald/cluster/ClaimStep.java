package io.herald.cluster;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * One atomic change of an article claim in {@link ClusterClaims#MAP}, run where the key lives (and on its backup).
 * A claim's value is the claiming node's name, with {@link #CONFIRMED} appended once its line is synced.
 *
 * @param op       what to do
 * @param self     the node asking
 * @param expected {@link Op#TAKE_OVER} only: the dead node's claim to replace
 */
record ClaimStep(Op op, String self, String expected) implements EntryProcessor<String, String, String> {
    /** Never part of a node name (letters, digits, {@code .}, {@code _}, {@code -}: see the config check). */
    static final String CONFIRMED = "+";

    enum Op {
        /** Claims a free key; answers the holder's value when there is one, else null (granted). */
        CLAIM,
        /** Replaces {@code expected} (or claims a key freed meanwhile); answers the value it leaves. */
        TAKE_OVER,
        /** Marks this node's claim confirmed; answers null. */
        CONFIRM,
        /** Removes this node's unconfirmed claim; answers null. */
        RELEASE
    }

    @Override
    public String process(Map.Entry<String, String> entry) {
        String value = entry.getValue();
        switch (op) {
            case CLAIM -> {
                if (value == null) {
                    entry.setValue(self);
                }
                return value;
            }
            case TAKE_OVER -> {
                if (value == null || value.equals(expected)) {
                    entry.setValue(self);
                    return self;
                }
                return value;
            }
            case CONFIRM -> {
                if (self.equals(value)) {
                    entry.setValue(self + CONFIRMED);
                }
                return null;
            }
            case RELEASE -> {
                if (self.equals(value)) {
                    entry.setValue(null); // removes the entry
                }
                return null;
            }
            default -> throw new IllegalStateException(op.toString());
        }
    }
}
