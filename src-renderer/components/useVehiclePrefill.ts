import { useEffect, useRef } from 'react';
import { Form, message, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPlate } from '../../src-shared/domain/plate.ts';
import { checkIdNumber } from '../../src-shared/domain/id-number.ts';
import { localDate } from '../../src-shared/domain/local-time.ts';
import type { VehicleRecord } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { prefillFrom, type PrefillValues } from './vehicle-prefill.ts';

const TYPING_PAUSE_MS = 400;

/**
 * A returning truck is filled in from its last visit as soon as the form knows who it is: a plate typed or
 * scanned, or a driver's ID number (typically from the card reader: the truck he came with last). Each truck
 * is looked up once per registration; a cleared form starts again.
 */
export function useVehiclePrefill(form: FormInstance, onFilled?: () => void): void {
  const { t } = useTranslation();
  const plate = Form.useWatch('plate', form) as string | undefined;
  const driverIdNumber = Form.useWatch('driverIdNumber', form) as string | undefined;
  const done = useRef(new Set<string>());

  const apply = (v: VehicleRecord | null) => {
    if (!v) return;
    const fill = prefillFrom(v, form.getFieldsValue(true) as PrefillValues, (f) => form.isFieldTouched(f));
    const fields = Object.keys(fill);
    if (fields.length === 0) return;
    form.setFieldsValue(fill);
    onFilled?.();
    done.current.add(`plate:${v.plate}`);
    void message.info({
      content: `${t('vehicles.prefilled', { plate: v.plate, date: localDate(new Date(v.lastSeenAt)) })}；${t('vehicles.prefilledFields', {
        fields: fields.map((f) => t(`registration.${f}`)).join('、'),
      })}`,
      duration: 6,
    });
  };

  useEffect(() => {
    if (!plate && !driverIdNumber) done.current.clear();
  }, [plate, driverIdNumber]);

  const plateCheck = plate ? checkPlate(plate) : null;
  const plateKey = plateCheck?.ok ? `plate:${plateCheck.plate}` : null;
  useEffect(() => {
    if (!plateKey || done.current.has(plateKey)) return;
    // Typing pauses first: 冀AD1234 is a plate on its way to 冀AD12345, not a truck to fill in from.
    // An answer for a plate no longer on the form (saved and reset meanwhile) is dropped: it would refill the last truck.
    let stale = false;
    const timer = setTimeout(() => {
      done.current.add(plateKey);
      call('vehicles.lookup', { plate: plateKey.slice(6) }).then((v) => { if (!stale) apply(v); }, () => undefined);
    }, TYPING_PAUSE_MS);
    return () => { stale = true; clearTimeout(timer); };
    // apply reads the form when the answer comes; only the plate decides when to ask.
  }, [plateKey]);

  const idCheck = driverIdNumber ? checkIdNumber(driverIdNumber, localDate(new Date())) : null;
  const driverKey = idCheck?.ok ? `driver:${idCheck.idNumber}` : null;
  useEffect(() => {
    if (!driverKey || done.current.has(driverKey)) return;
    done.current.add(driverKey);
    // The card gives no phone number: once the driver is known, the cursor waits where the phone goes. Not while
    // the number is being typed: the operator's own Tab would then skip the phone.
    const typing = document.activeElement?.id === 'driverIdNumber';
    const toPhone = () => {
      if (!typing && !String(form.getFieldValue('driverPhone') ?? '').trim()) form.getFieldInstance('driverPhone')?.focus?.();
    };
    // With a plate already on the form, the plate's own lookup decides; the driver only finds a truck for an empty plate.
    if (form.getFieldValue('plate')) return toPhone();
    let stale = false;
    call('vehicles.lookup', { driverIdNumber: driverKey.slice(7) }).then((v) => { if (!stale) apply(v); }, () => undefined).finally(() => { if (!stale) toPhone(); });
    return () => { stale = true; };
  }, [driverKey]);
}
