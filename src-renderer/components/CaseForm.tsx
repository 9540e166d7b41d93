import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseDraft, DisposalPoint } from '../../src-shared/contract/index.ts';
import { LEGAL_BASIS_LIST } from '../../src-shared/domain/legal-basis.ts';

/** The draft as the form holds it: lists as comma text, instants as dayjs, nested approval/witness flattened. */
export interface CaseFormValues {
  parties: CaseDraft['parties'];
  vehiclePlates: string;
  reason: string;
  legalBasisIds: string[];
  measure: CaseDraft['measure'];
  items: (Omit<CaseDraft['items'][number], 'sealNumbers'> & { sealNumbers: string })[];
  custodyPointId: number | null;
  approverName: string;
  approvedAt: Dayjs | null;
  emergency: boolean;
  officers: CaseDraft['officers'];
  seizedAt: Dayjs | null;
  place: string;
  credentialsShown: boolean;
  rightsNotified: boolean;
  partyPresent: boolean;
  partyRefusedToSign: boolean;
  witnessName: string;
  witnessUnit: string;
  partyStatement: string;
  onsiteFacts: string;
  serviceMethod: NonNullable<CaseDraft['serviceMethod']>;
  /** 送达地址确认书 as typed; sent only when an address is given. */
  serviceAddress: { address: string; postalCode: string; phone: string; channel: string; account: string };
}

const list = (text: string | undefined) => (text ?? '').split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);

export function toFormValues(d: CaseDraft): CaseFormValues {
  return {
    ...d,
    vehiclePlates: d.vehiclePlates.join(', '),
    items: d.items.map((i) => ({ ...i, sealNumbers: i.sealNumbers.join(', ') })),
    approverName: d.approval?.approverName ?? '',
    approvedAt: d.approval ? dayjs(d.approval.approvedAt) : null,
    emergency: d.approval?.emergency ?? false,
    seizedAt: d.seizedAt ? dayjs(d.seizedAt) : null,
    witnessName: d.witness?.name ?? '',
    witnessUnit: d.witness?.unit ?? '',
    onsiteFacts: d.onsiteFacts ?? '',
    serviceMethod: d.serviceMethod ?? '直接送达',
    serviceAddress: {
      address: d.serviceAddress?.address ?? '', postalCode: d.serviceAddress?.postalCode ?? '', phone: d.serviceAddress?.phone ?? '',
      channel: d.serviceAddress?.electronic?.channel ?? '', account: d.serviceAddress?.electronic?.account ?? '',
    },
  };
}

export function fromFormValues(v: CaseFormValues): CaseDraft {
  return {
    parties: (v.parties ?? []).map((p) => ({ ...p, address: p.address ?? '' })),
    vehiclePlates: list(v.vehiclePlates),
    reason: v.reason ?? '',
    legalBasisIds: v.legalBasisIds ?? [],
    measure: v.measure,
    items: (v.items ?? []).map((i) => ({ ...i, sealNumbers: list(i.sealNumbers) })),
    custodyPointId: v.custodyPointId ?? null,
    approval: v.approverName && v.approvedAt ? { approverName: v.approverName, approvedAt: v.approvedAt.toISOString(), emergency: v.emergency } : null,
    officers: v.officers ?? [],
    seizedAt: v.seizedAt ? v.seizedAt.toISOString() : '',
    place: v.place ?? '',
    credentialsShown: v.credentialsShown,
    rightsNotified: v.rightsNotified,
    partyPresent: v.partyPresent,
    partyRefusedToSign: v.partyRefusedToSign,
    witness: v.witnessName ? { name: v.witnessName, ...(v.witnessUnit ? { unit: v.witnessUnit } : {}) } : null,
    partyStatement: v.partyStatement ?? '',
    ...(v.onsiteFacts ? { onsiteFacts: v.onsiteFacts } : {}),
    serviceMethod: v.serviceMethod ?? '直接送达',
    ...(v.serviceAddress?.address ? { serviceAddress: toServiceAddress(v.serviceAddress) } : {}),
  };
}

function toServiceAddress(a: CaseFormValues['serviceAddress']): NonNullable<CaseDraft['serviceAddress']> {
  return {
    address: a.address,
    ...(a.postalCode ? { postalCode: a.postalCode } : {}),
    ...(a.phone ? { phone: a.phone } : {}),
    // A half-filled electronic channel is still sent so the contract names what is missing.
    ...(a.channel || a.account ? { electronic: { channel: a.channel ?? '', account: a.account ?? '' } } : {}),
  };
}

