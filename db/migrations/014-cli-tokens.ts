/**
 * Command-line sign-in tokens (`checkpoint login`): only a SHA-256 of each token is kept, so a copy of the
 * database cannot be used to act as its users; each token has an expiry and can be revoked (`checkpoint logout`).
 */
export default /* sql */ `
CREATE TABLE cli_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX cli_tokens_user ON cli_tokens(user_id);
`;
