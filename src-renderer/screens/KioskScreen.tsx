import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Col, Form, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { InputOf, RegisteredTruck } from '../../src-shared/contract/index.ts';
import { ApiCallError, call } from '../api.ts';
import {
  CargoCard, DocumentsCard, DriverCard, EMPTY_REGISTRATION, WeightsCard, toRegistrationInput, type RegistrationFormValues,
} from '../components/RegistrationFields.tsx';
import { KioskDevices } from '../components/KioskDevices.tsx';
import { CertificatePanel, type CertificatePanelHandle } from '../components/CertificatePanel.tsx';
import { clearDraft, loadDraft, saveDraft } from '../components/kiosk-draft.ts';
import { useVehiclePrefill } from '../components/useVehiclePrefill.ts';
import { WeighingTicketButton } from '../components/WeighingTicketButton.tsx';
import { useSession } from '../session.tsx';

const SAVE_KEY = 'F9';

/** The messages of a refused save, each field's issue put under its field as well. */
function useRefusal(form: ReturnType<typeof Form.useForm<RegistrationFormValues>>[0], certificate: React.RefObject<CertificatePanelHandle | null>) {
  const [problems, setProblems] = useState<string[]>([]);
  const fromServer = (err: unknown) => {
    if (!(err instanceof ApiCallError)) return setProblems([String(err)]);
    const issues = err.error.issues ?? [];
    const fields = issues.flatMap((i) => {
      const name = i.path.replace(/^registration\./, '').split('.');
      return i.path.startsWith('registration.') && form.getFieldInstance(name) !== undefined ? [{ name, errors: [i.message] }] : [];
    });
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    for (const i of issues) if (i.path.startsWith('report.')) certificate.current?.showIssue(i.path, i.message);
    setProblems(issues.length > 0 ? issues.map((i) => i.message) : [err.error.message]);
  };
  return { problems, setProblems, fromServer };
}

/**
 * The registration form with the report panel: one save stores the truck and its report's check together,
 * then every field returns to its default for the next truck. Nothing saves while the screen is locked.
 */
