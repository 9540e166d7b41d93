// @ts-nocheck
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RegistrationCertificates } from '../../src-main/contract/index.ts';
import { OUTCOMES, type Outcome } from '../../src-main/domain/certificate/vocabulary.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { useSession } from '../session.tsx';
import { CertificateVerdict } from './CertificateVerdict.tsx';
import { FollowUpSamples } from './FollowUpSamples.tsx';
import { ReportAttachments } from './ReportAttachments.tsx';

/** The stored report check of a registration (as decided, with any supervisor override), its follow-up samples and its scans. */
export function CertificateRecord(props: { registrationId: number }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [data, setData] = useState<RegistrationCertificates | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [form] = Form.useForm<{ outcome: Outcome; reason: string }>();

  const load = useCallback(async () => {
    try {
      setData(await call('certificates.forRegistration', { registrationId: props.registrationId }));
    } catch (err) {
      showApiError(err);
    }
  }, [props.registrationId]);
  useEffect(() => { void load(); }, [load]);

  const current = data?.current ?? null;
  const override = async (values: { outcome: Outcome; reason: string }) => {
    try {
      await call('certificates.override', { checkId: current!.id, outcome: values.outcome, reason: values.reason ?? '' });
      setOverriding(false);
      await load();
    } catch (err) {
      showApiError(err, form);
    }
  };
  const latestOverride = current?.overrides.at(-1);
  return (
    <Card size="small" title={t('certificates.panel')} data-testid="certificate-record" style={{ marginBottom: 16 }}>
      {current ? (
        <>
          <CertificateVerdict result={current.result} outcome={current.outcome} itemsHeight={220}
            extra={login.user.role === 'supervisor' && (
              <Button size="small" data-testid="override" onClick={() => { form.resetFields(); setOverriding(true); }}>{t('certificates.override')}</Button>
            )} />
          {latestOverride && (
            <Typography.Paragraph type="warning" data-testid="override-note" style={{ marginTop: 6 }}>
              {t('certificates.overridden', { by: latestOverride.by, outcome: t(`certificates.outcomes.${latestOverride.outcome}`), reason: latestOverride.reason })}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            {current.report && `${t('registration.reportNumber')}: ${current.report.reportNumber} · ${current.report.lab} · `}
            {t('certificates.versions', current.result.versions)} · {t('certificates.checkedBy', { by: current.checkedBy, at: dayjs(current.checkedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('certificates.stored_none')}</Typography.Text>
      )}
      {data && (
        <>
          <FollowUpSamples registrationId={props.registrationId} samples={data.samples} status={data.followUp} onChanged={load} />
          <ReportAttachments registrationId={props.registrationId} attachments={data.attachments} onChanged={load} />
        </>
      )}
      <Modal open={overriding} title={t('certificates.override')} onCancel={() => setOverriding(false)} onOk={() => form.submit()} okButtonProps={{ id: 'override-save' }}>
        <Form form={form} layout="vertical" onFinish={override} initialValues={{ outcome: current?.outcome }}>
          <Form.Item name="outcome" label={t('certificates.override')}>
            <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`certificates.outcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('certificates.overrideReason')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="override-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
