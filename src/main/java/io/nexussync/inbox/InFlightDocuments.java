package io.nexussync.inbox;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents claimed from the inbox and not yet settled. The claimer skips them, which keeps every document in at most
 * one batch at a time and so keeps its changes in order.
 */
public final class InFlightDocuments {

    private final ConcurrentHashMap<String, Long> claimedAt = new ConcurrentHashMap<>();

    public void claim(Collection<String> uids, long now) {
        uids.forEach(uid -> claimedAt.put(uid, now));
    }

    public void settle(Collection<String> uids) {
        uids.forEach(claimedAt::remove);
    }

    public Set<String> uids() {
        return claimedAt.keySet();
    }

    public int size() {
        return claimedAt.size();
    }

    /** Documents claimed before {@code claimedBefore}: their batch was lost and they must be released. */
    public List<String> claimedBefore(long claimedBefore) {
        return claimedAt.entrySet().stream().filter(e -> e.getValue() < claimedBefore).map(e -> e.getKey()).toList();
    }
}
