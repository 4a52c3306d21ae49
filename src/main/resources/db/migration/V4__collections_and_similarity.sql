-- Collections an operator switched on or off (POST /admin/sync/enable|disable). A collection without a row follows
-- sync.collections.enabled-by-default.
CREATE TABLE sync_collection (
    tenant      VARCHAR(64)  NOT NULL,
    collection  VARCHAR(128) NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (tenant, collection)
);

-- When the document's SIMILAR_TO edges were last computed; NULL after every new version until they are, so that a
-- crash or an outage between writing a batch and its similarity edges is repaired by reconciliation.
ALTER TABLE sync_state ADD COLUMN similarity_at BIGINT;
