package io.nexussync.graph;

import java.util.List;

/** What became of each change of a batch that reached Nexus. */
public record BatchOutcome(List<AppliedChange> applied, List<FailedChange> failed) {
}
