import { rowAuditBaselineSql, rowAuditTriggersSql, ROW_AUDIT_SEED_TRIGGER, type AuditedTable } from '../row-audit-sql.ts';

/**
 * Row audit: every table holding business data or configuration gets triggers that append its after-image
 * to a hash-chained log (row_audit), so every write is covered whichever code makes it. The column lists
 * are frozen here as they stood at this migration; a later migration that adds a column recreates that
 * table's triggers. A private key (older installations) is imaged by its hash only, never copied into the
 * log. ledger_balances is left out: `audit verify` recomputes it from the movements.
 */
const TABLES: Record<string, AuditedTable> = {
  attachments: { pk: ['id'], columns: 'id registration_id sha256 mime size_bytes file_name added_at added_by' },
  case_confiscations: { pk: ['case_id'], columns: 'case_id penalty_decision_no penalty_decision_date reason recorded_by recorded_at' },
  case_events: { pk: ['id'], columns: 'id case_id seq type event_date phase_after payload_json actor_id at' },
  certificate_checks: { pk: ['id'], columns: 'id registration_id report_number lab cma_number sample_origin sampled_on reported_on input_json results_json verdict outcome provisional checked_json items_json missing_json signals_json reasons_json policy_version limits_version checked_at checked_by' },
  certificate_overrides: { pk: ['id'], columns: 'id check_id outcome reason overridden_at overridden_by' },
  certificate_reviews: { pk: ['id'], columns: 'id check_id outcome reason decided_at decided_by' },
  checkpoint_key: { pk: ['id'], columns: 'id checkpoint_id public_key_pem private_key_pem created_at', blobs: ['private_key_pem'] },
  confiscation_notices: { pk: ['id'], columns: 'id uid direction case_ref disposal_point_code penalty_decision_no penalty_decision_date record_json content_hash signature_qr_text signed_file_text recorded_by recorded_at' },
  counters: { pk: ['name'], columns: 'name last_value' },
  device_settings: { pk: ['id'], columns: 'id training_mode updated_at wedge_prefix wedge_suffix wedge_min_length wedge_max_inter_key_ms wedge_updated_at' },
  devices: { pk: ['id'], columns: 'id kind name port_path baud_rate data_bits parity stop_bits protocol options_json enabled updated_at transport' },
  disposal_points: { pk: ['id'], columns: 'id code name address active created_at' },
  document_numbers: { pk: ['id'], columns: 'id kind year seq number case_id handover_id issued_by issued_at void_reason voided_by voided_at' },
  document_settings: { pk: ['id'], columns: 'id agency_name agency_address agency_phone seal_text review_government review_superior_department court number_patterns_json updated_at term_policy_json' },
  enforcement_cases: { pk: ['id'], columns: 'id case_number registration_id phase record_json custody_point_id net_kg plate finding_json decision_date decided_by testing_json extension_json release_json outcome_date created_by created_at updated_at term_rules_json seized_at seized_place decided_at served_at late_decision_reason' },
  follow_up_samples: { pk: ['id'], columns: 'id registration_id check_id sample_number lab taken_at taken_by result_report_number result_json result_verdict result_check_json result_at result_by' },
  handover_cases: { pk: ['handover_id','case_ref','coal_kind'], columns: 'handover_id case_ref coal_kind quantity_kg' },
  handovers: { pk: ['id'], columns: 'id uid direction form_no checkpoint_id disposal_point_code handed_over_at receiver_name record_json total_kg content_hash signature_qr_text signed_file_text imported_from recorded_by recorded_at' },
  ledger_movements: { pk: ['seq'], columns: 'seq id kind at point_id case_ref coal_kind operator_id operator_name handover_id handover_form_no handed_over_kg quantity_kg difference_reason method authority_ref counterparty proceeds_fen treasury_remittance_ref book_kg physical_kg variance_reason reverses_id reason confiscates decision_date notice_id received_delta_kg disposed_delta_kg released_delta_kg gain_delta_kg loss_delta_kg balance_delta_kg proceeds_delta_fen' },
  limits_imports: { pk: ['id'], columns: 'id version table_json effective_from imported_at imported_by' },
  issued_pdfs: { pk: ['job_id'], columns: 'job_id pdf_sha256 size_bytes' },
  pick_list_entries: { pk: ['id'], columns: 'id kind value uses last_used_at hidden' },
  policy_activations: { pk: ['id'], columns: 'id policy_id version policy_json effective_from activated_at activated_by' },
  print_job_pdfs: { pk: ['job_id'], columns: 'job_id pdf', blobs: ['pdf'] },
  print_jobs: { pk: ['id'], columns: 'id document_id copy printed_by printed_by_name printed_at status error updated_at printer_name copies attempts spool_job_id' },
  printed_documents: { pk: ['id'], columns: 'id number_id case_id kind document_number content_hash data_json print_count first_printed_by first_printed_at' },
  printer_choices: { pk: ['user_id'], columns: 'user_id printer_name copies updated_at' },
  recognised_labs: { pk: ['id'], columns: 'id name cma_number valid_until added_at added_by' },
  registrations: { pk: ['id'], columns: 'id record_number revision amends_id amendment_reason station_code operator_id registered_at plate trailer_plate plate_color driver_name driver_id_number driver_phone carrier origin consignee destination destination_in_hebei coal_kind coal_kind_other intended_use declared_kg has_contract has_report report_number via_designated_route gross_kg tare_kg net_kg weight_source manual_reason weighing_id training' },
  settings: { pk: ['key'], columns: 'key value' },
  station: { pk: ['id'], columns: 'id name code created_at' },
  trusted_checkpoints: { pk: ['checkpoint_id'], columns: 'checkpoint_id name public_key_pem registered_by registered_at' },
  user_roles: { pk: ['user_id','role'], columns: 'user_id role' },
  users: { pk: ['id'], columns: 'id username display_name role password_hash credential_number active failed_logins locked_until created_at must_change_password' },
  cli_tokens: { pk: ['id'], columns: 'id token_hash user_id created_at expires_at revoked_at' },
  document_reissues: { pk: ['id'], columns: 'id number_id case_id kind reason flagged_by flagged_at' },
  backup_config: { pk: ['id'], columns: 'id target_dir daily_at at_shift_end on_quit keep_daily keep_weekly keep_monthly' },
  backup_runs: { pk: ['id'], columns: 'id started_at finished_at trigger target_dir set_name ok problem_key problem_params size_bytes duration_ms' },
  vehicle_register: { pk: ['plate'], columns: 'plate trailer_plate plate_color driver_name driver_id_number driver_phone carrier consignee origin destination destination_in_hebei coal_kind coal_kind_other intended_use declared_kg has_contract via_designated_route last_tare_kg last_report_number last_registration_id last_seen_at visits' },
  weighing_ticket_prints: { pk: ['id'], columns: 'id registration_id copy_number format content_hash printed_at printed_by' },
  weighings: { pk: ['id'], columns: 'id weight_kg frames_json protocol device_id device_label simulated captured_at captured_by used_by_registration' },
};

