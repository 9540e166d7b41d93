import { rowAuditTriggersSql, type AuditedTable } from '../row-audit-sql.ts';

/**
 * The monthly report's written sections (工作进展 / 存在问题及原因剖析 / 意见建议), one row per month: a draft
 * the supervisor saves as often as needed, then signs off. A signed row is frozen by the database too, so
 * no code path (nor a hand-edited file opened by the app) changes a report once it has been signed.
 * Every change is imaged into the row audit.
 */
export const MONTHLY_REPORT_AUDIT: AuditedTable = {
  pk: ['month'],
  columns: 'month progress problems suggestions status saved_by saved_by_name saved_at signed_by signed_by_name signed_at',
};

export default /* sql */ `
CREATE TABLE monthly_report_sections (
  month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  progress TEXT NOT NULL,
  problems TEXT NOT NULL,
  suggestions TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft','signed')),
  saved_by INTEGER NOT NULL REFERENCES users(id),
  saved_by_name TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  signed_by INTEGER REFERENCES users(id),
  signed_by_name TEXT,
  signed_at TEXT,
  CHECK ((status = 'signed') = (signed_by IS NOT NULL AND signed_at IS NOT NULL))
);
CREATE TRIGGER monthly_report_signed_frozen BEFORE UPDATE ON monthly_report_sections WHEN OLD.status = 'signed' BEGIN
  SELECT RAISE(ABORT, '月报已签发，内容已冻结，不能修改');
END;
CREATE TRIGGER monthly_report_signed_kept BEFORE DELETE ON monthly_report_sections WHEN OLD.status = 'signed' BEGIN
  SELECT RAISE(ABORT, '月报已签发，不能删除');
END;
${rowAuditTriggersSql('monthly_report_sections', MONTHLY_REPORT_AUDIT)}
`;
