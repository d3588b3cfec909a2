package io.herald.fetch;

import io.herald.model.FetchResult;
import io.herald.model.HttpCapture;

/**
 * A fetch's outcome and, when the fetcher records exchanges and a response head came, what was sent and received.
 *
 * @param capture null when not recorded, or when there was no response to record (a network error)
 */
public record Captured(FetchResult result, HttpCapture capture) {
}
