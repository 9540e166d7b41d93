import { useEffect, useState } from 'react';
import { Card, Col, Form, Input, InputNumber, Row, Select, Switch, type FormItemProps } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { useTranslation } from 'react-i18next';
import {
  COAL_KINDS, DEFAULT_SETTINGS, INTENDED_USES, MAX_GROSS_KG, PLATE_COLORS, REQUIRED_FIELDS, WEIGHT_SOURCES,
} from '../../src-shared/contract/index.ts';
import { weightProblems, type WeightLimits } from '../../src-shared/domain/weight-plausibility.ts';
import { checkPlate } from '../../src-shared/domain/plate.ts';
import { checkIdNumber } from '../../src-shared/domain/id-number.ts';
import { localDate } from '../../src-shared/domain/local-time.ts';
import { isTransit } from '../../src-shared/domain/transit.ts';
import { call } from '../api.ts';
import { PlateInput } from './PlateInput.tsx';
import { PickInput } from './PickInput.tsx';

/** Form values as the antd form holds them; `toRegistrationInput` turns them into the contract's shape. */
export interface RegistrationFormValues {
  plate: string;
  trailerPlate?: string;
  plateColor: string;
  driverName: string;
  driverIdNumber: string;
  driverPhone: string;
  carrier?: string;
  origin: string;
  consignee?: string;
  destination: string;
  destinationInHebei: boolean;
  /** 过境: derived from the destination as it is typed, then the operator's to correct. */
  transit: boolean;
  coalKind: string;
  coalKindOther?: string;
  intendedUse: string;
  declaredKg: number | null;
  hasContract: boolean;
  hasReport: boolean;
  reportNumber?: string;
  viaDesignatedRoute: boolean;
  grossKg: number | null;
  tareKg: number | null;
  weightSource: string;
  manualReason?: string;
  weighingId?: number;
}

/** The defined defaults of a new registration: what the form holds for every truck before anything is typed. */
export const EMPTY_REGISTRATION: Partial<RegistrationFormValues> = {
  plateColor: 'yellow', destinationInHebei: true, transit: true, coalKind: 'anthracite-lump', intendedUse: 'civil',
  hasContract: false, hasReport: false, viaDesignatedRoute: true, weightSource: 'manual',
};

/** Every field name of the form, so that a reset can clear values set without a field (weighingId). */
export const REGISTRATION_KEYS: (keyof RegistrationFormValues)[] = [
  'plate', 'trailerPlate', 'plateColor', 'driverName', 'driverIdNumber', 'driverPhone', 'carrier', 'origin', 'consignee',
  'destination', 'destinationInHebei', 'coalKind', 'coalKindOther', 'intendedUse', 'declaredKg', 'hasContract', 'hasReport',
  'reportNumber', 'viaDesignatedRoute', 'grossKg', 'tareKg', 'weightSource', 'manualReason', 'weighingId', 'transit',
];

/** Empty optional text becomes absent; numbers stay as typed so the contract can reject what is wrong. */
export function toRegistrationInput(v: Partial<RegistrationFormValues>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v)) {
    if (value === undefined || value === null || value === '') continue;
    out[k] = value;
  }
  if (out.weightSource === 'scale') delete out.manualReason;
  else delete out.weighingId;
  return out;
}

/** Marked required (the yes/no switches always hold a value, so they carry no mark). */
const SWITCHES = new Set<string>(['destinationInHebei', 'hasContract', 'hasReport', 'viaDesignatedRoute', 'transit']);
const REQUIRED = new Set<string>(REQUIRED_FIELDS.filter((f) => !SWITCHES.has(f)));

/** The plausibility limits in force (settings), the defaults until they arrive. */
function useWeightLimits(): WeightLimits {
  const [limits, setLimits] = useState<WeightLimits>(DEFAULT_SETTINGS);
  useEffect(() => { void call('settings.get', {}).then(setLimits, () => undefined); }, []);
  return limits;
}

/** Label, required mark and rules of one field; required text fields say what to fill (请填写牵引车号牌). */
function useItem() {
  const { t } = useTranslation();
  return (name: keyof RegistrationFormValues, rules: Rule[] = []): FormItemProps => ({
    name,
    label: t(`registration.${name}`),
    rules: [...(REQUIRED.has(name) ? [{ required: true, message: t(`validation.requiredFields.${name}`) }] : []), ...rules],
  });
}

