import { Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { COAL_KINDS, INTENDED_USES, PLATE_COLORS, WEIGHT_SOURCES } from '../../src-main/contract/index.ts';
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
}

export const EMPTY_REGISTRATION: Partial<RegistrationFormValues> = {
  plateColor: 'yellow', destinationInHebei: true, coalKind: 'anthracite-lump', intendedUse: 'civil',
  hasContract: false, hasReport: false, viaDesignatedRoute: true, weightSource: 'manual',
};

/** Empty optional text becomes absent; numbers stay as typed so the contract can reject what is wrong. */
export function toRegistrationInput(v: RegistrationFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v)) {
    if (value === undefined || value === null || value === '') continue;
    out[k] = value;
  }
  if (out.weightSource === 'scale') delete out.manualReason;
  return out;
}

/** The registration's fields in three cards, shared by the kiosk form and the amendment dialog. */
export function RegistrationFields(props: { extraWeights?: React.ReactNode; onPlateBlur?(plate: string): void }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const gross = Form.useWatch('grossKg', form);
  const tare = Form.useWatch('tareKg', form);
  const coalKind = Form.useWatch('coalKind', form);
  const hasReport = Form.useWatch('hasReport', form);
  const weightSource = Form.useWatch('weightSource', form);
  const net = typeof gross === 'number' && typeof tare === 'number' ? gross - tare : null;
  const item = (name: keyof RegistrationFormValues) => ({ name, label: t(`registration.${name}`) });
  const options = (values: readonly string[], ns: string) => values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));
  return (
    <Row gutter={12} data-testid="registration-fields">
      <Col span={8}>
        <Card size="small" title={t('registration.driver')}>
          <Form.Item {...item('plate')}>
            <PlateInput autoFocus data-testid="plate" onBlur={(e) => props.onPlateBlur?.(e.target.value)} />
          </Form.Item>
          <Form.Item {...item('trailerPlate')}><PlateInput trailer data-testid="trailerPlate" /></Form.Item>
          <Form.Item {...item('plateColor')}><Select options={options(PLATE_COLORS, 'plateColors')} /></Form.Item>
          <Form.Item {...item('driverName')}><Input maxLength={40} /></Form.Item>
          <Form.Item {...item('driverIdNumber')}><Input maxLength={18} /></Form.Item>
          <Form.Item {...item('driverPhone')}><Input maxLength={20} /></Form.Item>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title={t('registration.cargo')}>
          <Form.Item {...item('carrier')}><PickInput kind="carrier" maxLength={100} data-testid="carrier" /></Form.Item>
          <Form.Item {...item('origin')}><PickInput kind="origin" maxLength={100} data-testid="origin" /></Form.Item>
          <Form.Item {...item('consignee')}><PickInput kind="consignee" maxLength={100} data-testid="consignee" /></Form.Item>
          <Form.Item {...item('destination')}><PickInput kind="destination" maxLength={100} data-testid="destination" /></Form.Item>
          <Row gutter={8}>
            <Col span={12}><Form.Item {...item('coalKind')}><Select options={options(COAL_KINDS, 'coalKinds')} /></Form.Item></Col>
            <Col span={12}><Form.Item {...item('intendedUse')}><Select options={options(INTENDED_USES, 'uses')} /></Form.Item></Col>
          </Row>
          {coalKind === 'other' && <Form.Item {...item('coalKindOther')}><Input maxLength={40} /></Form.Item>}
          <Form.Item {...item('destinationInHebei')} valuePropName="checked" layout="horizontal"><Switch /></Form.Item>
        </Card>
        <Card size="small" title={t('registration.documents')} style={{ marginTop: 12 }}>
          <Form.Item {...item('hasContract')} valuePropName="checked" layout="horizontal"><Switch /></Form.Item>
          <Form.Item {...item('hasReport')} valuePropName="checked" layout="horizontal"><Switch /></Form.Item>
          {hasReport && <Form.Item {...item('reportNumber')}><Input maxLength={60} /></Form.Item>}
          <Form.Item {...item('viaDesignatedRoute')} valuePropName="checked" layout="horizontal"><Switch /></Form.Item>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title={t('registration.weights')}>
          {props.extraWeights}
          <Row gutter={8}>
            <Col span={12}><Form.Item {...item('grossKg')}><InputNumber style={{ width: '100%' }} precision={0} data-testid="grossKg" /></Form.Item></Col>
            <Col span={12}><Form.Item {...item('tareKg')}><InputNumber style={{ width: '100%' }} precision={0} data-testid="tareKg" /></Form.Item></Col>
          </Row>
          <div style={{ fontSize: 28, fontWeight: 600, marginBottom: 8 }} data-testid="netKg">
            {t('registration.netKg')}{i18n.language === 'en' ? ': ' : '：'}{net === null ? '—' : net.toLocaleString('zh-CN')}
          </div>
          <Form.Item {...item('weightSource')}><Select options={options(WEIGHT_SOURCES, 'weightSources')} /></Form.Item>
          {weightSource === 'manual' && <Form.Item {...item('manualReason')}><Input maxLength={200} /></Form.Item>}
          <Form.Item {...item('declaredKg')}><InputNumber style={{ width: '100%' }} precision={0} /></Form.Item>
        </Card>
      </Col>
    </Row>
  );
}
