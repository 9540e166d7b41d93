import { useEffect, useImperativeHandle, useState, type Ref } from 'react';
import { Card, Col, Empty, Form, Row, Spin, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateReport, CertificateTruck } from '../../src-shared/contract/index.ts';
import { parseScannedReport } from '../../src-shared/contract/scanned-report.ts';
import type { CertificateResult } from '../../src-shared/domain/certificate/certificate-check.ts';
import { usualRankOf, type RegisteredCoalKind } from '../../src-shared/domain/certificate/coal-kind.ts';
import { ApiCallError, call } from '../api.ts';
import { CertificateVerdict } from './CertificateVerdict.tsx';
import type { RegistrationFormValues } from './RegistrationFields.tsx';
import { ReportFields } from './ReportFields.tsx';
import { emptyReport, reportState, toReportValues, type ReportFormValues, type ReportState } from './report-form.ts';
import { useKnownReport } from './useKnownReport.ts';

// The follow-up sample form reuses the result grid.
export { ResultRowsList } from './ReportFields.tsx';
export { toResults, type ResultRow } from './report-form.ts';
export const EMPTY_RESULTS = emptyReport(undefined).results;

const DEBOUNCE_MS = 350;

export interface CertificatePanelHandle {
  /** What the panel holds now: the report to save with the registration, none, or what is still missing. */
  state(): ReportState;
  /** Back to the defined defaults for a truck of this coal kind (the coal rank follows it). */
  reset(coalKind: string | undefined): void;
  /** A scanned report code into the report number; a code carrying the report (certificate JSON) fills the panel. Returns the number. */
  scan(code: string): string;
  /** Puts a report's fields into the panel: all it states (`over`), or only where the panel is still empty. */
  fill(report: Partial<CertificateReport>, over: boolean): string[];
  values(): ReportFormValues;
  restore(values: ReportFormValues): void;
  /** Puts a server's issue under the report field it names (`report.lab` → lab); false when the field is not here. */
  showIssue(path: string, text: string): boolean;
}

function truckOf(reg: Partial<RegistrationFormValues>): CertificateTruck | null {
  if (!reg.coalKind || !reg.intendedUse) return null;
  const net = typeof reg.grossKg === 'number' && typeof reg.tareKg === 'number' ? reg.grossKg - reg.tareKg : null;
  return {
    coalKind: reg.coalKind as CertificateTruck['coalKind'], intendedUse: reg.intendedUse as CertificateTruck['intendedUse'],
    destinationInHebei: !!reg.destinationInHebei, hasContract: !!reg.hasContract,
    ...(reg.origin?.trim() ? { origin: reg.origin.trim() } : {}),
    ...(net !== null && Number.isInteger(net) && net >= 0 ? { netKg: net } : {}),
  };
}

/** The live verdict of a report (or of none) for the truck being typed: nothing is stored. */
function usePreview(truck: CertificateTruck | null, state: ReportState) {
  const [preview, setPreview] = useState<{ result: CertificateResult | null; error: string | null; busy: boolean }>({ result: null, error: null, busy: false });
  const report = state.kind === 'report' ? state.report : state.kind === 'none' ? null : undefined;
  const requestKey = JSON.stringify([report, truck]);
  useEffect(() => {
    if (report === undefined || truck === null) {
      setPreview({ result: null, error: null, busy: false });
      return;
    }
    setPreview((p) => ({ ...p, busy: true }));
    let stale = false;
    const timer = setTimeout(() => {
      call('certificates.preview', { truck, report }).then(
        (result) => { if (!stale) setPreview({ result, error: null, busy: false }); },
        (err: unknown) => { if (!stale) setPreview({ result: null, error: err instanceof ApiCallError ? err.error.message : String(err), busy: false }); },
      );
    }, DEBOUNCE_MS);
    return () => { stale = true; clearTimeout(timer); };
    // requestKey stands for report and truck, which are rebuilt on every render.
  }, [requestKey]);
  return preview;
}

/**
 * The inspection report of the truck being registered: typed or scanned in, checked live against the
 * policy in force, and handed to the kiosk's save, which stores it with its check. Rendered inside the
 * registration form, whose truck facts it reads. The verdict shows only once the operator has said
 * something about the report (a number, or "no report").
 */
