import { useEffect, useRef, useState } from 'react';
import type { IdCardRead } from '../../src-shared/contract/index.ts';
import { Alert, Form, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import { call, subscribe } from '../api.ts';
import { showApiError } from '../errors.ts';
import { LiveWeight } from './LiveWeight.tsx';
import { RegistrationDetail } from './RegistrationDetail.tsx';
import type { RegistrationFormValues } from './RegistrationFields.tsx';
import { useDevicesLive } from './useDevicesLive.ts';
import { routeScan, useWedgeScanner } from './useWedgeScanner.ts';
import { useDriverCard } from './useDriverCard.tsx';

/**
 * Everything the kiosk gets from devices, inside the registration form: the live weight, ID cards filling the
 * driver, scans (keyboard-wedge or serial) routed to the field they belong to, and the training banner.
 */
export function KioskDevices(props: { onPlate?(plate: string): void; onReport?(code: string): string | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const { live, hostLost } = useDevicesLive();
  const fillDriver = useDriverCard();
  const [openRecord, setOpenRecord] = useState<number | null>(null);

  const onCard = (read: IdCardRead) => {
    fillDriver(read.card);
    void message.success(t('devices.cardRead', { name: read.card.name }));
    if (read.expired) void message.warning({ content: t('devices.cardExpired', { validTo: read.card.validTo }), duration: 8 });
    if (!read.card.idNumberValid) void message.warning(t('devices.cardInvalidNumber'));
  };

  const onScan = async (code: string) => {
    const route = routeScan(code);
    if (route.field === 'plate') {
      form.setFieldValue('plate', route.value);
      props.onPlate?.(route.value);
      void message.info(t('devices.scannedPlate', { plate: formatPlate(route.value) }));
    } else if (route.field === 'reportNumber') {
      // The report panel owns the report number (a code carrying the report fills the whole panel); only the number is shown.
      const reportNumber = props.onReport?.(route.value);
      if (reportNumber) void message.info(t('devices.scannedReport', { reportNumber }));
    } else {
      try {
        const page = await call('registrations.search', { query: route.value, pageSize: 5, includeTraining: true });
        const found = page.rows.find((r) => r.recordNumber === route.value && r.amendedById === null);
        if (found) setOpenRecord(found.id);
        else void message.warning(t('devices.recordNotFound', { recordNumber: route.value }));
      } catch (err) {
        showApiError(err);
      }
    }
  };
  useWedgeScanner((code) => void onScan(code));
  // Events that arrive while this form is open; the handlers see the latest render's form and props.
  const latest = useRef({ onCard, onScan });
  latest.current = { onCard, onScan };
  useEffect(() => {
    const offs = [
      subscribe('devices.idCard', (read) => latest.current.onCard(read)),
      subscribe('devices.scan', (code) => void latest.current.onScan(code.text)),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  return (
    <>
      {live?.training && <Alert type="warning" showIcon banner data-testid="training-banner" style={{ marginBottom: 8 }} message={t('devices.training')} />}
      {!live?.training && live?.simulated && <Alert type="info" showIcon banner data-testid="simulated-banner" style={{ marginBottom: 8 }} message={t('devices.simulated')} />}
      <LiveWeight live={live} hostLost={hostLost} />
      {openRecord !== null && <RegistrationDetail id={openRecord} onClose={() => setOpenRecord(null)} onChanged={() => undefined} />}
    </>
  );
}
