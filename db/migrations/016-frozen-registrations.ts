/**
 * A registration in a case is amended only by an officer of the case (issue 14 item 8): the amendment changes the
 * case's quantity, and every document already printed whose content it changes is flagged here until the
 * document's number is voided and a replacement issued (the flag is read against the number in force).
 */
export default /* sql */ `
CREATE TABLE document_reissues (
  id INTEGER PRIMARY KEY,
  number_id INTEGER NOT NULL REFERENCES document_numbers(id),
  case_id INTEGER NOT NULL REFERENCES enforcement_cases(id),
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  flagged_by INTEGER REFERENCES users(id),
  flagged_at TEXT NOT NULL
);
CREATE INDEX document_reissues_case ON document_reissues(case_id);
`;
