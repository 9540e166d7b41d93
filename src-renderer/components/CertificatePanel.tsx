import { useEffect, useImperativeHandle, useState, type Ref } from 'react';
import { Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Spin, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateReport, CertificateTruck, RecognisedLabRow } from '../../src-main/contract/index.ts';
import type { CertificateResult } from '../../src-main/domain/certificate/certificate-check.ts';
import { usualRankOf, type RegisteredCoalKind } from '../../src-main/domain/certificate/coal-kind.ts';
import { BASES, ITEMS, ITEM_INFO, acceptedUnits, type Basis, type Item } from '../../src-main/domain/certificate/items.ts';
import { COAL_RANKS } from '../../src-main/domain/certificate/vocabulary.ts';
import { ApiCallError, call } from '../api.ts';
import { CertificateVerdict, useBilingual } from './CertificateVerdict.tsx';
import { PickInput } from './PickInput.tsx';
import type { RegistrationFormValues } from './RegistrationFields.tsx';

export interface ResultRow {
  item: Item;
  basis?: Basis;
  value?: number | null;
  unit: string;
}

interface CertificateFormValues {
  reportNumber?: string;
  lab?: string;
  cmaNumber?: string;
  sampleOrigin?: 'lab' | 'client';
  sampledOn?: string;
  reportedOn?: string;
  coalRank?: CertificateReport['coalRank'];
  tonnageCoveredKg?: number | null;
  distanceKm?: number | null;
  results: ResultRow[];
}

/** The rows a typical report carries, in the order they are printed; values are typed in. */
export const EMPTY_RESULTS: ResultRow[] = [
  { item: 'Mt', basis: 'ar', unit: '%' }, { item: 'M', basis: 'ad', unit: '%' }, { item: 'A', basis: 'ad', unit: '%' },
  { item: 'V', basis: 'ad', unit: '%' }, { item: 'St', basis: 'ad', unit: '%' }, { item: 'Qnet', basis: 'ar', unit: 'MJ/kg' },
];
const EMPTY: CertificateFormValues = { sampleOrigin: 'lab', results: EMPTY_RESULTS };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEBOUNCE_MS = 350;

export interface CertificatePanelHandle {
  /** Stores the check for a just-saved registration; a registration without a report stores the missing-report outcome. */
  store(registrationId: number, hasReport: boolean): Promise<void>;
  reset(): void;
  /** Fills the report's fields from a scanned code or a report seen before. */
  fill(report: Partial<CertificateReport>): void;
}

function basesFor(item: Item): readonly Basis[] {
  const fixed = ITEM_INFO[item].fixedBasis;
  if (fixed === null) return [];
  if (fixed) return [fixed];
  return item === 'A' ? BASES.filter((b) => b !== 'daf') : BASES;
}

/** The rows with a value typed in, as the contract takes them. */
export function toResults(rows: ResultRow[] | undefined): CertificateReport['results'] {
  return (rows ?? [])
    .filter((r): r is ResultRow & { value: number } => typeof r?.value === 'number')
    .map((r) => ({ item: r.item, ...(r.basis ? { basis: r.basis } : {}), value: r.value, unit: r.unit }));
}

/** The report as the contract takes it, null without a report number, 'incomplete' while required fields are missing. */
function toReport(v: CertificateFormValues): CertificateReport | null | 'incomplete' {
  const reportNumber = v.reportNumber?.trim();
  if (!reportNumber) return null;
  if (!v.lab?.trim() || !v.sampleOrigin || !v.coalRank || !DATE.test(v.sampledOn ?? '') || !DATE.test(v.reportedOn ?? '')) return 'incomplete';
  const results = toResults(v.results);
  return {
    reportNumber, lab: v.lab.trim(), sampleOrigin: v.sampleOrigin, sampledOn: v.sampledOn!, reportedOn: v.reportedOn!, coalRank: v.coalRank, results,
    ...(v.cmaNumber?.trim() ? { cmaNumber: v.cmaNumber.trim() } : {}),
    ...(typeof v.tonnageCoveredKg === 'number' ? { tonnageCoveredKg: v.tonnageCoveredKg } : {}),
    ...(typeof v.distanceKm === 'number' ? { distanceKm: v.distanceKm } : {}),
  };
}

/** Form values from a scanned JSON report (docs/certificate-json.md); null when the text is not one. */
function fromScannedJson(text: string): Partial<CertificateFormValues> | null {
  if (!text.trimStart().startsWith('{')) return null;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof json.reportNumber !== 'string') return null;
  const str = (k: string) => (typeof json[k] === 'string' ? (json[k] as string) : undefined);
  const num = (k: string) => (typeof json[k] === 'number' ? (json[k] as number) : undefined);
  return {
    reportNumber: json.reportNumber, lab: str('lab'), cmaNumber: str('cmaNumber'),
    sampleOrigin: json.sampleOrigin === 'client' ? 'client' : 'lab', sampledOn: str('sampledOn'), reportedOn: str('reportedOn'),
    coalRank: COAL_RANKS.find((r) => r === json.coalRank), tonnageCoveredKg: num('tonnageCoveredKg'), distanceKm: num('distanceKm'),
    results: Array.isArray(json.results) ? (json.results as ResultRow[]).filter((r) => ITEMS.includes(r?.item)) : undefined,
  };
}