export function KioskScreen() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const { locked } = useSession();
  const [form] = Form.useForm<RegistrationFormValues>();
  const certificate = useRef<CertificatePanelHandle>(null);
  const [saved, setSaved] = useState<RegisteredTruck | null>(null);
  const [tare, setTare] = useState<{ tareKg: number; registeredAt: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const { problems, setProblems, fromServer } = useRefusal(form, certificate);
  // Enter, a click and F9 can all ask to save, and state updates late: a ref lets only the first one through.
  const inFlight = useRef(false);
  const lockedNow = useRef(locked);
  lockedNow.current = locked;

  const persist = () => {
    if (certificate.current) saveDraft({ registration: form.getFieldsValue(true) as RegistrationFormValues, report: certificate.current.values() });
  };
  // A returning truck (plate, or the driver's card) fills in from its last visit; the draft keeps what it filled.
  useVehiclePrefill(form, persist);
  useEffect(() => {
    const draft = loadDraft();
    if (!draft) return;
    form.setFieldsValue(draft.registration);
    certificate.current?.restore(draft.report);
    void message.info(t('kiosk.draftRestored'));
  }, [form, message, t]);

  const lookUpTare = async (plate: string) => {
    setTare(plate.length >= 7 ? await call('registrations.lastTare', { plate }).catch(() => null) : null);
  };
  const resetForNextTruck = () => {
    form.resetFields();
    certificate.current?.reset(EMPTY_REGISTRATION.coalKind);
    setTare(null);
    clearDraft();
    form.getFieldInstance('plate')?.focus?.();
  };

  /** What keeps a save from going out: required fields, then the report (a number with its header, or "no report"). */
  const findProblems = async (): Promise<string[]> => {
    const found: string[] = [];
    await form.validateFields().catch((e: { errorFields?: { errors: string[] }[] }) => {
      for (const f of e.errorFields ?? []) found.push(...f.errors);
    });
    const state = certificate.current!.state();
    if (state.kind === 'undecided') found.push(t('kiosk.reportChoice'));
    if (state.kind === 'lacking') found.push(t('kiosk.reportMissing', { fields: state.missing.map((f) => t(`certificates.${f}`)).join('、') }));
    return found;
  };

  const save = async (confirmRepeatedPlate = false): Promise<void> => {
    if (lockedNow.current) {
      void message.warning(t('kiosk.lockedNoSave'));
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    try {
      const found = await findProblems();
      setProblems(found);
      if (found.length > 0) return;
      const state = certificate.current!.state();
      const input = {
        registration: toRegistrationInput(form.getFieldsValue(true) as RegistrationFormValues),
        report: state.kind === 'report' ? state.report : null,
        confirmRepeatedPlate,
      } as InputOf<'registrations.register'>;
      const result = await call('registrations.register', input);
      // Ready for the next truck as soon as the one save answers: the check came with it, nothing else is awaited.
      setSaved(result);
      resetForNextTruck();
    } catch (err) {
      if (err instanceof ApiCallError && err.error.key === 'kiosk.plateRepeated') {
        void modal.confirm({
          title: err.error.message, content: t('kiosk.plateRepeatedConfirm'), okText: t('kiosk.registerAgain'),
          okButtonProps: { 'data-testid': 'confirm-repeat' } as React.ComponentProps<typeof Button>, onOk: () => save(true),
        });
      } else {
        fromServer(err);
      }
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  // F9 saves from any field, as on weighbridge software, so the operator need not tab back up to the button.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== SAVE_KEY || e.repeat) return;
      e.preventDefault();
      void saveRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const outcome = saved?.check.outcome;
  return (
    // Enter never saves: it confirms a picker or ends a scan; saving is F9 or the button.
    <Form form={form} layout="vertical" size="middle" initialValues={EMPTY_REGISTRATION} onValuesChange={() => { setSaved(null); persist(); }}
      onKeyDown={(e) => { if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault(); }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 6 }}>
        <Typography.Title level={5} style={{ margin: 0, whiteSpace: 'nowrap' }}>{t('registration.title')}</Typography.Title>
        <div style={{ flex: 1, minWidth: 0 }}>
          {saved && (
            <Alert type="success" showIcon data-testid="saved" data-outcome={outcome} style={{ padding: '2px 10px' }}
              message={t('kiosk.savedWithCheck', { recordNumber: saved.registration.recordNumber, outcome: t(`certificates.outcomes.${outcome}`) })}
              action={<WeighingTicketButton key={saved.registration.id} registrationId={saved.registration.id} />} />
          )}
        </div>
        <Space>
          <Button onClick={resetForNextTruck}>{t('registration.reset')}</Button>
          <Button type="primary" loading={saving} data-testid="save" aria-keyshortcuts={SAVE_KEY} onClick={() => void save()}>
            {t('registration.save')}<kbd style={{ marginInlineStart: 6, fontSize: 12, opacity: 0.85 }}>{SAVE_KEY}</kbd>
          </Button>
        </Space>
      </div>
      {problems.length > 0 && (
        <Alert type="error" showIcon closable onClose={() => setProblems([])} data-testid="missing-list" style={{ marginBottom: 6, padding: '4px 10px' }}
          message={`${t('kiosk.missingTitle')}${problems.join('；')}`} />
      )}
      <Row gutter={8} data-testid="registration-fields">
        <Col span={18}>
          <Row gutter={8}>
            <Col span={12}><DriverCard onPlateBlur={(p) => void lookUpTare(p)} /></Col>
            <Col span={12}><CargoCard /></Col>
          </Row>
          <div style={{ marginTop: 8 }}><CertificatePanel ref={certificate} onChange={persist} /></div>
        </Col>
        <Col span={6}>
          <WeightsCard extra={<>
            <KioskDevices onPlate={(p) => void lookUpTare(p)} onReport={(code) => certificate.current?.scan(code)} />
            {tare && (
              <Alert type="info" style={{ marginBottom: 6, cursor: 'pointer', padding: '2px 8px' }} data-testid="remembered-tare"
                onClick={() => form.setFieldValue('tareKg', tare.tareKg)}
                message={t('registration.rememberedTare', { tareKg: tare.tareKg, date: dayjs(tare.registeredAt).format('YYYY-MM-DD') })} />
            )}
          </>} />
          <DocumentsCard withReport={false} />
        </Col>
      </Row>
    </Form>
  );
}
