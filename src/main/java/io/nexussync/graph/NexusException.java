package io.nexussync.graph;

/** A failed call to Nexus; subclasses say whose fault it was and therefore how to retry. */
public abstract class NexusException extends RuntimeException {

    protected NexusException(String message, Throwable cause) {
        super(message, cause);
    }
}
