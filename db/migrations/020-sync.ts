/**
 * The installation's sync with the city hub: the hub's address (and CA when self-signed) and what the last
 * push did. Deliberately NOT row-audited: writing it would add an entry to the very feed being pushed, so an
 * installation could never be caught up; what the hub received is recorded on the hub, entry by entry.
 */
export default `
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hub_url TEXT,
  ca_pem TEXT,
  last_result_json TEXT,
  last_ok_at TEXT,
  hub_head_seq INTEGER,
  -- The mailbox: the last outgoing handover and notice sent through the hub, the last hub mail id fetched.
  mail_handover_id INTEGER NOT NULL DEFAULT 0,
  mail_notice_id INTEGER NOT NULL DEFAULT 0,
  mail_fetched_id INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_state (id) VALUES (1);
`;
