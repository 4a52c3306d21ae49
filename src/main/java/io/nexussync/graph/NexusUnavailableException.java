package io.nexussync.graph;

/** Nexus could not be reached or failed as a server (I/O error, 5xx, rejected credentials): retry later. */
public class NexusUnavailableException extends NexusException {

    public NexusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
