package io.nexussync.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexussync.graph.CypherStatement;
import io.nexussync.graph.NexusClient;

/**
 * What reconciliation reads from and removes in Nexus: a collection's Document uids page by page, and entities and
 * domains left without edges. Reads may filter with WHERE (the 2.5 read path has it); removals are DELETE-only
 * statements that re-check "still without edges" when they run, so a batch that has just linked a node keeps it.
 */
public final class NexusInventory {

    static final String DOCUMENT_UIDS = "MATCH (d:Document {tenant: $tenant, collection: $collection})"
            + " WHERE d.uid > $after RETURN d.uid AS uid ORDER BY d.uid LIMIT $limit";
    static final String ORPHAN_ENTITIES = "MATCH (e:Entity {tenant: $tenant}) WHERE NOT (e)--()"
            + " RETURN e.key AS key LIMIT $limit";
    static final String DELETE_ORPHAN_ENTITIES = "MATCH (e:Entity) WHERE e.key IN $keys AND NOT (e)--() DELETE e";
    /** A domain is an orphan without documents and without subdomains; its own link to a parent does not count. */
    static final String ORPHAN_DOMAINS = "MATCH (m:Domain {tenant: $tenant}) WHERE NOT (m)<-[:BELONGS_TO]-()"
            + " AND NOT (m)<-[:SUBDOMAIN_OF]-() RETURN m.key AS key LIMIT $limit";
    static final String DELETE_ORPHAN_DOMAINS = "MATCH (m:Domain) WHERE m.key IN $keys"
            + " AND NOT (m)<-[:BELONGS_TO]-() AND NOT (m)<-[:SUBDOMAIN_OF]-() DETACH DELETE m";

    private final NexusClient nexus;

    public NexusInventory(NexusClient nexus) {
        this.nexus = nexus;
    }

    /** Up to {@code limit} Document uids of a collection after {@code after}, in uid order. */
    public List<String> documentUids(String tenant, String collection, String after, int limit) {
        return column(nexus.execute(new CypherStatement("reconcile-document-uids", DOCUMENT_UIDS,
                Map.of("tenant", tenant, "collection", collection, "after", after, "limit", limit))));
    }

    public List<String> orphanEntities(String tenant, int limit) {
        return column(nexus.execute(new CypherStatement("reconcile-orphan-entities", ORPHAN_ENTITIES,
                Map.of("tenant", tenant, "limit", limit))));
    }

    public List<String> orphanDomains(String tenant, int limit) {
        return column(nexus.execute(new CypherStatement("reconcile-orphan-domains", ORPHAN_DOMAINS,
                Map.of("tenant", tenant, "limit", limit))));
    }

    /** Removes those of the entities that still have no edge; returns how many went. */
    public long deleteOrphanEntities(List<String> keys) {
        return deleted(nexus.execute(new CypherStatement("reconcile-delete-orphan-entities", DELETE_ORPHAN_ENTITIES,
                Map.of("keys", keys))));
    }

    /** Removes those of the domains that still have no document and no subdomain; returns how many went. */
    public long deleteOrphanDomains(List<String> keys) {
        return deleted(nexus.execute(new CypherStatement("reconcile-delete-orphan-domains", DELETE_ORPHAN_DOMAINS,
                Map.of("keys", keys))));
    }

    private static List<String> column(JsonNode answer) {
        List<String> values = new ArrayList<>();
        for (JsonNode row : answer.path("rows")) {
            JsonNode value = row.isArray() ? row.path(0) : row.path(answer.path("columns").path(0).asText());
            if (!value.isMissingNode() && !value.isNull()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    /** Nexus answers a delete with one row holding the number of nodes deleted. */
    private static long deleted(JsonNode answer) {
        JsonNode first = answer.path("rows").path(0);
        return first.isArray() ? first.path(0).asLong() : 0;
    }
}