function truckOf(reg: Partial<RegistrationFormValues>): CertificateTruck | null {
  if (!reg.coalKind || !reg.intendedUse) return null;
  const net = typeof reg.grossKg === 'number' && typeof reg.tareKg === 'number' ? reg.grossKg - reg.tareKg : null;
  return {
    coalKind: reg.coalKind as CertificateTruck['coalKind'], intendedUse: reg.intendedUse as CertificateTruck['intendedUse'],
    destinationInHebei: !!reg.destinationInHebei, hasContract: !!reg.hasContract,
    ...(reg.origin?.trim() ? { origin: reg.origin.trim() } : {}),
    ...(net !== null && net >= 0 ? { netKg: net } : {}),
  };
}

/** A form's `results` list of lab results, two rows a line, with a button to add one. */
export function ResultRowsList() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary">{t('certificates.results')}（{t('certificates.item')} · {t('certificates.basis')} · {t('certificates.value')} · {t('certificates.unit')}）</Typography.Text>
      <Form.List name="results">
        {(rows, { add, remove }) => (
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4, marginTop: 4 }}>
            {rows.map((row) => <ResultRowFields key={row.key} name={row.name} onRemove={() => remove(row.name)} />)}
            <Button size="small" type="dashed" onClick={() => add({ item: 'Qgr', basis: 'ad', unit: 'MJ/kg' })}>+ {t('certificates.addResult')}</Button>
          </div>
        )}
      </Form.List>
    </>
  );
}

/** One row of a form's `results` list: item, basis, value, unit. */
function ResultRowFields(props: { name: number; onRemove(): void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const form = Form.useFormInstance<CertificateFormValues>();
  const item = Form.useWatch(['results', props.name, 'item'], form) as Item | undefined;
  const bases = item ? basesFor(item) : [];
  const units = item ? acceptedUnits(item) : [];
  const changeItem = (next: Item) => {
    const nextBases = basesFor(next);
    form.setFieldValue(['results', props.name], { item: next, basis: nextBases[0], unit: acceptedUnits(next)[0], value: null });
  };
  return (
    <Row gutter={4} data-testid={`result-${props.name}`}>
      <Col span={6}>
        <Form.Item name={[props.name, 'item']} noStyle>
          <Select size="small" style={{ width: '100%' }} onChange={changeItem} showSearch labelRender={(o) => o.value}
            options={ITEMS.map((i) => ({ value: i, label: `${i} ${text(ITEM_INFO[i])}` }))} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[props.name, 'basis']} noStyle>
          <Select size="small" style={{ width: '100%' }} disabled={bases.length <= 1} options={bases.map((b) => ({ value: b, label: b }))} />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[props.name, 'value']} noStyle>
          <InputNumber size="small" style={{ width: '100%' }} data-testid={`result-value-${item ?? ''}-${props.name}`} />
        </Form.Item>
      </Col>
      <Col span={7}>
        <Form.Item name={[props.name, 'unit']} noStyle>
          <Select size="small" style={{ width: '100%' }} popupMatchSelectWidth={false} disabled={units.length <= 1} options={units.map((u) => ({ value: u, label: u }))} />
        </Form.Item>
      </Col>
      <Col span={2}><Button size="small" type="text" danger onClick={props.onRemove} aria-label={t('certificates.remove')}>×</Button></Col>
    </Row>
  );
}

/**
 * The inspection report of the truck being registered: typed or scanned in, checked live against the
 * policy in force (nothing stored), and stored with the registration once it is saved.
 * Rendered inside the registration form, whose truck facts it reads.
 */
