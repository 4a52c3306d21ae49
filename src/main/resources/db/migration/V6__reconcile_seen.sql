-- Documents one reconciliation run has seen, so that what is missing on either side is found with an anti-join in
-- SQL instead of in memory: side 'V' = present in Vectorizer (scan), 'N' = a Document node in Nexus. A run deletes its
-- rows when it ends, also when it fails.
CREATE TABLE reconcile_seen (
    job_id   BIGINT       NOT NULL,
    side     CHAR(1)      NOT NULL,
    doc_uid  VARCHAR(500) NOT NULL,
    PRIMARY KEY (job_id, side, doc_uid)
);

-- Reconciliation pages a collection's sync state in uid order (doc_uid > ? ORDER BY doc_uid LIMIT n): with this index
-- each page is a range scan instead of a sort of the whole collection.
CREATE INDEX sync_state_collection_uid ON sync_state (tenant, collection, doc_uid);
