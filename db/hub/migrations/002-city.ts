/**
 * Indexes for the city's figures over `hub_rows` (issue 17 item 4): a truck's revisions by record number,
 * the amendment that supersedes a revision, a record's certificate checks, a check's overrides and reviews,
 * and the enforcement side by its dates. Each is partial on its table, like 001's `registered_at` index.
 */
export default `
CREATE INDEX hub_rows_reg_record ON hub_rows (installation_id, (after->>'record_number')) WHERE tbl = 'registrations';
CREATE INDEX hub_rows_reg_amends ON hub_rows (installation_id, (after->>'amends_id')) WHERE tbl = 'registrations' AND after->>'amends_id' IS NOT NULL;
CREATE INDEX hub_rows_check_reg ON hub_rows (installation_id, (after->>'registration_id')) WHERE tbl = 'certificate_checks';
CREATE INDEX hub_rows_check_decisions ON hub_rows (installation_id, tbl, (after->>'check_id')) WHERE tbl IN ('certificate_overrides', 'certificate_reviews');
CREATE INDEX hub_rows_case_decided ON hub_rows ((after->>'decision_date')) WHERE tbl = 'enforcement_cases';
CREATE INDEX hub_rows_handed_over ON hub_rows ((after->>'handed_over_at')) WHERE tbl = 'handovers';
CREATE INDEX hub_rows_ledger_at ON hub_rows (installation_id, (after->>'at')) WHERE tbl = 'ledger_movements';
`;