/** Two fields side by side: the cards stay short enough for the report panel to fit below at 1366×768. */
function Pair(props: { children: [React.ReactNode, React.ReactNode] }) {
  return (
    <Row gutter={8}>
      <Col span={12}>{props.children[0]}</Col>
      <Col span={12}>{props.children[1]}</Col>
    </Row>
  );
}

/** The server's own plate and ID-number rules, so a refusal names the field before anything is sent. */
function useDriverRules(): { plate: Rule; idNumber: Rule } {
  const { t } = useTranslation();
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return {
    plate: { validator: async (_, v: unknown) => { const c = checkPlate(text(v)); if (text(v) && !c.ok) throw new Error(t(`validation.plate.${c.error}`)); } },
    idNumber: {
      validator: async (_, v: unknown) => {
        const c = checkIdNumber(text(v), localDate(new Date()));
        if (text(v) && !c.ok) throw new Error(t(`validation.idNumber.${c.error}`));
      },
    },
  };
}

export function DriverCard(props: { onPlateBlur?(plate: string): void }) {
  const { t } = useTranslation();
  const item = useItem();
  const rules = useDriverRules();
  const options = PLATE_COLORS.map((v) => ({ value: v, label: t(`plateColors.${v}`) }));
  return (
    <Card size="small" title={t('registration.driver')}>
      <Pair>
        <Form.Item {...item('plate', [rules.plate])}>
          <PlateInput autoFocus data-testid="plate" onBlur={(e) => props.onPlateBlur?.(e.target.value)} />
        </Form.Item>
        <Form.Item {...item('trailerPlate', [rules.plate])}><PlateInput trailer data-testid="trailerPlate" /></Form.Item>
      </Pair>
      <Pair>
        <Form.Item {...item('driverName')}><Input maxLength={40} data-testid="driverName" /></Form.Item>
        <Form.Item {...item('driverIdNumber', [rules.idNumber])}><Input maxLength={18} data-testid="driverIdNumber" /></Form.Item>
      </Pair>
      <Pair>
        <Form.Item {...item('driverPhone')}><Input maxLength={20} data-testid="driverPhone" /></Form.Item>
        <Form.Item {...item('plateColor')}><Select options={options} /></Form.Item>
      </Pair>
    </Card>
  );
}

export function CargoCard() {
  const { t } = useTranslation();
  const item = useItem();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const coalKind = Form.useWatch('coalKind', form);
  const options = (values: readonly string[], ns: string) => values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));
  return (
    <Card size="small" title={t('registration.cargo')}>
      <Pair>
        <Form.Item {...item('origin')}><PickInput kind="origin" maxLength={100} data-testid="origin" /></Form.Item>
        <Form.Item {...item('destination')}><PickInput kind="destination" maxLength={100} data-testid="destination" /></Form.Item>
      </Pair>
      <Pair>
        <Form.Item {...item('carrier')}><PickInput kind="carrier" maxLength={100} data-testid="carrier" /></Form.Item>
        <Form.Item {...item('consignee')}><PickInput kind="consignee" maxLength={100} data-testid="consignee" /></Form.Item>
      </Pair>
      <Pair>
        <Form.Item {...item('coalKind')}><Select options={options(COAL_KINDS, 'coalKinds')} data-testid="coalKind" /></Form.Item>
        <Form.Item {...item('intendedUse')}><Select options={options(INTENDED_USES, 'uses')} /></Form.Item>
      </Pair>
      {coalKind === 'other' && <Form.Item {...item('coalKindOther')}><Input maxLength={40} /></Form.Item>}
      {/* 过境 follows the destination as it is typed: shown with it, so the operator sees what was derived. */}
      <Form.Item {...item('transit')} valuePropName="checked" layout="horizontal" style={{ marginBottom: 0 }}><Switch size="small" data-testid="transit" /></Form.Item>
    </Card>
  );
}

/**
 * Transit follows the destination as the operator types it (or says whether it is in Hebei); a destination
 * filled by the form itself (a returning truck, an amendment opened) keeps the transit flag it came with.
 */
function useDerivedTransit(form: ReturnType<typeof Form.useFormInstance<RegistrationFormValues>>): void {
  const destination = Form.useWatch('destination', form);
  const inHebei = Form.useWatch('destinationInHebei', form);
  useEffect(() => {
    if (!form.isFieldTouched('destination') && !form.isFieldTouched('destinationInHebei')) return;
    form.setFieldValue('transit', isTransit(String(destination ?? ''), inHebei !== false));
  }, [form, destination, inHebei]);
}

