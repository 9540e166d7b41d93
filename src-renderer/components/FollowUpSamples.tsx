import { useEffect, useState } from 'react';
import { App, AutoComplete, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ROLE_GROUPS, type FollowUpSample, type FollowUpStatus } from '../../src-shared/contract/index.ts';
import type { Verdict } from '../../src-shared/domain/certificate/vocabulary.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { hasRole, useSession } from '../session.tsx';
import { EMPTY_RESULTS, ResultRowsList, toResults, type ResultRow } from './CertificatePanel.tsx';

const STATUS_COLORS: Record<FollowUpStatus, string> = { none: 'default', 'awaiting-result': 'processing', passed: 'green', failed: 'red', incomplete: 'orange' };
const VERDICT_COLORS: Record<Verdict, string> = { pass: 'green', fail: 'red', incomplete: 'orange', invalid: 'red' };
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * The lab samples taken of a truck after its report was checked, and their results. A result is stored
 * on its sample; the report the truck presented and its check are never changed by it.
 */
export function FollowUpSamples(props: { registrationId: number; samples: FollowUpSample[]; status: FollowUpStatus; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { login } = useSession();
  const mayRecord = hasRole(login, ROLE_GROUPS.enforcement);
  const [labs, setLabs] = useState<string[]>([]);
  const [taking, setTaking] = useState(false);
  const [resultFor, setResultFor] = useState<FollowUpSample | null>(null);
  const [sampleForm] = Form.useForm<{ sampleNumber: string; lab: string }>();
  const [resultForm] = Form.useForm<{ reportNumber: string; results: ResultRow[] }>();

  useEffect(() => {
    if (mayRecord) void call('labs.list', {}).then((l) => setLabs(l.map((x) => x.name)), () => setLabs([]));
  }, [mayRecord]);

  const recordSample = async (values: { sampleNumber: string; lab: string }) => {
    try {
      const sample = await call('certificates.recordSample', { registrationId: props.registrationId, ...values });
      setTaking(false);
      void message.success(t('certificates.sampleRecorded', { number: sample.sampleNumber }));
      await props.onChanged();
    } catch (err) {
      showApiError(err, sampleForm);
    }
  };
  const recordResult = async (values: { reportNumber: string; results: ResultRow[] }) => {
    try {
      const sample = await call('certificates.recordSampleResult', { sampleId: resultFor!.id, reportNumber: values.reportNumber, results: toResults(values.results) });
      setResultFor(null);
      void message.success(t('certificates.resultRecorded', { number: sample.sampleNumber, verdict: t(`certificates.verdicts.${sample.result!.verdict}`) }));
      await props.onChanged();
    } catch (err) {
      showApiError(err, resultForm);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <div data-testid="follow-up" style={{ marginTop: 8 }}>
      <Space>
        <b>{t('certificates.followUp')}</b>
        <Tag color={STATUS_COLORS[props.status]} data-testid="follow-up-status">{t(`certificates.followUps.${props.status}`)}</Tag>
        {mayRecord && (
          <Button size="small" data-testid="record-sample" onClick={() => { sampleForm.resetFields(); setTaking(true); }}>{t('certificates.recordSample')}</Button>
        )}
      </Space>
      {props.samples.length > 0 && (
        <Table<FollowUpSample> size="small" pagination={false} rowKey="id" dataSource={props.samples} style={{ marginTop: 6 }}
          columns={[
            { title: t('certificates.sampleNumber'), dataIndex: 'sampleNumber', width: 140 },
            { title: t('certificates.sampleLab'), dataIndex: 'lab', ellipsis: true },
            { title: t('registration.operator'), width: 150, render: (_, s) => <Typography.Text style={{ fontSize: 12 }}>{t('certificates.takenBy', { by: s.takenBy, at: when(s.takenAt) })}</Typography.Text> },
            {
              title: t('certificates.verdict'), width: 170,
              render: (_, s) => s.result ? (
                <span data-testid={`sample-result-${s.sampleNumber}`}>
                  <Tag color={VERDICT_COLORS[s.result.verdict]}>{t(`certificates.verdicts.${s.result.verdict}`)}</Tag>
                  <Typography.Text style={{ fontSize: 12 }}>{s.result.reportNumber}</Typography.Text>
                </span>
              ) : mayRecord ? (
                <Button size="small" type="link" data-testid={`record-result-${s.sampleNumber}`}
                  onClick={() => { resultForm.setFieldsValue({ reportNumber: '', results: EMPTY_RESULTS }); setResultFor(s); }}>
                  {t('certificates.recordResult')}
                </Button>
              ) : t('certificates.followUps.awaiting-result'),
            },
          ]} />
      )}
      <Modal open={taking} title={t('certificates.recordSample')} onCancel={() => setTaking(false)} onOk={() => sampleForm.submit()} okButtonProps={{ id: 'sample-save' }} destroyOnHidden>
        <Form form={sampleForm} layout="vertical" onFinish={recordSample}>
          <Form.Item name="sampleNumber" label={t('certificates.sampleNumber')} rules={required}><Input maxLength={60} data-testid="sample-number" /></Form.Item>
          <Form.Item name="lab" label={t('certificates.sampleLab')} rules={required}>
            <AutoComplete options={labs.map((l) => ({ value: l }))} data-testid="sample-lab" filterOption={(input, o) => String(o?.value).includes(input)} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={resultFor !== null} width={640} title={`${t('certificates.recordResult')} · ${resultFor?.sampleNumber ?? ''}`} onCancel={() => setResultFor(null)}
        onOk={() => resultForm.submit()} okButtonProps={{ id: 'sample-result-save' }}>
        <Typography.Paragraph type="secondary">{t('certificates.originalUnchanged')}</Typography.Paragraph>
        <Form form={resultForm} layout="vertical" onFinish={recordResult}>
          <Form.Item name="reportNumber" label={t('certificates.resultReportNumber')} rules={required}><Input maxLength={60} data-testid="sample-report-number" /></Form.Item>
          <ResultRowsList />
        </Form>
      </Modal>
    </div>
  );
}
