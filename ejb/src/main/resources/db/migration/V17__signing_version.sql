-- commands are signed with the newest keys sent to the agent, not only those it said it took: it
-- reads its commands in order, so it has taken the keys before it reads the next command
ALTER TABLE agent ADD COLUMN signing_version INT DEFAULT 1 NOT NULL;
UPDATE agent SET signing_version = trust_version;
