/**
 * The city hub's schema (PostgreSQL; the same SQL runs on PGlite). Entries are stored exactly as the
 * installation's row audit wrote them; `hub_rows` is their projection: the current after-image of every
 * row of every installation, which the city figures read (JSONB, with indexes on the fields they filter).
 */
export default `
CREATE TABLE installations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('checkpoint', 'disposal')),
  name TEXT NOT NULL,
  county TEXT,
  public_key_pem TEXT NOT NULL UNIQUE,
  registered_at TIMESTAMPTZ NOT NULL,
  registered_by TEXT NOT NULL,
  revoked_at TIMESTAMPTZ,
  revoked_by TEXT,
  head_seq BIGINT NOT NULL DEFAULT 0,
  head_hash TEXT NOT NULL DEFAULT '${'0'.repeat(64)}',
  last_sync_at TIMESTAMPTZ,
  last_sent_at TEXT
);

CREATE TABLE hub_entries (
  installation_id TEXT NOT NULL REFERENCES installations(id),
  seq BIGINT NOT NULL,
  tbl TEXT NOT NULL,
  pk TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('B','I','U','D')),
  after_json TEXT,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  redacted BOOLEAN NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (installation_id, seq)
);

CREATE TABLE hub_rows (
  installation_id TEXT NOT NULL REFERENCES installations(id),
  tbl TEXT NOT NULL,
  pk TEXT NOT NULL,
  after JSONB NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (installation_id, tbl, pk)
);
CREATE INDEX hub_rows_registered_at ON hub_rows ((after->>'registered_at')) WHERE tbl = 'registrations';
CREATE INDEX hub_rows_by_table ON hub_rows (tbl, installation_id);

CREATE TABLE hub_mail (
  id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  from_installation TEXT NOT NULL REFERENCES installations(id),
  to_installation TEXT NOT NULL REFERENCES installations(id),
  uid TEXT NOT NULL,
  signed_file_text TEXT NOT NULL,
  sent_at TIMESTAMPTZ NOT NULL,
  UNIQUE (kind, uid, to_installation)
);

CREATE TABLE hub_users (
  id BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('city', 'hub-admin')),
  password_hash TEXT NOT NULL,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  created_at TIMESTAMPTZ NOT NULL
);

-- What the hub's administrators did (register, revoke, users), append-only.
CREATE TABLE hub_audit (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_id TEXT,
  detail JSONB
);
CREATE FUNCTION hub_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'hub_audit is append-only'; END $$;
CREATE TRIGGER hub_audit_no_change BEFORE UPDATE OR DELETE ON hub_audit FOR EACH ROW EXECUTE FUNCTION hub_audit_append_only();
`;
