import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupConfig, BackupSetCheck, BackupSetSummary, BackupStatus } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { BackupAge } from '../components/BackupAge.tsx';

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Administrators: where and when to back up, back up now, the sets in the target with their verification, export. */
export function BackupScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BackupConfig>();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [sets, setSets] = useState<BackupSetSummary[]>([]);
  const [running, setRunning] = useState(false);
  const [check, setCheck] = useState<BackupSetCheck | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');

  const reload = useCallback(async () => {
    const s = await call('backup.status', {});
    setStatus(s);
    form.setFieldsValue(s.config);
    setSets(s.config.targetDir ? await call('backup.sets', {}).catch(() => []) : []);
  }, [form]);
  useEffect(() => void reload().catch(showApiError), [reload]);

  const save = async (values: BackupConfig) => {
    try {
      await call('backup.configure', { ...values, targetDir: values.targetDir || null });
      void message.success(t('backup.saved'));
      await reload();
    } catch (err) {
      showApiError(err, form);
    }
  };
  const runNow = async () => {
    setRunning(true);
    try {
      const run = await call('backup.run', {});
      if (run.ok) void message.success(t('backup.done', { name: run.setName }));
      await reload();
    } catch (err) {
      showApiError(err);
    } finally {
      setRunning(false);
    }
  };
  const doExport = async () => {
    try {
      const out = await call('backup.export', { name: exporting!, passphrase });
      void message.success(t('backup.exported', { file: out.file }));
      setExporting(null);
      setPassphrase('');
    } catch (err) {
      showApiError(err);
    }
  };

  const count = (name: keyof BackupConfig) => (
    <Col span={8}><Form.Item name={name} label={t(`backup.${name}`)}><InputNumber precision={0} min={0} style={{ width: '100%' }} /></Form.Item></Col>
  );
  return (
    <div data-testid="backup-screen">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('backup.title')}</Typography.Title>
      <BackupAge status={status} />
      <Row gutter={12}>
        <Col span={10}>
          <Card size="small" title={t('backup.settings')}>
            <Form form={form} layout="vertical" onFinish={save} size="small">
              <Form.Item name="targetDir" label={t('backup.target')} extra={t('backup.targetHelp')}><Input placeholder="E:\\checkpoint-backup" /></Form.Item>
              <Form.Item name="dailyAt" label={t('backup.dailyAt')}><Input style={{ width: 100 }} /></Form.Item>
              <Space size="large">
                <Form.Item name="atShiftEnd" label={t('backup.atShiftEnd')} valuePropName="checked"><Switch /></Form.Item>
                <Form.Item name="onQuit" label={t('backup.onQuit')} valuePropName="checked"><Switch /></Form.Item>
              </Space>
              <Row gutter={8}>{count('keepDaily')}{count('keepWeekly')}{count('keepMonthly')}</Row>
              <Space>
                <Button htmlType="submit">{t('backup.save')}</Button>
                <Button type="primary" loading={running} disabled={!status?.config.targetDir} onClick={() => void runNow()} data-testid="backup-run">
                  {running ? t('backup.running') : t('backup.runNow')}
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title={t('backup.sets')}>
            <Table<BackupSetSummary> size="small" rowKey="name" dataSource={sets} pagination={{ pageSize: 8, size: 'small' }} data-testid="backup-sets"
              columns={[
                { title: t('backup.createdAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 19).replace('T', ' ') },
                { title: t('backup.registrations'), dataIndex: 'registrations', align: 'right' },
                { title: t('backup.attachments'), dataIndex: 'attachments', align: 'right' },
                { title: t('backup.size'), dataIndex: 'sizeBytes', align: 'right', render: mb },
                {
                  key: 'actions', render: (_: unknown, s) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => call('backup.check', { name: s.name }).then(setCheck, showApiError)}>{t('backup.check')}</Button>
                      <Button size="small" onClick={() => setExporting(s.name)}>{t('backup.export')}</Button>
                    </Space>
                  ),
                },
              ]} />
          </Card>
        </Col>
      </Row>
      <Modal open={check !== null} onCancel={() => setCheck(null)} footer={null} width={640} title={check?.set?.name} data-testid="backup-check">
        {check && (
          <>
            <Tag color={check.ok ? 'green' : 'red'}>{t(check.ok ? 'backup.checkOk' : 'backup.checkFailed')}</Tag>
            {check.problems.map((p, i) => <Typography.Paragraph key={i} type="danger" style={{ margin: '4px 0' }}>{t(p.key, p.params)}</Typography.Paragraph>)}
            {check.set && (
              <Descriptions size="small" column={2} style={{ marginTop: 8 }} items={[
                { label: t('backup.createdAt'), children: check.set.createdAt },
                { label: t('backup.schema'), children: `${check.set.schemaVersion} · ${check.set.appVersion}` },
                { label: t('backup.registrations'), children: check.set.registrations },
                { label: t('backup.auditEntries'), children: check.set.auditEntries },
              ]} />
            )}
            {check.later && check.later.auditEntries > 0 && <Typography.Paragraph type="warning">{t('backup.later', check.later)}</Typography.Paragraph>}
            <Typography.Paragraph type="secondary" copyable>{t('backup.restoreHint')}</Typography.Paragraph>
          </>
        )}
      </Modal>
      <Modal open={exporting !== null} onCancel={() => setExporting(null)} onOk={() => void doExport()} title={`${t('backup.export')} · ${exporting ?? ''}`}>
        <Typography.Text>{t('backup.passphrase')}</Typography.Text>
        <Input.Password value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="backup-passphrase" />
      </Modal>
    </div>
  );
}
