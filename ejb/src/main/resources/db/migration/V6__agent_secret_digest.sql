-- agents' secrets are now kept as their SHA-256 (hex), which the broker's realm reads; agents that
-- joined before keep a bcrypt hash nothing checks any more: their sessions' customers join again
UPDATE agent SET revoked = TRUE WHERE secret_hash LIKE '$2%';
