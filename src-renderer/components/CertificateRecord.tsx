import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ROLE_GROUPS, type PolicyInfo, type RegistrationCertificates } from '../../src-shared/contract/index.ts';
import { DECIDED_OUTCOMES, type DecidedOutcome } from '../../src-shared/domain/certificate/vocabulary.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { hasRole, useSession } from '../session.tsx';
import { CheckLater } from './CheckLater.tsx';
import { CertificateVerdict, useBilingual } from './CertificateVerdict.tsx';
import { FollowUpSamples } from './FollowUpSamples.tsx';
import { ReportAttachments } from './ReportAttachments.tsx';

/** Who may check a saved record's report: the kiosk and the enforcement officers (as the contract says). */
const CHECKERS = [...new Set([...ROLE_GROUPS.registrar, ...ROLE_GROUPS.enforcement])];

/**
 * The stored report check of a registration (as decided, with an officer's 人工核验 decision and any supervisor
 * override), its follow-up samples and its scans.
 */
export function CertificateRecord(props: { registrationId: number; coalKind: string }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [data, setData] = useState<RegistrationCertificates | null>(null);
  // The same form records a supervisor's override and an officer's manual-review decision.
  const [deciding, setDeciding] = useState<'override' | 'review' | null>(null);
  const [form] = Form.useForm<{ outcome: DecidedOutcome; reason: string }>();
  const [policies, setPolicies] = useState<PolicyInfo[]>([]);
  useEffect(() => { void call('policies.list', {}).then(setPolicies, () => setPolicies([])); }, []);
  const text = useBilingual();
  /** The policy by its title, as officials know it; the version code stays beside it for the record. */
  const policyName = (version: string) => {
    const policy = policies.find((p) => p.version === version);
    return policy ? `${text(policy.title)}（${version}）` : version;
  };

  const load = useCallback(async () => {
    try {
      setData(await call('certificates.forRegistration', { registrationId: props.registrationId }));
    } catch (err) {
      showApiError(err);
    }
  }, [props.registrationId]);
  useEffect(() => { void load(); }, [load]);

  const current = data?.current ?? null;
  const decide = async (values: { outcome: DecidedOutcome; reason: string }) => {
    try {
      const input = { checkId: current!.id, outcome: values.outcome, reason: values.reason ?? '' };
      await (deciding === 'review' ? call('certificates.review', input) : call('certificates.override', input));
      setDeciding(null);
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
            extra={(
              <>
                {current.outcome === 'review' && (login.user.roles.includes('officer') || login.user.roles.includes('supervisor')) && (
                  <Button size="small" type="primary" data-testid="review" onClick={() => { form.resetFields(); setDeciding('review'); }}>{t('certificates.review')}</Button>
                )}
                {login.user.roles.includes('supervisor') && (
                  <Button size="small" data-testid="override" onClick={() => { form.resetFields(); setDeciding('override'); }}>{t('certificates.override')}</Button>
                )}
              </>
            )} />
          {current.outcome === 'review' && <Typography.Paragraph type="warning" style={{ marginTop: 6 }}>{t('certificates.reviewPending')}</Typography.Paragraph>}
          {current.review && (
            <Typography.Paragraph data-testid="review-note" style={{ marginTop: 6 }}>
              {t('certificates.reviewed', {
                by: current.review.by, at: dayjs(current.review.at).format('YYYY-MM-DD HH:mm'),
                outcome: t(`certificates.outcomes.${current.review.outcome}`), reason: current.review.reason,
              })}
            </Typography.Paragraph>
          )}
          {latestOverride && (
            <Typography.Paragraph type="warning" data-testid="override-note" style={{ marginTop: 6 }}>
              {t('certificates.overridden', { by: latestOverride.by, outcome: t(`certificates.outcomes.${latestOverride.outcome}`), reason: latestOverride.reason })}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            {current.report && `${t('registration.reportNumber')}: ${current.report.reportNumber} · ${current.report.lab} · `}
            {t('kiosk.policy')}：{policyName(current.result.versions.policy)} · {t('kiosk.limits')}：{current.result.versions.limits} · {t('certificates.checkedBy', { by: current.checkedBy, at: dayjs(current.checkedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        </>
      ) : (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <Typography.Text type="secondary" data-testid="no-check">{t('certificates.stored_none')}</Typography.Text>
          {data && hasRole(login, CHECKERS) && <CheckLater registrationId={props.registrationId} coalKind={props.coalKind} onChecked={() => void load()} />}
        </div>
      )}
      {data && (
        <>
          <FollowUpSamples registrationId={props.registrationId} samples={data.samples} status={data.followUp} onChanged={load} />
          <ReportAttachments registrationId={props.registrationId} attachments={data.attachments} onChanged={load} />
        </>
      )}
      <Modal open={deciding !== null} title={t(deciding === 'review' ? 'certificates.review' : 'certificates.override')} onCancel={() => setDeciding(null)}
        onOk={() => form.submit()} okButtonProps={{ id: 'override-save' }}>
        <Form form={form} layout="vertical" onFinish={decide}>
          <Form.Item name="outcome" label={t(deciding === 'review' ? 'certificates.review' : 'certificates.override')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={DECIDED_OUTCOMES.map((o) => ({ value: o, label: t(`certificates.outcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t(deciding === 'review' ? 'certificates.reviewReason' : 'certificates.overrideReason')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="override-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
