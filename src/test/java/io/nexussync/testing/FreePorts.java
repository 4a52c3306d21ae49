package io.nexussync.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** Free TCP ports for the bridge's HTTP and management servers in tests. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
