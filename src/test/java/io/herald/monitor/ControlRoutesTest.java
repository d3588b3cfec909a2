package io.herald.monitor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.herald.config.MonitorConfig;
import io.herald.model.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The /control routes on a real server, with a stand-in frontier on the event bus that records what it was told. */
class ControlRoutesTest {
    private static final String TOKEN = "s3cret-token-0123456789";
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client = WebClient.create(vertx);
    private final List<Object> frontierGot = new CopyOnWriteArrayList<>();
    private final Logger log = (Logger) LoggerFactory.getLogger(ControlRoutes.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void close() throws Exception {
        log.detachAppender(logged);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private int serve(String token) throws Exception {
        return serve(token, "127.0.0.1");
    }

    private int serve(String token, String monitorHost) throws Exception {
        vertx.eventBus().<Boolean>consumer(Addresses.FRONTIER_PAUSE, m -> { frontierGot.add("pause=" + m.body()); m.reply(m.body()); });
        vertx.eventBus().consumer(Addresses.FRONTIER_STOP, m -> frontierGot.add("stop"));
        vertx.eventBus().<JsonArray>consumer(Addresses.FRONTIER_SEEDS, m -> {
            frontierGot.add(m.body());
            m.reply(new JsonObject().put(m.body().getString(0), "queued"));
        });
        Router router = Router.router(vertx);
        ControlRoutes.mount(vertx, router, new MonitorConfig(true, monitorHost, 0, Duration.ZERO, Duration.ofMinutes(1),
                0, token));
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS).actualPort();
    }

    private HttpResponse<Buffer> post(int port, String path, String authorization, JsonObject body) throws Exception {
        var request = client.request(HttpMethod.POST, port, "127.0.0.1", path);
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
        return sent.await(10, TimeUnit.SECONDS);
    }

    @Test
    void withoutATokenTheRoutesDoNotExist() throws Exception {
        int port = serve(null);
        assertThat(post(port, "/control/pause", "Bearer " + TOKEN, null).statusCode()).isEqualTo(404);
        assertThat(post(port, "/control/stop", null, null).statusCode()).isEqualTo(404);
        assertThat(frontierGot).isEmpty();
    }

    @Test
    void aMissingOrWrongTokenIsRefusedAndTheFrontierIsNotTold() throws Exception {
        int port = serve(TOKEN);
        for (String path : List.of("/control/pause", "/control/resume", "/control/stop", "/control/seeds")) {
            assertThat(post(port, path, null, null).statusCode()).as(path).isEqualTo(401);
            assertThat(post(port, path, "Bearer " + TOKEN + "x", null).statusCode()).as(path).isEqualTo(401);
            assertThat(post(port, path, TOKEN, null).statusCode()).as("no Bearer scheme " + path).isEqualTo(401);
        }
        assertThat(frontierGot).isEmpty();
        // every refusal leaves a line an operator can alert on, and none of them repeats what was sent
        assertThat(warnings()).hasSize(12).allSatisfy(line -> assertThat(line).startsWith("refused POST /control/")
                .doesNotContain(TOKEN));
        assertThat(warnings()).filteredOn(line -> line.endsWith(": wrong token")).hasSize(8);
        assertThat(warnings()).filteredOn(line -> line.endsWith(": no token")).hasSize(4);
    }

    @Test
    void theRightTokenLogsNoRefusal() throws Exception {
        int port = serve(TOKEN);
        assertThat(post(port, "/control/pause", "Bearer " + TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aMonitorBeyondLoopbackWithoutATokenIsWarnedAbout() throws Exception {
        serve(null, "127.0.0.1");
        assertThat(warnings()).as("loopback: nothing to warn about").isEmpty();
        Router router = Router.router(vertx);
        ControlRoutes.mount(vertx, router, new MonitorConfig(true, "0.0.0.0", 0, Duration.ZERO, Duration.ofMinutes(1), 0, null));
        assertThat(warnings()).singleElement().asString().contains("listens on 0.0.0.0").contains("no monitor.token");
    }

    @Test
    void theRightTokenReachesTheFrontier() throws Exception {
        int port = serve(TOKEN);
        String auth = "Bearer " + TOKEN;
        assertThat(post(port, "/control/pause", auth, null).bodyAsJsonObject()).isEqualTo(new JsonObject().put("paused", true));
        assertThat(post(port, "/control/resume", auth, null).bodyAsJsonObject()).isEqualTo(new JsonObject().put("paused", false));
        HttpResponse<Buffer> seeds = post(port, "/control/seeds", auth, new JsonObject().put("urls", new JsonArray().add("http://127.0.0.9/x")));
        assertThat(seeds.bodyAsJsonObject().getJsonObject("seeds").getString("http://127.0.0.9/x")).isEqualTo("queued");
        assertThat(post(port, "/control/stop", auth, null).statusCode()).isEqualTo(202);
        assertThat(frontierGot).containsExactly("pause=true", "pause=false", new JsonArray().add("http://127.0.0.9/x"), "stop");
    }

    @Test
    void seedsNeedAListOfUrls() throws Exception {
        int port = serve(TOKEN);
        assertThat(post(port, "/control/seeds", "Bearer " + TOKEN, new JsonObject().put("urls", "http://a/")).statusCode())
                .isEqualTo(400);
        assertThat(post(port, "/control/seeds", "Bearer " + TOKEN, null).statusCode()).isEqualTo(400);
        assertThat(frontierGot).isEmpty();
    }

    @Test
    void onlyLoopbackAddressesCountAsLocal() {
        assertThat(ControlRoutes.isLoopback("127.0.0.1")).isTrue();
        assertThat(ControlRoutes.isLoopback("::1")).isTrue();
        assertThat(ControlRoutes.isLoopback("0.0.0.0")).isFalse();
        assertThat(ControlRoutes.isLoopback("10.0.0.5")).isFalse();
    }
}
