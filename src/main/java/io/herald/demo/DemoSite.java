package io.herald.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bundled demo news site: three publications, each on its own loopback address, serving pre-rendered
 * pages. What {@code scripts/demo} crawls and what the end-to-end tests crawl.
 *
 * <pre>{@code
 * DemoSite site = new DemoSite(vertx, DemoSite.defaults());
 * site.start().onSuccess(urls -> log.info("demo site on {}", urls));
 * }</pre>
 */
public final class DemoSite {
    private final Vertx vertx;
    private final Options options;
    private final Queue<Hit> hits = new ConcurrentLinkedQueue<>();
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private volatile List<HostPages> rendered;
    private volatile List<String> baseUrls;
    private volatile ManifestBuilder.Result result;

    /**
     * @param addresses one loopback address per publication, in order: The Meridian Wire, Harbour Chronicle,
     *                  Northern Gazette
     * @param port      the port every server binds; 0 gives each server its own free port
     */
    public record Options(List<String> addresses, int port) {
        public Options {
            addresses = List.copyOf(addresses);
            if (addresses.size() != Publication.values().length) {
                throw new IllegalArgumentException("the demo site needs exactly "
                        + Publication.values().length + " addresses, got " + addresses);
            }
        }
    }

    /**
     * What a correct crawl with default scope finds.
     *
     * @param articleUrls          every robots-allowed article reachable from the three front pages
     * @param robotsDisallowedUrls linked URLs that robots.txt disallows; a crawler must never request them
     * @param titles               article URL → expected title
     */
    public record Manifest(Set<String> articleUrls, Set<String> robotsDisallowedUrls, Map<String, String> titles) {
        public Manifest {
            articleUrls = Set.copyOf(articleUrls);
            robotsDisallowedUrls = Set.copyOf(robotsDisallowedUrls);
            titles = Map.copyOf(titles);
        }
    }

    /**
     * One request the site received.
     *
     * @param host     the address of the server that received it, e.g. {@code 127.0.0.3}
     * @param path     the request path, with {@code ?query} if there was one
     * @param nanoTime {@link System#nanoTime()} when the request arrived
     */
    public record Hit(String host, String path, long nanoTime) {
    }

    public DemoSite(Vertx vertx, Options options) {
        this.vertx = vertx;
        this.options = options;
    }

    /** 127.0.0.2, 127.0.0.3 and 127.0.0.4 on port 8090. */
    public static Options defaults() {
        return new Options(List.of("127.0.0.2", "127.0.0.3", "127.0.0.4"), 8090);
    }

    /** Binds one server per address, renders the pages, and completes with the base URLs in address order. */
    public Future<List<String>> start() {
        List<Future<HttpServer>> binds = new ArrayList<>();
        for (int i = 0; i < options.addresses().size(); i++) {
            int index = i;
            String address = options.addresses().get(i);
            HttpServerOptions serverOptions = new HttpServerOptions().setHost(address).setPort(options.port())
                    .setCompressionSupported(true);
            binds.add(vertx.createHttpServer(serverOptions)
                    .requestHandler(new DemoRequestHandler(address, () -> pagesOf(index), hits::add))
                    .listen());
        }
        return Future.join(binds).transform(ar -> {
            binds.stream().filter(Future::succeeded).forEach(f -> servers.add(f.result()));
            return ar.succeeded() ? render() : close().transform(x -> Future.failedFuture(ar.cause()));
        });
    }

    private Future<List<String>> render() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            urls.add("http://" + options.addresses().get(i) + ":" + servers.get(i).actualPort() + "/");
        }
        return vertx.executeBlocking(() -> {
            ArticleCatalog catalog = ArticleCatalog.load();
            SiteLinks links = new SiteLinks(urls);
            Map<Publication, HostPages> pages = new EnumMap<>(Publication.class);
            pages.put(Publication.MERIDIAN, new MeridianSite(catalog, links).render());
            pages.put(Publication.HARBOUR, new HarbourSite(catalog, links).render());
            pages.put(Publication.GAZETTE, new GazetteSite(catalog, links).render());
            result = new ManifestBuilder(links, pages, catalog).build();
            baseUrls = List.copyOf(urls);
            rendered = List.copyOf(pages.values());
            return baseUrls;
        });
    }

    private HostPages pagesOf(int index) {
        List<HostPages> pages = rendered;
        return pages == null ? null : pages.get(index);
    }

    public Future<Void> close() {
        List<Future<Void>> closes = servers.stream().map(HttpServer::close).toList();
        return Future.join(closes).mapEmpty();
    }

    /** Base URLs such as {@code http://127.0.0.2:8090/}, in address order. */
    public List<String> baseUrls() {
        return requireStarted(baseUrls);
    }

    public Manifest manifest() {
        return requireStarted(result).manifest();
    }

    /** Article URL → the paragraphs of its text as the page shows it (standfirst first where printed), for judging extraction quality. */
    public Map<String, List<String>> articleParagraphs() {
        return requireStarted(result).paragraphs();
    }

    /** Every request received so far, in arrival order (a copy). */
    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    private static <T> T requireStarted(T value) {
        if (value == null) {
            throw new IllegalStateException("demo site not started");
        }
        return value;
    }
}
