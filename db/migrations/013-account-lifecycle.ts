/**
 * Accounts with a life cycle: an administrator's password reset makes the user choose a new password at the
 * next login (the reset password is known to two people). Disabling reuses users.active.
 */
export default /* sql */ `
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
`;
