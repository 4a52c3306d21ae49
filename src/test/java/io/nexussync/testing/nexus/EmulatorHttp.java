package io.nexussync.testing.nexus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A minimal JDK HTTP client for emulator tests, so that they exercise the real wire format. */
final class EmulatorHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** POSTs a Cypher request and returns the JSON answer, which must have HTTP status 200. */
    JsonNode cypher(NexusEmulator nexus, String query, Map<String, ?> parameters) throws IOException, InterruptedException {
        HttpResponse<String> response = post(nexus, "application/json", body(query, parameters));
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200 but got " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    HttpResponse<String> post(NexusEmulator nexus, String contentType, String body) throws IOException, InterruptedException {
        return post(nexus, contentType, body, Map.of());
    }

    /** POSTs {@code body} to /cypher with the given Content-Type (none when null) and extra headers. */
    HttpResponse<String> post(NexusEmulator nexus, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nexus.url() + "/cypher"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(NexusEmulator nexus, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(nexus.url() + path)).timeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String body(String query, Map<String, ?> parameters) throws IOException {
        return HttpJson.MAPPER.writeValueAsString(Map.of("query", query, "parameters", parameters));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return HttpJson.MAPPER.readTree(response.body());
    }
}
