import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { InputOf } from '../../src-main/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import {
  EMPTY_REGISTRATION, RegistrationFields, toRegistrationInput, type RegistrationFormValues,
} from '../components/RegistrationFields.tsx';
import { KioskDevices } from '../components/KioskDevices.tsx';
import { CertificatePanel, type CertificatePanelHandle } from '../components/CertificatePanel.tsx';
import { useVehiclePrefill } from '../components/useVehiclePrefill.ts';
import { useReportScanFill } from '../components/useReportScanFill.ts';
import { WeighingTicketButton } from '../components/WeighingTicketButton.tsx';

const SAVE_KEY = 'F9';

/** The registration form: save, show the record number, and be ready for the next truck at once. */
export function KioskScreen() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegistrationFormValues>();
  const [saved, setSaved] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<number | null>(null);
  const [tare, setTare] = useState<{ tareKg: number; registeredAt: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // Enter in a field, a click and F9 can all submit, and state updates late: a ref lets only the first one through.
  const inFlight = useRef(false);
  const certificate = useRef<CertificatePanelHandle>(null);
  useVehiclePrefill(form);
  useReportScanFill(form, certificate);

  const lookUpTare = async (plate: string) => {
    setTare(plate.length >= 7 ? await call('registrations.lastTare', { plate }).catch(() => null) : null);
  };
  const submit = async (values: RegistrationFormValues) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    try {
      const reg = await call('registrations.create', toRegistrationInput(values) as InputOf<'registrations.create'>);
      setSaved(reg.recordNumber);
      setSavedId(reg.id);
      await certificate.current?.store(reg.id, reg.hasReport).catch((err: unknown) => showApiError(err));
      setTare(null);
      form.resetFields();
      form.getFieldInstance('plate')?.focus?.();
    } catch (err) {
      showApiError(err, form);
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  };
  // F9 saves from any field, as on weighbridge software, so the operator need not tab back up to the button.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== SAVE_KEY || e.repeat) return;
      e.preventDefault();
      form.submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);
  return (
    <Form form={form} layout="vertical" size="middle" initialValues={EMPTY_REGISTRATION} onFinish={submit} onValuesChange={() => setSaved(null)}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('registration.title')}</Typography.Title>
        <Space>
          <Button onClick={() => { form.resetFields(); setTare(null); certificate.current?.reset(); }}>{t('registration.reset')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save" aria-keyshortcuts={SAVE_KEY}>
            {t('registration.save')}<kbd style={{ marginInlineStart: 6, fontSize: 12, opacity: 0.85 }}>{SAVE_KEY}</kbd>
          </Button>
        </Space>
      </Space>
      {saved && <Alert type="success" showIcon data-testid="saved" style={{ marginBottom: 8 }} message={t('registration.saved', { recordNumber: saved })}
        action={savedId !== null && <WeighingTicketButton registrationId={savedId} />} />}
      <RegistrationFields
        onPlateBlur={(p) => void lookUpTare(p)}
        extraWeights={<>
          <KioskDevices onPlate={(p) => void lookUpTare(p)} />
          {tare && (
            <Alert type="info" style={{ marginBottom: 8, cursor: 'pointer' }} data-testid="remembered-tare"
              onClick={() => form.setFieldValue('tareKg', tare.tareKg)}
              message={t('registration.rememberedTare', { tareKg: tare.tareKg, date: dayjs(tare.registeredAt).format('YYYY-MM-DD') })} />
          )}
        </>}
      />
      <CertificatePanel ref={certificate} />
    </Form>
  );
}