export default `
CREATE TABLE row_audit (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  pk TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('B','I','U','D')),
  after_json TEXT,
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX row_audit_by_row ON row_audit (tbl, pk, seq);
CREATE TRIGGER row_audit_no_update BEFORE UPDATE ON row_audit BEGIN SELECT RAISE(ABORT, 'the row audit is append-only'); END;
CREATE TRIGGER row_audit_no_delete BEFORE DELETE ON row_audit BEGIN SELECT RAISE(ABORT, 'the row audit is append-only'); END;
-- The SHA-256 of the exact bytes of every paper issued (original and each copy), kept after the PDF itself
-- is dropped from the print queue: \`documents verify\` accepts a file only by these bytes.
CREATE TABLE issued_pdfs (
  job_id INTEGER PRIMARY KEY REFERENCES print_jobs(id),
  pdf_sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL
);
CREATE INDEX issued_pdfs_by_hash ON issued_pdfs (pdf_sha256);
INSERT INTO issued_pdfs (job_id, pdf_sha256, size_bytes) SELECT job_id, checkpoint_digest(pdf), length(pdf) FROM print_job_pdfs;
CREATE TRIGGER issued_pdfs_record AFTER INSERT ON print_job_pdfs BEGIN
  INSERT OR IGNORE INTO issued_pdfs (job_id, pdf_sha256, size_bytes) VALUES (NEW.job_id, checkpoint_digest(NEW.pdf), length(NEW.pdf));
END;
${ROW_AUDIT_SEED_TRIGGER}
${Object.entries(TABLES).map(([name, t]) => rowAuditBaselineSql(name, t)).join('\n')}
DROP TABLE temp.row_audit_seed;
${Object.entries(TABLES).map(([name, t]) => rowAuditTriggersSql(name, t)).join('\n')}
`;

/** The audited tables, for `audit verify` (which must not trust the triggers found in the file). */
export const ROW_AUDITED_TABLES: Readonly<Record<string, AuditedTable>> = TABLES;
