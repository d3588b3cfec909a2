package io.herald.app;

import io.herald.demo.DemoSite;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code herald demo-site}: serves the bundled demo news site until stopped. */
@Command(name = "demo-site", description = "Serve the bundled demo news site on 127.0.0.2-4.")
final class DemoSiteCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("herald.demo");

    @Option(names = "--port", description = "Port on each demo address (default ${DEFAULT-VALUE})")
    int port = DemoSite.defaults().port();

    @Override
    public Integer call() throws Exception {
        Vertx vertx = Vertx.vertx();
        DemoSite site = new DemoSite(vertx, new DemoSite.Options(DemoSite.defaults().addresses(), port));
        try {
            List<String> urls = site.start().toCompletionStage().toCompletableFuture().get();
            LOG.info("demo site up: {}", String.join("  ", urls));
        } catch (Exception e) {
            LOG.error("demo site could not start: {}", e.getMessage());
            vertx.close();
            return Main.EXIT_FATAL;
        }
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            site.close();
            forever.countDown();
        }));
        forever.await();
        return 0;
    }
}
