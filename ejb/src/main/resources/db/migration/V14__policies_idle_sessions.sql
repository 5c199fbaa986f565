-- the policies administrators set while the server runs (a missing row: the first-start value from
-- the environment)
CREATE TABLE policy (
  name VARCHAR(64) PRIMARY KEY,
  amount BIGINT NOT NULL,
  changed_at TIMESTAMP NOT NULL,
  changed_by VARCHAR(64) NOT NULL
);
-- when each technician last signed in (administrators see it)
ALTER TABLE technician ADD COLUMN last_sign_in_at TIMESTAMP;
-- an account of the company's directory (LDAP / Active Directory): its password and groups are the
-- directory's; its row is made at its first sign-in
ALTER TABLE technician ADD COLUMN directory BOOLEAN DEFAULT FALSE NOT NULL;
-- when an ended session's agent had its broker queue, address and permissions removed
ALTER TABLE agent ADD COLUMN released_at TIMESTAMP;
