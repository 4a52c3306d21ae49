package io.nexussync.proxy;

import java.util.Locale;
import java.util.Set;

/**
 * Headers that describe one connection rather than the message (RFC 9110 §7.6.1), plus the framing headers the proxy's
 * own client and server set themselves; a proxy must not pass them on.
 */
final class HopByHop {

    private static final Set<String> NAMES = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization", "host", "content-length",
            "expect");

    private HopByHop() {
    }

    static boolean contains(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}
