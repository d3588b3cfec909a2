package io.herald.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.Logger;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** src/main/resources/logback.xml with HERALD_LOG_FORMAT=json writes one JSON object per line; text is the default. */
class JsonLogFormatTest {
    @Test
    void jsonFormatIsOneObjectPerLine() throws Exception {
        List<String> lines = log("json");
        assertThat(lines).hasSize(2);
        JsonObject first = new JsonObject(lines.get(0));
        assertThat(first.getString("level")).isEqualTo("INFO");
        assertThat(first.getString("loggerName")).isEqualTo("herald.progress");
        assertThat(first.getString("message")).isEqualTo("two\nlines with \"quotes\"");
        JsonObject second = new JsonObject(lines.get(1));
        assertThat(second.getJsonObject("throwable").getString("message")).isEqualTo("bad");
    }

    @Test
    void textFormatIsNotJson() throws Exception { // negative control: the check above can fail
        List<String> lines = log("text");
        assertThat(lines.size()).isGreaterThan(2);
        assertThatThrownBy(() -> new JsonObject(lines.get(0))).isInstanceOf(RuntimeException.class);
    }

    private static ILoggingEvent event(LoggerContext context, String logger, Level level, String message, Throwable t) {
        return new LoggingEvent(JsonLogFormatTest.class.getName(), context.getLogger(logger), level, message, t, null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> log(String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        try {
            context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as the real context has
            context.start();
            context.putProperty("HERALD_LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(CrawlRunner.class.getResource("/logback.xml"));
            // the root logger's one appender is the one the switch chose; its console is swapped for a buffer
            var appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
            var console = (OutputStreamAppender<ILoggingEvent>) appenders.next();
            assertThat(appenders.hasNext()).isFalse();
            assertThat(console.getName()).isEqualTo(format);
            // what the appender writes for each event is what its encoder makes of it
            var encoder = console.getEncoder();
            out.write(encoder.encode(event(context, "herald.progress", Level.INFO, "two\nlines with \"quotes\"", null)));
            out.write(encoder.encode(event(context, "io.herald.x", Level.WARN, "failed", new IllegalStateException("bad"))));
        } finally {
            context.stop();
        }
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
