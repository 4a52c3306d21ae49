package io.nexussync.http;

import java.lang.reflect.Field;
import java.util.Map;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the answers Vert.x produces before any route runs (unknown path, wrong method, body over the limit) the same
 * JSON shape as every other refusal, instead of Vert.x's plain text.
 */
public final class HttpErrorBodies extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrorBodies.class);
    private static final Map<Integer, String> REASONS = Map.of(
            400, "bad request",
            404, "no such endpoint",
            405, "method not allowed",
            413, "body exceeds the size limit",
            415, "unsupported media type",
            500, "internal error");

    private final CamelContext context;

    public HttpErrorBodies(CamelContext context) {
        this.context = context;
        setIgnoreExchangeEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Router router = topRouter();
        if (router == null) {
            LOG.warn("Cannot reach the platform-http router: Vert.x refusals will have plain-text bodies");
            return;
        }
        REASONS.forEach((status, reason) -> router.errorHandler(status, reply(status, reason)));
    }

    /**
     * Vert.x looks error handlers up on the top-level router only, and Camel 4.18 exposes just the sub-router it
     * mounts on it; the top-level one is read from the server. The webhook tests for 405 and 413 fail if this stops
     * working after an upgrade.
     */
    private Router topRouter() {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        if (server == null) {
            return null;
        }
        try {
            Field field = VertxPlatformHttpServer.class.getDeclaredField("router");
            field.setAccessible(true);
            return (Router) field.get(server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Handler<RoutingContext> reply(int status, String reason) {
        String body = JsonReply.toJson(Map.of("error", reason));
        return ctx -> {
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
            }
        };
    }
}
