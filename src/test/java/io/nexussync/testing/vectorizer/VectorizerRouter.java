package io.nexussync.testing.vectorizer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: log, injected delay and faults, the auth layer, then a route table matched segment by
 * segment ({@code {}} matches any one segment, URL-decoded, so ids such as {@code doc:1#0} travel as {@code %23}).
 */
final class VectorizerRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(VectorizerRouter.class);

    private record Route(String method, String[] pattern, Function<Call, Object> handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final VectorizerFaults faults;
    private final VectorizerRequestLog log;
    private final ApiKeyCheck auth;

    VectorizerRouter(VectorizerFaults faults, VectorizerRequestLog log, ApiKeyCheck auth) {
        this.faults = faults;
        this.log = log;
        this.auth = auth;
    }

    VectorizerRouter route(String method, String pattern, Function<Call, Object> handler) {
        routes.add(new Route(method, pattern.substring(1).split("/"), handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            log.record(exchange.getRequestMethod(), rawQuery == null ? rawPath : rawPath + "?" + rawQuery, body);
            long delay = faults.delayMillis();
            if (delay > 0) {
                TimeUnit.MILLISECONDS.sleep(delay);
            }
            Reply reply = faults.takeInjected(body);
            if (reply == null) {
                reply = auth.rejection(rawPath, exchange.getRequestHeaders(), rawQuery);
            }
            if (reply == null) {
                reply = dispatch(exchange.getRequestMethod(), rawPath, rawQuery, body,
                        exchange.getRequestHeaders().getFirst("Content-Type"));
            }
            send(exchange, reply);
        } catch (IOException e) {
            // the client went away or the server is going down: nothing left to answer
            LOG.debug("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private Reply dispatch(String method, String rawPath, String rawQuery, byte[] body, String contentType) {
        String[] segments = rawPath.length() <= 1 ? new String[] {""} : rawPath.substring(1).split("/", -1);
        boolean pathKnown = false;
        for (Route route : routes) {
            List<String> params = match(route.pattern(), segments);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                try {
                    Object result = route.handler().apply(new Call(params, query(rawQuery), body, contentType));
                    return result instanceof Reply reply ? reply : Reply.ok(result);
                } catch (ApiError e) {
                    return e.reply();
                } catch (RuntimeException e) {
                    // the JDK server would swallow this and drop the connection, which looks like a network fault
                    LOG.error("Vectorizer emulator failed on {} {}", method, rawPath, e);
                    return ApiError.of(500, "internal_error", String.valueOf(e)).reply();
                }
            }
        }
        return pathKnown
                ? ApiError.of(405, "method_not_allowed", "Method " + method + " not allowed on " + rawPath).reply()
                : ApiError.of(404, "not_found", "No route for " + method + " " + rawPath).reply();
    }

    private static List<String> match(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return null;
        }
        List<String> params = new ArrayList<>(2);
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals("{}")) {
                params.add(URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!pattern[i].equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-request-id", UUID.randomUUID().toString());
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(reply.retryAfter()));
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