export function CertificatePanel(props: { ref?: Ref<CertificatePanelHandle>; onChange?(): void }) {
  const { t } = useTranslation();
  const registration = Form.useFormInstance<RegistrationFormValues>();
  const [form] = Form.useForm<ReportFormValues>();
  const values = Form.useWatch([], form) as ReportFormValues | undefined;
  const regValues = Form.useWatch([], registration) as Partial<RegistrationFormValues> | undefined;

  // The coal rank follows the coal kind until the operator picks one (a report may state another rank).
  const coalKind = regValues?.coalKind as RegisteredCoalKind | undefined;
  useEffect(() => {
    if (coalKind && !form.isFieldTouched('coalRank')) form.setFieldValue('coalRank', usualRankOf(coalKind));
  }, [coalKind, form]);

  const state = reportState(values);
  const truck = regValues ? truckOf(regValues) : null;
  const preview = usePreview(truck, state);

  /** The report's fields filled; what the operator typed is kept unless the report's own code says otherwise (`over`). */
  const fill = (report: Partial<CertificateReport>, over: boolean): string[] => {
    const current = form.getFieldsValue(true) as ReportFormValues;
    const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    const typedResults = (current.results ?? []).some((r) => typeof r?.value === 'number');
    // Selects start with a default (sample origin, the coal kind's usual rank): untouched, they take the report's.
    const takes = (k: keyof ReportFormValues) => over || (k === 'results' ? !typedResults : blank(current[k]) || !form.isFieldTouched(k));
    const values = Object.fromEntries(Object.entries(toReportValues(report)).filter(([k, v]) =>
      takes(k as keyof ReportFormValues) && JSON.stringify(v) !== JSON.stringify(current[k as keyof ReportFormValues])));
    if (Object.keys(values).length === 0) return [];
    form.setFieldsValue({ ...values, noReport: false });
    // A stated rank is the report's, not the coal kind's usual one: the coal-kind effect must leave it.
    if (values.coalRank) form.setFields([{ name: 'coalRank', value: values.coalRank, touched: true }]);
    props.onChange?.();
    return Object.keys(values);
  };
  useKnownReport(form, fill);

  /** A code carrying the report (scanned or pasted into the number) fills the panel; the field keeps the number. */
  const normalizeReportNumber = (text: string) => {
    const scanned = parseScannedReport(text ?? '');
    if (!scanned) return text;
    queueMicrotask(() => {
      fill(scanned, true);
      void message.success(t('vehicles.reportScanned'));
    });
    return scanned.reportNumber;
  };

  useImperativeHandle(props.ref, () => ({
    state: () => reportState(form.getFieldsValue(true) as ReportFormValues),
    reset(kind) {
      form.resetFields();
      form.setFieldsValue(emptyReport(kind));
    },
    scan(code) {
      const reportNumber = normalizeReportNumber(code.trim());
      form.setFieldsValue({ reportNumber, noReport: false });
      form.setFields([{ name: 'reportNumber', errors: [] }]);
      props.onChange?.();
      return reportNumber;
    },
    fill,
    values: () => form.getFieldsValue(true) as ReportFormValues,
    restore(v) {
      form.setFieldsValue(v);
      // A rank the operator chose (not the coal kind's usual one) must not be replaced by the coal-kind effect.
      const kind = registration.getFieldValue('coalKind') as RegisteredCoalKind | undefined;
      if (v.coalRank && kind && v.coalRank !== usualRankOf(kind)) form.setFields([{ name: 'coalRank', value: v.coalRank, touched: true }]);
    },
    showIssue(path, text) {
      const name = path.replace(/^report\./, '').split('.');
      if (!path.startsWith('report.') || form.getFieldInstance(name) === undefined) return false;
      form.setFields([{ name: name as unknown as keyof ReportFormValues, errors: [text] }]);
      return true;
    },
  }));

  const missingText = state.kind === 'lacking' ? state.missing.map((f) => t(`certificates.${f}`)).join('、') : '';
  return (
    <Card size="small" title={t('certificates.panel')} data-testid="certificate-panel" styles={{ body: { paddingTop: 6, paddingBottom: 6 } }}>
      {/* Enter (a scanner ends with one) must not submit the registration. */}
      <div onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }}>
        <Form form={form} component={false} layout="vertical" size="small" initialValues={emptyReport(undefined)} onValuesChange={() => props.onChange?.()}>
          <Row gutter={12}>
            <Col span={15}><ReportFields normalizeReportNumber={normalizeReportNumber} /></Col>
            <Col span={9} data-testid="certificate-preview" data-state={state.kind}>
              {preview.result && (state.kind === 'report' || state.kind === 'none') ? (
                // The reasons scroll inside the panel, so the panel stays within the screen however many there are.
                <Spin spinning={preview.busy} size="small">
                  <div style={{ maxHeight: 260, overflowY: 'auto' }}><CertificateVerdict result={preview.result} itemsHeight={110} /></div>
                </Spin>
              ) : preview.error ? (
                <Typography.Text type="danger" data-testid="certificate-error">{preview.error}</Typography.Text>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} styles={{ image: { height: 32 } }}
                  description={preview.busy ? t('certificates.checking') : state.kind === 'lacking' ? t('kiosk.reportMissing', { fields: missingText }) : t('kiosk.chooseReport')} />
              )}
            </Col>
          </Row>
        </Form>
      </div>
    </Card>
  );
}
