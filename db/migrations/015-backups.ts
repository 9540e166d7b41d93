/** Backups (issue 15): where and when to back up, and the result of every backup with its verification. */
export default `
CREATE TABLE backup_config (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  target_dir TEXT,
  daily_at TEXT NOT NULL DEFAULT '22:00',
  at_shift_end INTEGER NOT NULL DEFAULT 1,
  on_quit INTEGER NOT NULL DEFAULT 1,
  keep_daily INTEGER NOT NULL DEFAULT 7,
  keep_weekly INTEGER NOT NULL DEFAULT 4,
  keep_monthly INTEGER NOT NULL DEFAULT 12
);
INSERT INTO backup_config (id) VALUES (1);

CREATE TABLE backup_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'daily', 'shift-end', 'quit', 'cli')),
  target_dir TEXT NOT NULL,
  set_name TEXT,
  ok INTEGER NOT NULL,
  -- An i18n key and its parameters (JSON) when the backup failed or did not verify.
  problem_key TEXT,
  problem_params TEXT,
  size_bytes INTEGER,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX backup_runs_ok ON backup_runs(ok, finished_at);
`;
