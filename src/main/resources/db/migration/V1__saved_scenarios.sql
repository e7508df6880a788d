-- Saved scenarios. Portable SQL: the same migration runs on embedded H2 and on PostgreSQL.
-- id is the public view id (random, so scenarios cannot be enumerated); only a SHA-256 hash of the secret edit token
-- is stored, so a copy of the database does not grant edit rights.
CREATE TABLE saved_scenario (
    id              VARCHAR(32)    NOT NULL PRIMARY KEY,
    edit_token_hash VARCHAR(64)    NOT NULL,
    name            VARCHAR(120)   NOT NULL,
    notes           VARCHAR(4000)  NOT NULL,
    conditions      VARCHAR(20000) NOT NULL,
    pack_version    VARCHAR(40)    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX saved_scenario_updated ON saved_scenario (updated_at);