/** Papers carried; the report itself is entered in the report panel at the kiosk (`withReport` false). */
export function DocumentsCard(props: { withReport: boolean }) {
  const { t } = useTranslation();
  const item = useItem();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const hasReport = Form.useWatch('hasReport', form);
  // Derived here, not in the cargo card: watching the destination there would re-render its pick list on every key.
  useDerivedTransit(form);
  const flag = (name: keyof RegistrationFormValues) => (
    <Form.Item {...item(name)} valuePropName="checked" layout="horizontal" style={{ marginBottom: 0 }}><Switch size="small" data-testid={name} /></Form.Item>
  );
  return (
    <Card size="small" title={t('registration.documents')} style={{ marginTop: 8 }} styles={{ header: { minHeight: 32 }, body: { paddingBlock: 4 } }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
        {flag('destinationInHebei')}
        {flag('hasContract')}
        {flag('viaDesignatedRoute')}
        {props.withReport && flag('hasReport')}
      </div>
      {props.withReport && hasReport && <Form.Item {...item('reportNumber')}><Input maxLength={60} /></Form.Item>}
    </Card>
  );
}

export function WeightsCard(props: { extra?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const item = useItem();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const gross = Form.useWatch('grossKg', form);
  const tare = Form.useWatch('tareKg', form);
  const weightSource = Form.useWatch('weightSource', form);
  const limits = useWeightLimits();
  const net = typeof gross === 'number' && typeof tare === 'number' ? gross - tare : null;
  // Decimal kilograms are refused, never rounded; the plausibility rule is the server's own (shared domain).
  const wholeKg: Rule = {
    validator: async (_, v: unknown) => {
      if (typeof v === 'number' && !Number.isInteger(v)) throw new Error(t('kiosk.decimalKg'));
      if (typeof v === 'number' && v > MAX_GROSS_KG) throw new Error(t('validation.weightAbsurd'));
    },
  };
  const plausible = (field: 'grossKg' | 'tareKg'): Rule => ({
    validator: async (_, v: unknown) => {
      if (typeof v !== 'number') return;
      const other = form.getFieldValue(field === 'grossKg' ? 'tareKg' : 'grossKg') as unknown;
      const w = field === 'grossKg' ? { grossKg: v, tareKg: typeof other === 'number' ? other : limits.minTareKg } : { grossKg: limits.minGrossKg, tareKg: v };
      const problem = weightProblems(w, limits).find((p) => p.field === field);
      if (problem) throw new Error(t(problem.key, problem.params));
    },
  });
  const weight = (name: 'grossKg' | 'tareKg') => (
    <Form.Item {...item(name, [wholeKg, plausible(name)])}>
      <InputNumber style={{ width: '100%' }} data-testid={name} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('registration.weights')}>
      {props.extra}
      <Row gutter={8}>
        <Col span={12}>{weight('grossKg')}</Col>
        <Col span={12}>{weight('tareKg')}</Col>
      </Row>
      <div style={{ fontSize: 20, fontWeight: 600, marginBottom: 4 }} data-testid="netKg">
        {t('registration.netKg')}{i18n.language === 'en' ? ': ' : '：'}{net === null ? '—' : net.toLocaleString('zh-CN')}
      </div>
      <Row gutter={8}>
        <Col span={10}><Form.Item {...item('weightSource')}><Select options={WEIGHT_SOURCES.map((v) => ({ value: v, label: t(`weightSources.${v}`) }))} /></Form.Item></Col>
        <Col span={14}><Form.Item {...item('declaredKg', [wholeKg])}><InputNumber style={{ width: '100%' }} data-testid="declaredKg" /></Form.Item></Col>
      </Row>
      {weightSource === 'manual' && (
        <Form.Item {...item('manualReason', [{ required: true, message: t('validation.manualReason') }])}><Input maxLength={200} data-testid="manualReason" /></Form.Item>
      )}
    </Card>
  );
}

/**
 * The registration's fields in cards as the amendment dialog shows them: driver, cargo, papers and weights.
 * The kiosk arranges the same cards around its report panel.
 */
export function RegistrationFields(props: { extraWeights?: React.ReactNode; onPlateBlur?(plate: string): void; withReport?: boolean }) {
  return (
    <Row gutter={8} data-testid="registration-fields">
      <Col span={8}>
        <DriverCard onPlateBlur={props.onPlateBlur} />
        <DocumentsCard withReport={props.withReport ?? true} />
      </Col>
      <Col span={8}><CargoCard /></Col>
      <Col span={8}><WeightsCard extra={props.extraWeights} /></Col>
    </Row>
  );
}
