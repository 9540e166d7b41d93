import { useCallback, useEffect, useState } from 'react';
import { Button, Descriptions, Drawer, Form, Input, Modal, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ROLE_GROUPS, type InputOf, type Registration } from '../../src-shared/contract/index.ts';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { hasRole, useSession } from '../session.tsx';
import { RegistrationFields, toRegistrationInput, type RegistrationFormValues } from './RegistrationFields.tsx';
import { CertificateRecord } from './CertificateRecord.tsx';

const FORM_KEYS: (keyof RegistrationFormValues)[] = [
  'plate', 'trailerPlate', 'plateColor', 'driverName', 'driverIdNumber', 'driverPhone', 'carrier', 'origin', 'consignee',
  'destination', 'destinationInHebei', 'coalKind', 'coalKindOther', 'intendedUse', 'declaredKg', 'hasContract', 'hasReport',
  'reportNumber', 'viaDesignatedRoute', 'grossKg', 'tareKg', 'weightSource', 'manualReason', 'transit',
];

function toFormValues(r: Registration): RegistrationFormValues {
  return Object.fromEntries(FORM_KEYS.map((k) => [k, r[k as keyof Registration] ?? undefined])) as unknown as RegistrationFormValues;
}

/** Every revision of a record, oldest first; the current one can be amended with a reason. */
export function RegistrationDetail(props: { id: number; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const [revisions, setRevisions] = useState<Registration[]>([]);
  const [amending, setAmending] = useState(false);
  const [form] = Form.useForm<RegistrationFormValues & { reason: string }>();

  const load = useCallback(async () => {
    try {
      setRevisions(await call('registrations.get', { id: props.id }));
    } catch (err) {
      showApiError(err);
    }
  }, [props.id]);
  useEffect(() => { void load(); }, [load]);

  const current = revisions.find((r) => r.amendedById === null);
  const submitAmendment = async (values: RegistrationFormValues & { reason: string }) => {
    const { reason, ...rest } = values;
    try {
      await call('registrations.amend', { id: current!.id, reason: reason ?? '', changes: toRegistrationInput(rest) as InputOf<'registrations.create'> });
      setAmending(false);
      await load();
      props.onChanged();
    } catch (err) {
      const e = err as { error?: { issues?: { path: string }[] } };
      for (const issue of e.error?.issues ?? []) issue.path = issue.path.replace(/^changes\./, '');
      showApiError(err, form);
    }
  };
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <Drawer open width={720} title={`${t('registration.history')} · ${revisions[0]?.recordNumber ?? ''}`} onClose={props.onClose}
      extra={current && hasRole(login, ROLE_GROUPS.registrar) && (
        <Button type="primary" data-testid="amend" onClick={() => { form.setFieldsValue({ ...toFormValues(current), reason: '' }); setAmending(true); }}>{t('registration.amend')}</Button>
      )}>
      {current && <CertificateRecord registrationId={current.id} coalKind={current.coalKind} />}
      {revisions.map((r) => (
        <Descriptions key={r.id} bordered size="small" column={2} style={{ marginBottom: 16 }} data-testid={`revision-${r.revision}`}
          title={<>{t('registration.revision')} {r.revision}{r.amendedById !== null && <Tag color="default" style={{ marginLeft: 8 }}>{t('registration.amendedBy')}</Tag>}</>}>
          <Descriptions.Item label={t('registration.registeredAt')}>{dayjs(r.registeredAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
          <Descriptions.Item label={t('registration.operator')}>{r.operatorName}{r.training && <Tag color="purple" style={{ marginLeft: 8 }}>{t('kiosk.training')}</Tag>}</Descriptions.Item>
          {r.amendmentReason && <Descriptions.Item label={t('registration.amendReason')} span={2}>{r.amendmentReason}</Descriptions.Item>}
          <Descriptions.Item label={t('registration.plate')}>{formatPlate(r.plate)}</Descriptions.Item>
          <Descriptions.Item label={t('registration.trailerPlate')}>{r.trailerPlate ? formatPlate(r.trailerPlate) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('registration.driverName')}>{r.driverName}</Descriptions.Item>
          <Descriptions.Item label={t('registration.driverIdNumber')}>{r.driverIdNumber}</Descriptions.Item>
          <Descriptions.Item label={t('registration.origin')}>{r.origin}</Descriptions.Item>
          <Descriptions.Item label={t('registration.destination')}>{r.destination}</Descriptions.Item>
          <Descriptions.Item label={t('registration.coalKind')}>{t(`coalKinds.${r.coalKind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('registration.intendedUse')}>{t(`uses.${r.intendedUse}`)}</Descriptions.Item>
          <Descriptions.Item label={t('registration.grossKg')}>{r.grossKg}</Descriptions.Item>
          <Descriptions.Item label={t('registration.tareKg')}>{r.tareKg}</Descriptions.Item>
          <Descriptions.Item label={t('registration.netKg')}>{r.netKg}</Descriptions.Item>
          <Descriptions.Item label={t('registration.weightSource')}>{t(`weightSources.${r.weightSource}`)}{r.manualReason ? `（${r.manualReason}）` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('registration.hasReport')}>{yesNo(r.hasReport)} {r.reportNumber ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('registration.viaDesignatedRoute')}>{yesNo(r.viaDesignatedRoute)}</Descriptions.Item>
          <Descriptions.Item label={t('registration.transit')}>{yesNo(r.transit)}</Descriptions.Item>
        </Descriptions>
      ))}
      {/* Within a 1366×768 screen: the dialog's body scrolls, its buttons stay in view. */}
      <Modal open={amending} width="min(1200px, 96vw)" style={{ top: 12 }} styles={{ body: { maxHeight: 'calc(100vh - 150px)', overflowY: 'auto', overflowX: 'hidden' } }}
        title={t('registration.amend')} onCancel={() => setAmending(false)} onOk={() => form.submit()} okButtonProps={{ id: 'amend-save' }}>
        <Form form={form} layout="vertical" size="small" onFinish={submitAmendment}>
          <Form.Item name="reason" label={t('registration.amendReason')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="amend-reason" />
          </Form.Item>
          <RegistrationFields />
        </Form>
      </Modal>
    </Drawer>
  );
}
