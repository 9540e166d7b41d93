import { useState } from 'react';
import { Alert, App, Button, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { ReportFields } from './ReportFields.tsx';
import { emptyReport, reportState, type ReportFormValues } from './report-form.ts';

/**
 * A record saved without a check (before checks were saved with the registration, or through another
 * door) is checked here from the ledger: the report as presented, or "no report". The check is audited.
 */
export function CheckLater(props: { registrationId: number; coalKind: string; onChecked(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<ReportFormValues>();
  const submit = async () => {
    const state = reportState(form.getFieldsValue(true) as ReportFormValues);
    if (state.kind === 'undecided') return setProblem(t('kiosk.reportChoice'));
    if (state.kind === 'lacking') return setProblem(t('kiosk.reportMissing', { fields: state.missing.map((f) => t(`certificates.${f}`)).join('、') }));
    try {
      const check = await call('certificates.check', { registrationId: props.registrationId, report: state.kind === 'report' ? state.report : null });
      void message.success(t('kiosk.checked', { outcome: t(`certificates.outcomes.${check.outcome}`) }));
      setOpen(false);
      props.onChecked();
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <>
      <Button size="small" type="primary" data-testid="check-later" onClick={() => { form.setFieldsValue(emptyReport(props.coalKind)); setProblem(null); setOpen(true); }}>
        {t('kiosk.checkNow')}
      </Button>
      <Modal open={open} width={760} title={t('kiosk.checkTitle')} onCancel={() => setOpen(false)} onOk={() => void submit()} okButtonProps={{ id: 'check-later-save' }} destroyOnHidden>
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} data-testid="check-later-problem" />}
        <Form form={form} layout="vertical" size="small" initialValues={emptyReport(props.coalKind)} onValuesChange={() => setProblem(null)}>
          <ReportFields />
        </Form>
      </Modal>
    </>
  );
}
