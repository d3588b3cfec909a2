package io.herald.fetch;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), "connect"),
                Arguments.of(new ConnectTimeoutException("connection timed out"), "connect"),
                Arguments.of(new UnknownHostException("nowhere.invalid"), "dns"),
                Arguments.of(new VertxException("wrapped", new UnknownHostException("x")), "dns"),
                Arguments.of(new NoStackTraceTimeoutException("idle"), "timeout"),
                Arguments.of(new TimeoutException(), "timeout"),
                Arguments.of(new SocketTimeoutException(), "timeout"),
                Arguments.of(new HttpClosedException("Connection was closed"), "reset"),
                Arguments.of(new StreamResetException(0), "reset"),
                Arguments.of(new PrematureChannelClosureException("closed"), "reset"),
                Arguments.of(new IOException("Connection reset by peer"), "reset"),
                Arguments.of(new TooLongFrameException("header too long"), "protocol"),
                Arguments.of(new IllegalArgumentException("not from a codec"), "other"),
                Arguments.of(new RuntimeException(), "other"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("failures")
    void namesTheKind(Throwable failure, String kind) {
        assertThat(FailureKind.of(failure)).isEqualTo(kind);
    }
}