export function CertificatePanel(props: { ref?: Ref<CertificatePanelHandle> }) {
  const { t } = useTranslation();
  const registration = Form.useFormInstance<RegistrationFormValues>();
  const [form] = Form.useForm<CertificateFormValues>();
  const values = Form.useWatch([], form) as CertificateFormValues | undefined;
  const regValues = Form.useWatch([], registration) as Partial<RegistrationFormValues> | undefined;
  const [labs, setLabs] = useState<RecognisedLabRow[]>([]);
  const [preview, setPreview] = useState<{ result: CertificateResult | null; error: string | null; busy: boolean }>({ result: null, error: null, busy: false });

  useEffect(() => { void call('labs.list', {}).then(setLabs, () => setLabs([])); }, []);

  const coalKind = regValues?.coalKind as RegisteredCoalKind | undefined;
  useEffect(() => {
    if (coalKind && !form.isFieldTouched('coalRank')) form.setFieldValue('coalRank', usualRankOf(coalKind));
  }, [coalKind, form]);

  const report = values ? toReport(values) : 'incomplete';
  const truck = regValues ? truckOf(regValues) : null;
  const requestKey = JSON.stringify([report, truck]);
  useEffect(() => {
    if (report === 'incomplete' || truck === null) {
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

  // The report number typed here is the registration's report number.
  const reportNumber = values?.reportNumber?.trim() ?? '';
  useEffect(() => {
    if (reportNumber && !reportNumber.startsWith('{')) registration.setFieldsValue({ hasReport: true, reportNumber });
  }, [reportNumber, registration]);

  /** A keyboard-wedge scanner types into the focused field; a JSON report fills the whole panel. */
  const normalizeReportNumber = (text: string) => {
    const scanned = fromScannedJson(text ?? '');
    if (!scanned) return text;
    queueMicrotask(() => {
      form.setFieldsValue({ ...scanned, results: scanned.results ?? EMPTY_RESULTS });
      void message.success(t('certificates.scanFilled'));
    });
    return scanned.reportNumber;
  };

  const reset = () => {
    form.resetFields();
    setPreview({ result: null, error: null, busy: false });
  };
  useImperativeHandle(props.ref, () => ({
    async store(registrationId, hasReport) {
      const current = toReport(form.getFieldsValue(true) as CertificateFormValues);
      if (current === 'incomplete' || (current === null && hasReport)) {
        void message.warning(t('certificates.notStored'));
        return;
      }
      const stored = await call('certificates.check', { registrationId, report: current });
      void message.info(t('certificates.stored', { outcome: t(`certificates.outcomes.${stored.outcome}`) }));
      reset();
    },
    reset,
    fill: (report) => form.setFieldsValue(report),
  }));

  const labOptions = labs.map((l) => ({ value: l.name, label: l.name }));
  const pickLab = (name: string) => {
    const lab = labs.find((l) => l.name === name);
    if (lab?.cmaNumber) form.setFieldValue('cmaNumber', lab.cmaNumber);
  };
  const field = (name: keyof CertificateFormValues) => ({ name, label: t(`certificates.${name}`), style: { marginBottom: 6 } });
  return (
    <Card size="small" title={t('certificates.panel')} style={{ marginTop: 12 }} data-testid="certificate-panel">
      {/* Enter (a scanner ends with one) must not submit the registration. */}
      <div onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }}>
        <Form form={form} component={false} layout="vertical" size="small" initialValues={EMPTY}>
          <Row gutter={12}>
            <Col span={13}>
              <Row gutter={8}>
                <Col span={8}><Form.Item {...field('reportNumber')} normalize={normalizeReportNumber}><Input data-testid="cert-reportNumber" /></Form.Item></Col>
                <Col span={10}>
                  <Form.Item {...field('lab')}>
                    <PickInput kind="lab" extra={labOptions.map((o) => o.value)} onSelect={pickLab} data-testid="cert-lab" />
                  </Form.Item>
                </Col>
                <Col span={6}><Form.Item {...field('cmaNumber')}><Input maxLength={40} data-testid="cert-cmaNumber" /></Form.Item></Col>
              </Row>
              <Row gutter={8}>
                <Col span={5}>
                  <Form.Item {...field('sampleOrigin')}>
                    <Select options={(['lab', 'client'] as const).map((o) => ({ value: o, label: t(`certificates.sampleOrigins.${o}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={5}><Form.Item {...field('sampledOn')}><Input placeholder="YYYY-MM-DD" maxLength={10} data-testid="cert-sampledOn" /></Form.Item></Col>
                <Col span={5}><Form.Item {...field('reportedOn')}><Input placeholder="YYYY-MM-DD" maxLength={10} data-testid="cert-reportedOn" /></Form.Item></Col>
                <Col span={4}>
                  <Form.Item {...field('coalRank')}>
                    <Select options={COAL_RANKS.map((r) => ({ value: r, label: t(`certificates.coalRanks.${r}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={5}><Form.Item {...field('tonnageCoveredKg')}><InputNumber style={{ width: '100%' }} precision={0} min={1} /></Form.Item></Col>
              </Row>
              <ResultRowsList />
            </Col>
            <Col span={11}>
              {preview.result ? (
                <Spin spinning={preview.busy} size="small"><CertificateVerdict result={preview.result} itemsHeight={150} /></Spin>
              ) : preview.error ? (
                <Typography.Text type="danger" data-testid="certificate-error">{preview.error}</Typography.Text>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={preview.busy ? t('certificates.checking') : t('certificates.needMore')} />
              )}
              {report === null && preview.result && <Typography.Text type="secondary">{t('certificates.noReportHint')}</Typography.Text>}
            </Col>
          </Row>
        </Form>
      </div>
    </Card>
  );
}
