package io.nexussync.graph;

/** Nexus answered but refused the statement (200 with {@code error}, or a 4xx about the request): the data's fault. */
public class NexusQueryException extends NexusException {

    public NexusQueryException(String message) {
        super(message, null);
    }
}
