import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Input, List, Modal, Select, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, type RegistrationCertificates } from '../../src-main/contract/index.ts';
import { OUTCOMES, type Outcome } from '../../src-main/domain/certificate/vocabulary.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { useSession } from '../session.tsx';
import { CertificateVerdict } from './CertificateVerdict.tsx';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The stored report check of a registration (as decided, with any supervisor override), its follow-up and its scans. */
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
  const upload = async (file: File) => {
    try {
      const mime = ATTACHMENT_MIMES.find((m) => m === file.type);
      if (!mime || file.size > MAX_ATTACHMENT_BYTES) throw new Error(t(mime ? 'certificates.attachmentTooLarge' : 'certificates.attachmentType'));
      await call('attachments.add', { registrationId: props.registrationId, fileName: file.name, mime, contentBase64: await toBase64(file) });
      await load();
    } catch (err) {
      showApiError(err);
    }
    return false;
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
      {data && data.followUp !== 'none' && (
        <Typography.Paragraph style={{ marginTop: 6 }}>
          {t('certificates.followUp')}：{t(`certificates.followUps.${data.followUp}`)}（{data.samples.map((s) => s.sampleNumber).join('、')}）
        </Typography.Paragraph>
      )}
      <List size="small" header={<b>{t('certificates.attachments')}</b>} data-testid="attachments" style={{ marginTop: 8 }}
        locale={{ emptyText: t('certificates.noAttachments') }} dataSource={data?.attachments ?? []}
        renderItem={(a) => <List.Item>{a.fileName} · {(a.sizeBytes / 1024).toFixed(0)} KB · {a.sha256.slice(0, 12)}… · {a.addedBy}</List.Item>}
        footer={<Upload accept={ATTACHMENT_MIMES.join(',')} showUploadList={false} beforeUpload={upload}><Button size="small">{t('certificates.addAttachment')}</Button></Upload>} />
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
