import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Space, Table, Tag, Typography, Upload, message } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { LimitsPreview, LimitsVersion, PolicyInfo, RecognisedLabRow } from '../../src-shared/contract/index.ts';
import { EmptyGradesWarning } from '../components/EmptyGradesWarning.tsx';
import { PolicyFileImport } from '../components/PolicyFileImport.tsx';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { useBilingual } from '../components/CertificateVerdict.tsx';

const today = () => dayjs().format('YYYY-MM-DD');
/** Room for the label ("Effective from", "生效日期") and a whole YYYY-MM-DD date. */
const DATE_INPUT_WIDTH = 250;

/** Admin: the recognised labs, the limits tables (import with a diff preview and a start date) and the policy in force. */
export function StandardsScreen() {
  const { t } = useTranslation();
  const text = useBilingual();
  const [labs, setLabs] = useState<RecognisedLabRow[]>([]);
  const [versions, setVersions] = useState<LimitsVersion[]>([]);
  const [policies, setPolicies] = useState<PolicyInfo[]>([]);
  const [upload, setUpload] = useState<{ content: string; preview: LimitsPreview } | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(today());
  const [policyDate, setPolicyDate] = useState(today());
  const [labForm] = Form.useForm<{ name: string; cmaNumber?: string; validUntil?: string }>();

  const load = useCallback(async () => {
    try {
      const [l, v, p] = await Promise.all([call('labs.list', {}), call('limits.list', {}), call('policies.list', {})]);
      setLabs(l);
      setVersions(v);
      setPolicies(p);
    } catch (err) {
      showApiError(err);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) void message.success(done);
      await load();
    } catch (err) {
      showApiError(err, labForm);
    }
  };
  const chooseFile = async (file: File) => {
    try {
      const content = await file.text();
      setUpload({ content, preview: await call('limits.preview', { content }) });
    } catch (err) {
      setUpload(null);
      showApiError(err);
    }
    return false;
  };
  const diff = upload?.preview.diff;
  return (
    <div>
      <Typography.Title level={4} style={{ margin: '0 0 8px' }}>{t('certificates.standards')}</Typography.Title>
      <EmptyGradesWarning refresh={versions} />
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title={t('certificates.limitsTables')} data-testid="limits">
            <Table<LimitsVersion> size="small" pagination={false} rowKey={(v) => v.version} dataSource={versions}
              columns={[
                { title: t('certificates.version'), render: (_, v) => <>{v.version} {v.active && <Tag color="green">{t('certificates.active')}</Tag>}{v.id === null && <Tag>{t('certificates.shipped')}</Tag>}</> },
                { title: t('certificates.effectiveFrom'), render: (_, v) => v.effectiveFrom ?? '—' },
                { title: t('certificates.rowsCount'), dataIndex: 'rows' },
                { title: t('certificates.unverifiedRows'), dataIndex: 'unverifiedRows' },
                { title: t('certificates.importedBy'), render: (_, v) => (v.importedAt ? `${v.importedBy} ${dayjs(v.importedAt).format('YYYY-MM-DD HH:mm')}` : '—') },
              ]} />
            <Space style={{ marginTop: 8 }} wrap>
              <Typography.Text strong>{t('certificates.importLimits')}</Typography.Text>
              <Upload accept=".json,application/json" showUploadList={false} beforeUpload={chooseFile}>
                <Button data-testid="limits-file">{t('certificates.chooseFile')}</Button>
              </Upload>
              <Input style={{ width: DATE_INPUT_WIDTH }} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} addonBefore={t('certificates.effectiveFrom')} />
              <Button type="primary" disabled={!upload} data-testid="limits-import"
                onClick={() => void run(async () => {
                  await call('limits.import', { content: upload!.content, effectiveFrom });
                  setUpload(null);
                }, t('certificates.imported', { version: upload?.preview.version, date: effectiveFrom }))}>
                {t('certificates.doImport')}
              </Button>
            </Space>
            {upload && diff && (
              <div data-testid="limits-diff" style={{ marginTop: 8 }}>
                <Alert type={upload.preview.gaps.length > 0 ? 'warning' : 'info'} showIcon
                  message={`${upload.preview.version}: ${t('certificates.diff', { version: upload.preview.activeVersion, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length })}`}
                  description={upload.preview.gaps.length > 0 && t('certificates.gaps', { list: upload.preview.gaps.map((g) => `${g.standard} ${g.grade}`).join('、') })} />
                <Table size="small" pagination={false} scroll={{ y: 200 }} style={{ marginTop: 6 }}
                  rowKey={(r) => r.key}
                  dataSource={[
                    ...diff.changed.map((c) => ({ key: `c${c.key}`, kind: 'changed', row: c.after, before: c.before })),
                    ...diff.added.map((r) => ({ key: `a${r.standard}${r.grade}${r.item}${r.basis}${r.effectiveFrom}`, kind: 'added', row: r, before: null })),
                    ...diff.removed.map((r) => ({ key: `r${r.standard}${r.grade}${r.item}${r.basis}${r.effectiveFrom}`, kind: 'removed', row: r, before: null })),
                  ]}
                  columns={[
                    { title: t('certificates.change'), dataIndex: 'kind', width: 70, render: (k: string) => <Tag color={k === 'added' ? 'green' : k === 'removed' ? 'red' : 'orange'}>{t(`certificates.${k}`)}</Tag> },
                    { title: t('certificates.standard'), render: (_, d) => `${d.row.standard}-${d.row.edition} ${d.row.grade}`, ellipsis: true },
                    { title: t('certificates.item'), render: (_, d) => (d.row.basis ? `${d.row.item},${d.row.basis}` : d.row.item), width: 70 },
                    {
                      title: t('certificates.limit'), width: 160,
                      render: (_, d) => `${d.before ? `${d.before.comparison} ${d.before.limit ?? '?'} → ` : ''}${d.row.comparison} ${d.row.limit ?? '?'}${d.row.verified ? '' : ' *'}`,
                    },
                  ]} />
              </div>
            )}
          </Card>
          <Card size="small" title={t('certificates.policies')} style={{ marginTop: 12 }}>
            <Space style={{ marginBottom: 8 }}>
              <Input style={{ width: DATE_INPUT_WIDTH }} value={policyDate} onChange={(e) => setPolicyDate(e.target.value)} addonBefore={t('certificates.effectiveFrom')} />
            </Space>
            <Table<PolicyInfo> size="small" pagination={false} rowKey={(p) => p.version} dataSource={policies}
              columns={[
                { title: t('certificates.version'), render: (_, p) => <>{text(p.title)} <Typography.Text type="secondary">{p.version}</Typography.Text> {p.active && <Tag color="green">{t('certificates.active')}</Tag>}</> },
                { title: t('certificates.effectiveFrom'), render: (_, p) => p.effectiveFrom ?? '—', width: 110 },
                {
                  title: '', width: 80,
                  render: (_, p) => (
                    <Button size="small" disabled={p.active}
                      onClick={() => void run(() => call('policies.activate', { policyId: p.id, effectiveFrom: policyDate }), t('certificates.activated', { version: p.version, date: policyDate }))}>
                      {t('certificates.activate')}
                    </Button>
                  ),
                },
              ]} />
            <PolicyFileImport effectiveFrom={policyDate} onActivated={load} />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('certificates.labs')}>
            <Form form={labForm} layout="inline" size="small" style={{ marginBottom: 8, rowGap: 6 }}
              onFinish={(v) => void run(async () => { await call('labs.add', v); labForm.resetFields(); })}>
              <Form.Item name="name" rules={[{ required: true, message: t('validation.required') }]}><Input placeholder={t('certificates.lab')} style={{ width: 200 }} /></Form.Item>
              <Form.Item name="cmaNumber"><Input placeholder={t('certificates.cmaNumber')} style={{ width: 140 }} /></Form.Item>
              <Form.Item name="validUntil"><Input placeholder={`${t('certificates.validUntil')} YYYY-MM-DD`} style={{ width: 200 }} /></Form.Item>
              <Button htmlType="submit" type="primary">{t('certificates.addLab')}</Button>
            </Form>
            <Table<RecognisedLabRow> size="small" pagination={false} rowKey="id" dataSource={labs} scroll={{ y: 460 }}
              columns={[
                { title: t('certificates.lab'), dataIndex: 'name', ellipsis: true },
                { title: t('certificates.cmaNumber'), render: (_, l) => l.cmaNumber ?? '—', width: 120 },
                { title: t('certificates.validUntil'), render: (_, l) => l.validUntil ?? '—', width: 100 },
                { title: '', width: 60, render: (_, l) => <Button size="small" danger type="link" onClick={() => void run(() => call('labs.remove', { id: l.id }))}>{t('certificates.remove')}</Button> },
              ]} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
