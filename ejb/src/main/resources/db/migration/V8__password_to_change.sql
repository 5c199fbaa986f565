-- an account whose password was generated (the first administrator's without ASSIST_ADMIN_PASSWORD)
-- must choose its own before doing anything else
ALTER TABLE technician ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
