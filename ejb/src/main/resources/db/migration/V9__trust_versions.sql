-- each renewal of the server's keys is a version; every agent says which one it trusts, and the
-- server signs its commands with that one until it has taken the next
ALTER TABLE agent ADD COLUMN trust_version INT DEFAULT 1 NOT NULL;

CREATE TABLE server_trust (
    version INT PRIMARY KEY,
    certificates VARCHAR(1024) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR(64) NOT NULL
);
