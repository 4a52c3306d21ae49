package io.nexussync.proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import io.nexussync.vectorizer.VectorizerClient;
import org.apache.hc.core5.http.Header;

/**
 * The body of a forwarded answer as text bytes for mapping: the client gets the bytes as Vectorizer sent them, which
 * may be compressed when the client asked for that.
 */
final class ForwardedBody {

    private ForwardedBody() {
    }

    static byte[] decoded(VectorizerClient.Forwarded answer) {
        String encoding = null;
        for (Header header : answer.headers()) {
            if ("Content-Encoding".equalsIgnoreCase(header.getName())) {
                encoding = header.getValue().trim().toLowerCase();
            }
        }
        if (encoding == null || encoding.equals("identity") || answer.body().length == 0) {
            return answer.body();
        }
        try (InputStream in = switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(answer.body()));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(answer.body()));
            default -> null;
        }) {
            // an encoding we cannot read maps like an unreadable answer: the collection gets reconciled
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