/** 查封扣押 case record: parties, items, officers, approval, witness; compact enough for 1366×768. */
export function CaseForm({ form, points, officers }: { form: FormInstance<CaseFormValues>; points: DisposalPoint[]; officers: { name: string; credentialNo: string }[] }) {
  const { t } = useTranslation();
  const section = (key: string) => <Typography.Text strong style={{ display: 'block', margin: '8px 0 4px' }}>{t(key)}</Typography.Text>;
  return (
    <Form form={form} layout="vertical" size="small" requiredMark={false}>
      {section('cases.parties')}
      <Form.List name="parties">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="end" style={{ marginBottom: 4 }}>
                <Form.Item name={[f.name, 'kind']} label={t('cases.partyKind')}><Select style={{ width: 80 }} options={[{ value: 'person', label: t('cases.person') }, { value: 'company', label: t('cases.company') }]} /></Form.Item>
                <Form.Item name={[f.name, 'role']} label={t('cases.partyRole')}><Select style={{ width: 90 }} options={['driver', 'owner', 'other'].map((r) => ({ value: r, label: t(`cases.roles.${r}`) }))} /></Form.Item>
                <Form.Item name={[f.name, 'name']} label={t('cases.name')}><Input style={{ width: 120 }} /></Form.Item>
                <Form.Item name={[f.name, 'idNumber']} label={t('cases.idNumber')}><Input style={{ width: 180 }} /></Form.Item>
                <Form.Item name={[f.name, 'creditCode']} label={t('cases.creditCode')}><Input style={{ width: 170 }} /></Form.Item>
                <Form.Item name={[f.name, 'address']} label={t('cases.address')}><Input style={{ width: 220 }} /></Form.Item>
                <Form.Item name={[f.name, 'phone']} label={t('cases.phone')}><Input style={{ width: 120 }} /></Form.Item>
                <Button danger onClick={() => remove(f.name)}>−</Button>
              </Space>
            ))}
            <Button size="small" onClick={() => add({ kind: 'person', role: 'owner', name: '', address: '' })}>{t('cases.addParty')}</Button>
          </>
        )}
      </Form.List>
      <Row gutter={8} style={{ marginTop: 8 }}>
        <Col span={6}><Form.Item name="vehiclePlates" label={t('cases.vehiclePlates')}><Input /></Form.Item></Col>
        <Col span={4}><Form.Item name="measure" label={t('cases.measure')}><Select options={['detain', 'seal-up'].map((m) => ({ value: m, label: t(`cases.measures.${m}`) }))} /></Form.Item></Col>
        <Col span={14}>
          <Form.Item name="legalBasisIds" label={t('cases.legalBasis')}>
            <Select mode="multiple" maxTagCount="responsive" options={LEGAL_BASIS_LIST.entries.map((e) => ({ value: e.id, label: `${e.law.replace('中华人民共和国', '')}${e.article}` }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('cases.reason')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} /></Form.Item>
      {section('cases.items')}
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="end" style={{ marginBottom: 4 }}>
                <Form.Item name={[f.name, 'coalKind']} label={t('cases.coalKind')}><Input style={{ width: 120 }} /></Form.Item>
                <Form.Item name={[f.name, 'quantityKg']} label={t('cases.quantityKg')}><InputNumber min={1} precision={0} style={{ width: 110 }} /></Form.Item>
                <Form.Item name={[f.name, 'measuredBy']} label={t('cases.measuredBy')}><Select style={{ width: 100 }} options={['weighbridge', 'waybill', 'estimate'].map((m) => ({ value: m, label: t(`cases.measuredByOptions.${m}`) }))} /></Form.Item>
                <Form.Item name={[f.name, 'weighTicketNo']} label={t('cases.weighTicketNo')}><Input style={{ width: 150 }} /></Form.Item>
                <Form.Item name={[f.name, 'sealNumbers']} label={t('cases.sealNumbers')}><Input style={{ width: 180 }} /></Form.Item>
                <Button danger onClick={() => remove(f.name)}>−</Button>
              </Space>
            ))}
            <Button size="small" onClick={() => add({ coalKind: '', measuredBy: 'weighbridge', sealNumbers: '' })}>{t('cases.addItem')}</Button>
          </>
        )}
      </Form.List>
      <Row gutter={8} style={{ marginTop: 8 }}>
        <Col span={8}><Form.Item name="custodyPointId" label={t('cases.custody')}><Select allowClear placeholder={t('cases.select')} options={points.map((p) => ({ value: p.id, label: p.name }))} /></Form.Item></Col>
        <Col span={8}><Form.Item name="seizedAt" label={t('cases.seizedAt')}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} /></Form.Item></Col>
        <Col span={8}><Form.Item name="place" label={t('cases.place')}><Input /></Form.Item></Col>
      </Row>
      {section('cases.approval')}
      <Space wrap align="end">
        <Form.Item name="approverName" label={t('cases.approverName')}><Input style={{ width: 120 }} /></Form.Item>
        <Form.Item name="approvedAt" label={t('cases.approvedAt')}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
        <Form.Item name="emergency" valuePropName="checked"><Checkbox>{t('cases.emergency')}</Checkbox></Form.Item>
      </Space>
      {section('cases.officers')}
      <Form.List name="officers">
        {(fields, { add, remove }) => (
          <Space wrap align="end">
            {fields.map((f) => (
              <Space key={f.key} align="end">
                <Form.Item name={[f.name, 'name']} label={t('cases.name')}><Input style={{ width: 140 }} /></Form.Item>
                <Form.Item name={[f.name, 'credentialNo']} label={t('cases.credentialNo')}><Input style={{ width: 130 }} /></Form.Item>
                <Button danger onClick={() => remove(f.name)}>−</Button>
              </Space>
            ))}
            <Select size="small" style={{ width: 240 }} placeholder={t('cases.addOfficer')} value={null}
              options={officers.map((o) => ({ value: o.credentialNo, label: `${o.name} ${o.credentialNo}` }))}
              onChange={(no) => add(officers.find((o) => o.credentialNo === no) ?? { name: '', credentialNo: '' })} />
            <Button size="small" onClick={() => add({ name: '', credentialNo: '' })}>+</Button>
          </Space>
        )}
      </Form.List>
      <Space wrap style={{ marginTop: 8 }}>
        <Form.Item name="credentialsShown" valuePropName="checked"><Checkbox>{t('cases.credentialsShown')}</Checkbox></Form.Item>
        <Form.Item name="rightsNotified" valuePropName="checked"><Checkbox>{t('cases.rightsNotified')}</Checkbox></Form.Item>
        <Form.Item name="partyPresent" valuePropName="checked"><Checkbox>{t('cases.partyPresent')}</Checkbox></Form.Item>
        <Form.Item name="partyRefusedToSign" valuePropName="checked"><Checkbox>{t('cases.partyRefusedToSign')}</Checkbox></Form.Item>
      </Space>
      <Row gutter={8}>
        <Col span={6}>
          <Form.Item name="serviceMethod" label={t('cases.serviceMethod')}>
            <Select data-testid="case-service-method" options={(['直接送达', '留置送达'] as const).map((m) => ({ value: m, label: t(`cases.serviceMethods.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item noStyle dependencies={['serviceMethod']}>
            {() => form.getFieldValue('serviceMethod') === '留置送达' && <Alert type="info" showIcon style={{ marginTop: 22 }} title={t('cases.leftWithNeedsWitness')} />}
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={8}>
        <Col span={6}><Form.Item name="witnessName" label={t('cases.witness')}><Input /></Form.Item></Col>
        <Col span={6}><Form.Item name="witnessUnit" label={t('cases.witnessUnit')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="partyStatement" label={t('cases.partyStatement')}><Input /></Form.Item></Col>
      </Row>
      <Form.Item name="onsiteFacts" label={t('cases.onsiteFacts')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} /></Form.Item>
      {section('cases.serviceAddress')}
      <Row gutter={8}>
        <Col span={8}><Form.Item name={['serviceAddress', 'address']} label={t('cases.serviceAddressLine')}><Input data-testid="case-service-address" /></Form.Item></Col>
        <Col span={3}><Form.Item name={['serviceAddress', 'postalCode']} label={t('cases.postalCode')}><Input /></Form.Item></Col>
        <Col span={4}><Form.Item name={['serviceAddress', 'phone']} label={t('cases.phone')}><Input /></Form.Item></Col>
        <Col span={4}><Form.Item name={['serviceAddress', 'channel']} label={t('cases.electronicChannel')}><Input /></Form.Item></Col>
        <Col span={5}><Form.Item name={['serviceAddress', 'account']} label={t('cases.electronicAccount')}><Input /></Form.Item></Col>
      </Row>
    </Form>
  );
}
