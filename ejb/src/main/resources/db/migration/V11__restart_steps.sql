-- a run may restart the computer between two scripts: such a step has no script version
ALTER TABLE run_step ALTER COLUMN version_id DROP NOT NULL;
ALTER TABLE run_step ALTER COLUMN executable_sha256 DROP NOT NULL;
ALTER TABLE run_step ADD COLUMN restart BOOLEAN DEFAULT FALSE NOT NULL;
