import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DisposalPoint, DocumentSettings, InputOf, TrustedCheckpoint } from '../../src-shared/contract/index.ts';
import { DOCUMENT_KINDS, formatDocumentNumber, parseNumberPattern } from '../../src-shared/domain/document-number.ts';
import { DEFAULT_TERM_POLICY, isIsoDate } from '../../src-shared/domain/seizure-term.ts';
import { call } from '../api.ts';
import { HolidayCalendarNotice } from '../components/HolidayCalendarNotice.tsx';
import { showApiError } from '../errors.ts';

type PointValues = InputOf<'disposalPoints.create'>;
type TrustValues = InputOf<'checkpointKey.trust'>;

/** Sorted, once each, as the server stores them, so the list reads in calendar order while editing. */
const normalizeHolidays = (dates: string[] | undefined) => [...new Set((dates ?? []).map((d) => d.trim()).filter(Boolean))].sort();

/**
 * The legal-term rules (期限规则), saved with the document settings. The 30-day term and extension limit are
 * statutory and only shown. Holidays are a tag list: pasting several dates separated by spaces, commas or
 * line breaks adds them all.
 */
function TermRulesFields() {
  const { t } = useTranslation();
  const holidaysRule = {
    validator: async (_: unknown, value: string[] | undefined) => {
      const bad = (value ?? []).filter((d) => !isIsoDate(d));
      if (bad.length > 0) throw new Error(t('enforcementSettings.holidaysInvalid', { dates: bad.join('、') }));
    },
  };
  return (
    <div data-testid="term-rules">
      <div style={{ margin: '8px 0 4px' }}>
        <Typography.Text strong>{t('enforcementSettings.termRules')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {t('enforcementSettings.statutoryDays', { baseDays: DEFAULT_TERM_POLICY.baseDays, maxExtensionDays: DEFAULT_TERM_POLICY.maxExtensionDays })}
        </Typography.Text>
      </div>
      <Form.Item label={t('enforcementSettings.startDayRule')} style={{ marginBottom: 4 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <Form.Item noStyle name={['termPolicy', 'startDayRule']}>
            <Select data-testid="term-start-day" style={{ width: 190 }}
              options={(['next-day', 'same-day'] as const).map((rule) => ({ value: rule, label: t(`enforcementSettings.startDayRules.${rule}`) }))} />
          </Form.Item>
          <span>{t('enforcementSettings.warnWithinDays')}</span>
          <Form.Item noStyle name={['termPolicy', 'warnWithinDays']}>
            <InputNumber data-testid="term-warn-days" min={1} max={15} precision={0} style={{ width: 70 }} suffix={t('enforcementSettings.days')} />
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item label={t('enforcementSettings.holidays')} name={['termPolicy', 'statutoryHolidays']} normalize={normalizeHolidays} rules={[holidaysRule]}
        extra={<span style={{ fontSize: 12 }}>{t('enforcementSettings.holidaysHelp')}</span>} style={{ marginBottom: 4 }}>
        <Select mode="tags" open={false} suffixIcon={null} data-testid="term-holidays" maxTagCount={12}
          tokenSeparators={[' ', ',', '，', '、', ';', '；', '\n', '\t']} placeholder={t('enforcementSettings.holidaysPlaceholder')} />
      </Form.Item>
      <HolidayCalendarNotice detailed />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('enforcementSettings.termRulesNote')}</Typography.Text>
    </div>
  );
}

/** The agency's document settings: who issues, where to appeal, and each document type's number pattern. */
function DocumentSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DocumentSettings>();
  // Not editable until the stored settings are in: a late answer would overwrite what was typed meanwhile.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void call('documentSettings.get', {}).then((s) => (form.setFieldsValue(s), setLoaded(true)), (err: unknown) => showApiError(err));
  }, [form]);
  const submit = async (values: DocumentSettings) => {
    try {
      form.setFieldsValue(await call('documentSettings.update', values));
      void message.success(t('enforcementSettings.saved'));
    } catch (err) {
      showApiError(err, form);
    }
  };
  const field = (name: keyof DocumentSettings, required = false) => (
    <Form.Item name={name} label={t(`enforcementSettings.${name}`)} style={{ marginBottom: 4 }}
      rules={required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}>
      <Input data-testid={`doc-${name}`} />
    </Form.Item>
  );
  // The same rule the server applies, so a bad pattern is marked before saving.
  const patternRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const parsed = parseNumberPattern(value ?? '');
      if (!parsed.ok) throw new Error(t('enforcementSettings.patternInvalid', { detail: parsed.errors.join('，') }));
    },
  };
  const year = dayjs().year();
  const example = (pattern: string | undefined) =>
    pattern !== undefined && parseNumberPattern(pattern).ok ? t('enforcementSettings.example', { number: formatDocumentNumber(pattern, year, 1) }) : '';
  return (
    <Card size="small" title={t('enforcementSettings.documents')} data-testid="document-settings">
      <Form form={form} size="small" layout="horizontal" labelCol={{ flex: '200px' }} onFinish={submit} disabled={!loaded}>
        {field('agencyName', true)}
        {field('agencyAddress')}
        {field('agencyPhone')}
        {field('sealText')}
        {field('reviewGovernment', true)}
        {field('reviewSuperiorDepartment')}
        {field('court', true)}
        <TermRulesFields />
        <div style={{ margin: '8px 0 4px' }}>
          <Typography.Text strong>{t('enforcementSettings.numberPatterns')}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>{t('enforcementSettings.patternHelp')}</Typography.Text>
        </div>
        {DOCUMENT_KINDS.map((kind) => (
          <Form.Item key={kind} label={t(`cases.docKinds.${kind}`)} style={{ marginBottom: 4 }}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Form.Item noStyle name={['numberPatterns', kind]} rules={[patternRule]}>
                <Input data-testid={`pattern-${kind}`} style={{ width: 250, flex: 'none' }} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.numberPatterns?.[kind] !== b.numberPatterns?.[kind]}>
                {() => (
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {example(form.getFieldValue(['numberPatterns', kind]) as string | undefined)}
                  </Typography.Text>
                )}
              </Form.Item>
            </div>
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" data-testid="save-document-settings" style={{ marginTop: 6 }}>{t('enforcementSettings.save')}</Button>
      </Form>
    </Card>
  );
}

/** Where seized coal goes: the disposal points a handover can name. */
function DisposalPointsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [points, setPoints] = useState<DisposalPoint[]>([]);
  const [form] = Form.useForm<PointValues>();
  const load = useCallback(() => call('disposalPoints.list', {}).then(setPoints, (err: unknown) => showApiError(err)), []);
  useEffect(() => { void load(); }, [load]);
  const add = async (values: PointValues) => {
    try {
      const point = await call('disposalPoints.create', values);
      form.resetFields();
      void message.success(t('enforcementSettings.pointAdded', { code: point.code }));
      await load();
    } catch (err) {
      showApiError(err, form);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Card size="small" title={t('enforcementSettings.points')} data-testid="disposal-points">
      <Form form={form} layout="inline" size="small" onFinish={add} style={{ rowGap: 4, marginBottom: 6 }}>
        <Form.Item name="code" rules={required}><Input placeholder={t('enforcementSettings.code')} style={{ width: 80 }} data-testid="point-code" /></Form.Item>
        <Form.Item name="name" rules={required}><Input placeholder={t('enforcementSettings.name')} style={{ width: 140 }} data-testid="point-name" /></Form.Item>
        <Form.Item name="address" rules={required}><Input placeholder={t('enforcementSettings.address')} style={{ width: 120 }} data-testid="point-address" /></Form.Item>
        <Button htmlType="submit" type="primary" data-testid="add-point">{t('enforcementSettings.addPoint')}</Button>
      </Form>
      <Table<DisposalPoint> size="small" pagination={false} rowKey="id" dataSource={points} scroll={{ y: 96 }}
        locale={{ emptyText: t('enforcementSettings.noPoints') }}
        columns={[
          { title: t('enforcementSettings.code'), dataIndex: 'code', width: 90 },
          { title: t('enforcementSettings.name'), dataIndex: 'name', ellipsis: true },
          { title: t('enforcementSettings.address'), dataIndex: 'address', ellipsis: true },
        ]} />
    </Card>
  );
}

/** This checkpoint's public key to hand out, and the keys of other checkpoints whose handovers are accepted here. */
function CheckpointKeysCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [own, setOwn] = useState<{ checkpointId: string; publicKeyPem: string } | null>(null);
  const [trusted, setTrusted] = useState<TrustedCheckpoint[]>([]);
  const [form] = Form.useForm<TrustValues>();
  const load = useCallback(async () => {
    try {
      const [key, list] = await Promise.all([call('checkpointKey.get', {}), call('checkpointKey.trusted', {})]);
      setOwn(key);
      setTrusted(list);
    } catch (err) {
      showApiError(err);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(own?.publicKeyPem ?? '');
      void message.success(t('enforcementSettings.copied'));
    } catch {
      void message.warning(t('enforcementSettings.copyFailed'));
    }
  };
  const trust = async (values: TrustValues) => {
    try {
      const saved = await call('checkpointKey.trust', values);
      form.resetFields();
      void message.success(t('enforcementSettings.trusted', { checkpointId: saved.checkpointId }));
      await load();
    } catch (err) {
      showApiError(err, form);
    }
  };
  const untrust = async (checkpointId: string) => {
    try {
      await call('checkpointKey.untrust', { checkpointId });
      void message.success(t('enforcementSettings.untrusted', { checkpointId }));
      await load();
    } catch (err) {
      showApiError(err);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Card size="small" title={`${t('enforcementSettings.key')}${own ? ` · ${own.checkpointId}` : ''}`} style={{ marginTop: 8 }}
      extra={<Button size="small" disabled={!own} onClick={() => void copy()} data-testid="copy-key">{t('enforcementSettings.copy')}</Button>}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('enforcementSettings.keyHelp')}</Typography.Text>
      <Input.TextArea readOnly value={own?.publicKeyPem ?? ''} autoSize={{ minRows: 3, maxRows: 3 }} data-testid="own-key"
        style={{ fontFamily: 'monospace', fontSize: 11, marginTop: 4 }} />
      <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>{t('enforcementSettings.trust')}</Typography.Text>
      <Form form={form} size="small" layout="vertical" onFinish={trust} style={{ marginTop: 4 }}>
        <Row gutter={8}>
          <Col span={8}>
            <Form.Item name="checkpointId" rules={required} style={{ marginBottom: 4 }}>
              <Input placeholder={t('enforcementSettings.checkpointId')} data-testid="trust-id" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" rules={required} style={{ marginBottom: 4 }}>
              <Input placeholder={t('enforcementSettings.trustName')} data-testid="trust-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="publicKeyPem" rules={required} style={{ marginBottom: 4 }}>
          <Input.TextArea rows={2} placeholder={t('enforcementSettings.publicKeyPem')} data-testid="trust-key" style={{ fontFamily: 'monospace', fontSize: 11 }} />
        </Form.Item>
        <Button htmlType="submit" data-testid="trust-save">{t('enforcementSettings.doTrust')}</Button>
      </Form>
      <Table<TrustedCheckpoint> size="small" pagination={false} rowKey="checkpointId" dataSource={trusted} scroll={{ y: 72 }} style={{ marginTop: 6 }}
        data-testid="trusted" locale={{ emptyText: t('enforcementSettings.noTrusted') }}
        columns={[
          { title: t('enforcementSettings.checkpointId'), dataIndex: 'checkpointId', width: 100 },
          { title: t('enforcementSettings.trustName'), dataIndex: 'name', ellipsis: true },
          { title: t('enforcementSettings.registeredAt'), width: 130, render: (_, c) => dayjs(c.registeredAt).format('YYYY-MM-DD HH:mm') },
          {
            width: 64,
            render: (_, c) => (
              <Popconfirm title={t('enforcementSettings.untrustConfirm', { checkpointId: c.checkpointId })} onConfirm={() => untrust(c.checkpointId)}>
                <Button size="small" type="link" danger data-testid={`untrust-${c.checkpointId}`}>{t('enforcementSettings.untrust')}</Button>
              </Popconfirm>
            ),
          },
        ]} />
    </Card>
  );
}

/** Admin: what the enforcement work needs set up — document settings, disposal points and handover signing keys. */
export function EnforcementSettingsScreen() {
  return (
    <Row gutter={12}>
      <Col span={14}><DocumentSettingsCard /></Col>
      <Col span={10}>
        <DisposalPointsCard />
        <CheckpointKeysCard />
      </Col>
    </Row>
  );
}
