/**
 * Terms from the facts (行政强制法 arts.24, 25): a decided case keeps when and where the coal was taken,
 * when the decision was made and handed over, and why, if that was not on the day of the seizure.
 * Testing periods keep the end notified to the party (`notifiedEndDate`, formerly `expectedEndDate`).
 */
export default /* sql */ `
ALTER TABLE enforcement_cases ADD COLUMN seized_at TEXT;
ALTER TABLE enforcement_cases ADD COLUMN seized_place TEXT;
ALTER TABLE enforcement_cases ADD COLUMN decided_at TEXT;
ALTER TABLE enforcement_cases ADD COLUMN served_at TEXT;
ALTER TABLE enforcement_cases ADD COLUMN late_decision_reason TEXT;

-- Decided cases: the on-site record's time and place; the decision made when the 'decide' event was
-- recorded, and served then (the old receipts printed the seizure time, which could precede the decision).
UPDATE enforcement_cases SET
  seized_at = json_extract(record_json, '$.seizedAt'),
  seized_place = json_extract(record_json, '$.place'),
  decided_at = COALESCE((SELECT MIN(e.at) FROM case_events e WHERE e.case_id = enforcement_cases.id AND e.type = 'decide'), decision_date || 'T00:00:00+08:00'),
  served_at = COALESCE((SELECT MIN(e.at) FROM case_events e WHERE e.case_id = enforcement_cases.id AND e.type = 'decide'), decision_date || 'T00:00:00+08:00')
WHERE decision_date IS NOT NULL;

UPDATE enforcement_cases SET testing_json = (
  SELECT json_group_array(json_remove(json_set(t.value, '$.notifiedEndDate', json_extract(t.value, '$.expectedEndDate')), '$.expectedEndDate'))
  FROM json_each(enforcement_cases.testing_json) t
) WHERE json_array_length(testing_json) > 0;
`;
