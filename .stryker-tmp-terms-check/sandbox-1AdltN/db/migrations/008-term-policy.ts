/**
 * Configurable legal-term rules. The admin's current rules sit with the document settings (NULL = the
 * statutory defaults). Each case keeps the rules it was decided under, so a later change of the
 * start-day rule or the holiday list never moves the term already printed on its decision.
 */
// @ts-nocheck

export default /* sql */ `
-- JSON {startDayRule, warnWithinDays, statutoryHolidays}; NULL until an admin saves them.
ALTER TABLE document_settings ADD COLUMN term_policy_json TEXT;

-- JSON {startDayRule, baseDays, maxExtensionDays, statutoryHolidays} frozen when the case is decided; NULL while in draft.
ALTER TABLE enforcement_cases ADD COLUMN term_rules_json TEXT;

-- Cases decided before this migration were computed with the only rules there were: the defaults.
UPDATE enforcement_cases SET term_rules_json = '{"startDayRule":"next-day","baseDays":30,"maxExtensionDays":30,"statutoryHolidays":[]}'
WHERE decision_date IS NOT NULL;
`;
