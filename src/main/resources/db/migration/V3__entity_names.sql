-- Tenant-wide entity resolution: every normalised name seen, and the canonical name of the entity it resolved to
-- (itself for the first name of an entity). Keeps resolution stable across restarts: "Acme Corpration" that once
-- fuzzily matched "acme" keeps resolving to it.
CREATE TABLE entity_name (
    tenant       VARCHAR(64)  NOT NULL,
    entity_type  VARCHAR(32)  NOT NULL,
    name         VARCHAR(400) NOT NULL,
    canonical    VARCHAR(400) NOT NULL,
    PRIMARY KEY (tenant, entity_type, name)
);
