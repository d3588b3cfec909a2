package io.herald.fetch;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Names the kind of a network failure for {@link io.herald.model.FetchResult.NetworkError#kind()}.
 * Vert.x and Netty wrap causes, so the whole cause chain is searched, outermost first.
 */
final class FailureKind {

    static final String TIMEOUT = "timeout";
    static final String CONNECT = "connect";
    static final String DNS = "dns";
    static final String RESET = "reset";
    static final String PROTOCOL = "protocol";
    static final String OTHER = "other";

    private static final int MAX_CAUSE_DEPTH = 10;
    private static final int CODEC_FRAMES_CHECKED = 8;
    private static final String NETTY_HTTP_CODEC = "io.netty.handler.codec.http.";

    private FailureKind() {
    }

    static String of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            String kind = direct(t);
            if (kind != null) {
                return kind;
            }
        }
        return OTHER;
    }

    private static String direct(Throwable t) {
        if (t instanceof UnknownHostException) {
            return DNS;
        }
        // Netty's ConnectTimeoutException is a ConnectException: the host never answered the SYN,
        // which the frontier treats like any refused connection.
        if (t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof PortUnreachableException) {
            return CONNECT;
        }
        if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                || t instanceof io.netty.handler.timeout.TimeoutException) {
            return TIMEOUT;
        }
        // Checked before DecoderException's parent: a premature close is the peer hanging up, not junk.
        if (t instanceof PrematureChannelClosureException || t instanceof HttpClosedException
                || t instanceof StreamResetException || t instanceof ClosedChannelException) {
            return RESET;
        }
        if (t instanceof DecoderException) {
            return PROTOCOL;
        }
        if (t instanceof IOException && mentionsReset(t)) {
            return RESET;
        }
        if (thrownByHttpCodec(t)) {
            return PROTOCOL;
        }
        return null;
    }

    /**
     * Netty's HTTP decoder reports a malformed status line or header as a plain IllegalArgumentException
     * (e.g. "invalid version format"), which Vert.x passes on unwrapped; where it was thrown is the only
     * sign that the server, not our code, broke the protocol.
     */
    private static boolean thrownByHttpCodec(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, CODEC_FRAMES_CHECKED); i++) {
            if (frames[i].getClassName().startsWith(NETTY_HTTP_CODEC)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsReset(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("reset") || lower.contains("broken pipe") || lower.contains("closed");
    }
}
