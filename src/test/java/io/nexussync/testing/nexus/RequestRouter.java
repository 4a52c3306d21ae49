package io.nexussync.testing.nexus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes requests like the Nexus router: public status endpoints, then the auth layer, then POST /cypher. */
final class RequestRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRouter.class);

    private final StatusEndpoints status;
    private final ApiKeyGuard guard;
    private final CypherEndpoint cypher;
    private final RequestLog log;

    RequestRouter(StatusEndpoints status, ApiKeyGuard guard, CypherEndpoint cypher, RequestLog log) {
        this.status = status;
        this.guard = guard;
        this.cypher = cypher;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
        } catch (IOException e) {
            // the client went away or the server is going down: nothing left to answer
            LOG.debug("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } catch (RuntimeException | Error e) {
            // the JDK server would swallow this and drop the connection, which looks like a network fault
            LOG.error("emulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path, String method) throws IOException {
        if (path.equals("/") || path.equals("/health") || path.equals("/stats")) {
            if (!method.equals("GET")) {
                HttpJson.sendEmpty(exchange, 405);
            } else if (path.equals("/stats")) {
                status.stats(exchange);
            } else {
                status.health(exchange);
            }
            return;
        }
        boolean cypherPath = path.equals("/cypher");
        if (cypherPath) {
            log.arrived();
        }
        Map<String, Object> rejection = guard.rejection(exchange.getRequestHeaders());
        if (rejection != null || (cypherPath && !method.equals("POST"))) {
            if (cypherPath) {
                log.finished(Outcome.REJECTED);
            }
            if (rejection != null) {
                HttpJson.send(exchange, 401, rejection);
            } else {
                HttpJson.sendEmpty(exchange, 405);
            }
        } else if (cypherPath) {
            cypher.handle(exchange);
        } else {
            HttpJson.sendEmpty(exchange, 404);
        }
    }
}
