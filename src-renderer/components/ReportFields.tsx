import { useEffect, useState } from 'react';
import { Button, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecognisedLabRow } from '../../src-shared/contract/index.ts';
import { ITEMS, ITEM_INFO, acceptedUnits, type Item } from '../../src-shared/domain/certificate/items.ts';
import { COAL_RANKS } from '../../src-shared/domain/certificate/vocabulary.ts';
import { call } from '../api.ts';
import { useBilingual } from './CertificateVerdict.tsx';
import { PickInput } from './PickInput.tsx';
import { basesFor, type ReportFormValues } from './report-form.ts';

/** A form's `results` list of lab results, two rows a line, with a button to add one. */
export function ResultRowsList() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary">{t('certificates.results')}（{t('certificates.item')} · {t('certificates.basis')} · {t('certificates.value')} · {t('certificates.unit')}）</Typography.Text>
      <Form.List name="results">
        {(rows, { add, remove }) => (
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4, marginTop: 2 }}>
            {rows.map((row) => <ResultRowFields key={row.key} name={row.name} onRemove={() => remove(row.name)} />)}
            <Button size="small" type="dashed" tabIndex={-1} onClick={() => add({ item: 'Qgr', basis: 'ad', unit: 'MJ/kg' })}>+ {t('certificates.addResult')}</Button>
          </div>
        )}
      </Form.List>
    </>
  );
}

/** One row of a form's `results` list: item, basis, value, unit. Only the value is on the Tab path. */
function ResultRowFields(props: { name: number; onRemove(): void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const form = Form.useFormInstance<ReportFormValues>();
  const item = Form.useWatch(['results', props.name, 'item'], form) as Item | undefined;
  const bases = item ? basesFor(item) : [];
  const units = item ? acceptedUnits(item) : [];
  const changeItem = (next: Item) => {
    form.setFieldValue(['results', props.name], { item: next, basis: basesFor(next)[0], unit: acceptedUnits(next)[0], value: null });
  };
  return (
    <Row gutter={4} wrap={false} data-testid={`result-${props.name}`}>
      <Col flex="62px">
        <Form.Item name={[props.name, 'item']} noStyle>
          <Select size="small" style={{ width: '100%' }} onChange={changeItem} showSearch labelRender={(o) => o.value} popupMatchSelectWidth={false} suffixIcon={null}
            options={ITEMS.map((i) => ({ value: i, label: `${i} ${text(ITEM_INFO[i])}` }))} />
        </Form.Item>
      </Col>
      <Col flex="54px">
        {/* No arrow, so "daf" fits; the popup shows the basis's full name. */}
        <Form.Item name={[props.name, 'basis']} noStyle>
          <Select size="small" style={{ width: '100%' }} disabled={bases.length <= 1} popupMatchSelectWidth={false} data-testid={`result-basis-${props.name}`} suffixIcon={null}
            labelRender={(o) => o.value} options={bases.map((b) => ({ value: b, label: t(`certificates.bases.${b}`) }))} />
        </Form.Item>
      </Col>
      <Col flex="auto">
        <Form.Item name={[props.name, 'value']} noStyle>
          <InputNumber size="small" style={{ width: '100%' }} data-testid={`result-value-${item ?? ''}-${props.name}`} />
        </Form.Item>
      </Col>
      <Col flex="62px">
        <Form.Item name={[props.name, 'unit']} noStyle>
          <Select size="small" style={{ width: '100%' }} popupMatchSelectWidth={false} disabled={units.length <= 1} suffixIcon={null} options={units.map((u) => ({ value: u, label: u }))} />
        </Form.Item>
      </Col>
      <Col flex="20px">
        <Button size="small" type="text" danger tabIndex={-1} onClick={props.onRemove} aria-label={t('certificates.remove')}>×</Button>
      </Col>
    </Row>
  );
}

/**
 * The report's fields: its number (scannable; a JSON report fills the lot), the "no report" switch,
 * lab, CMA number, sampling, dates, coal rank, tonnage and the results. Rendered inside a report form.
 */
export function ReportFields(props: { normalizeReportNumber?(text: string): string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ReportFormValues>();
  const [labs, setLabs] = useState<RecognisedLabRow[]>([]);
  useEffect(() => { void call('labs.list', {}).then(setLabs, () => setLabs([])); }, []);
  const pickLab = (name: string) => {
    const lab = labs.find((l) => l.name === name);
    if (lab?.cmaNumber) form.setFieldValue('cmaNumber', lab.cmaNumber);
  };
  const field = (name: keyof ReportFormValues) => ({ name, label: t(`certificates.${name}`), style: { marginBottom: 4 } });
  return (
    <>
      <Row gutter={8}>
        <Col span={7}>
          <Form.Item {...field('reportNumber')} normalize={props.normalizeReportNumber}><Input data-testid="cert-reportNumber" maxLength={4000} /></Form.Item>
        </Col>
        <Col span={5}>
          {/* Offered only while no number is typed: a typed report is never silently set aside. */}
          {/* Read at render (a watch can miss a reset): re-rendered whenever the number changes, reset included. */}
          <Form.Item noStyle shouldUpdate={(a: ReportFormValues, b: ReportFormValues) => a.reportNumber !== b.reportNumber}>
            {() => (
              <Form.Item name="noReport" label={t('kiosk.noReport')} valuePropName="checked" style={{ marginBottom: 4 }}>
                <Switch disabled={!!(form.getFieldValue('reportNumber') as string | undefined)?.trim()} data-testid="no-report" />
              </Form.Item>
            )}
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item {...field('lab')}>
            <PickInput kind="lab" extra={labs.map((l) => l.name)} onSelect={pickLab} maxLength={100} data-testid="cert-lab" />
          </Form.Item>
        </Col>
        <Col span={5}><Form.Item {...field('cmaNumber')}><Input maxLength={40} data-testid="cert-cmaNumber" /></Form.Item></Col>
      </Row>
      <Row gutter={8}>
        <Col span={4}>
          <Form.Item {...field('sampleOrigin')}>
            <Select options={(['lab', 'client'] as const).map((o) => ({ value: o, label: t(`certificates.sampleOrigins.${o}`) }))} />
          </Form.Item>
        </Col>
        <Col span={5}><Form.Item {...field('sampledOn')}><Input placeholder="YYYY-MM-DD" maxLength={10} data-testid="cert-sampledOn" /></Form.Item></Col>
        <Col span={5}><Form.Item {...field('reportedOn')}><Input placeholder="YYYY-MM-DD" maxLength={10} data-testid="cert-reportedOn" /></Form.Item></Col>
        <Col span={5}>
          <Form.Item {...field('coalRank')}>
            <Select data-testid="cert-coalRank" options={COAL_RANKS.map((r) => ({ value: r, label: t(`certificates.coalRanks.${r}`) }))} />
          </Form.Item>
        </Col>
        <Col span={5}><Form.Item {...field('tonnageCoveredKg')}><InputNumber style={{ width: '100%' }} precision={0} min={1} /></Form.Item></Col>
      </Row>
      <ResultRowsList />
    </>
  );
}
