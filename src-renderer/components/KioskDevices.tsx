import { useEffect, useRef, useState } from 'react';
import { Alert, Form, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { LiveWeight } from './LiveWeight.tsx';
import { RegistrationDetail } from './RegistrationDetail.tsx';
import type { RegistrationFormValues } from './RegistrationFields.tsx';
import { useDevicesLive } from './useDevicesLive.ts';
import { routeScan, useWedgeScanner } from './useWedgeScanner.ts';
import { useDriverCard } from './useDriverCard.tsx';

const LIVE_POLL_MS = 250;

/** Runs `effect` when a counter moves past the value seen first (events from before the screen opened are old news). */
function useOnAdvance(value: number | undefined, effect: () => void): void {
  const seen = useRef<number | undefined>(undefined);
  const run = useRef(effect);
  run.current = effect;
  useEffect(() => {
    if (value === undefined) return;
    if (seen.current !== undefined && value > seen.current) run.current();
    seen.current = value;
  }, [value]);
}

/**
 * Everything the kiosk gets from devices, inside the registration form: the live weight, ID cards filling the
 * driver, scans (keyboard-wedge or serial) routed to the field they belong to, and the training banner.
 */
export function KioskDevices(props: { onPlate?(plate: string): void; onReport?(code: string): string | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const { live, hostLost } = useDevicesLive(LIVE_POLL_MS);
  const fillDriver = useDriverCard();
  const [openRecord, setOpenRecord] = useState<number | null>(null);

  useOnAdvance(live?.idCardSeq, () => {
    void call('devices.lastIdCard', {}).then((read) => {
      if (!read) return;
      fillDriver(read.card);
      void message.success(t('devices.cardRead', { name: read.card.name }));
      if (read.expired) void message.warning({ content: t('devices.cardExpired', { validTo: read.card.validTo }), duration: 8 });
      if (!read.card.idNumberValid) void message.warning(t('devices.cardInvalidNumber'));
    }, showApiError);
  });

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
  // The host reports no last scan (null) until its first one: that counts as 0, so the first scan is an advance.
  useOnAdvance(live ? (live.lastScan?.seq ?? 0) : undefined, () => {
    if (live?.lastScan) void onScan(live.lastScan.text);
  });

  return (
    <>
      {live?.training && <Alert type="warning" showIcon banner data-testid="training-banner" style={{ marginBottom: 8 }} message={t('devices.training')} />}
      {!live?.training && live?.simulated && <Alert type="info" showIcon banner data-testid="simulated-banner" style={{ marginBottom: 8 }} message={t('devices.simulated')} />}
      <LiveWeight live={live} hostLost={hostLost} />
      {openRecord !== null && <RegistrationDetail id={openRecord} onClose={() => setOpenRecord(null)} onChanged={() => undefined} />}
    </>
  );
}
