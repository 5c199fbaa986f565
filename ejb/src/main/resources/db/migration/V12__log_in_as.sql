-- the public key an agent made at its join, to which credentials are sealed (never the credentials)
ALTER TABLE agent ADD COLUMN public_key VARCHAR(1024);
-- a technician logging in to the customer's computer as another account: where it stands
-- (ASKED, ALLOWED, WORKING), the account worked as, the agent's last word on it, wrong tries in a
-- row, and until when the action is refused after too many
ALTER TABLE support_session ADD COLUMN log_in VARCHAR(16);
ALTER TABLE support_session ADD COLUMN working_as VARCHAR(513);
ALTER TABLE support_session ADD COLUMN log_in_note VARCHAR(512);
ALTER TABLE support_session ADD COLUMN log_in_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE support_session ADD COLUMN log_in_blocked_until TIMESTAMP;
