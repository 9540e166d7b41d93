import { useEffect } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { PickListsAdmin } from '../components/PickListsAdmin.tsx';

/** The checkpoint's own settings (administrators): numbering, locking, reporting calendar. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  useEffect(() => {
    void call('settings.get', {}).then((s) => form.setFieldsValue(s), (err: unknown) => showApiError(err));
  }, [form]);
  const submit = async (values: Settings) => {
    try {
      form.setFieldsValue(await call('settings.update', values));
      void message.success(t('settingsForm.saved'));
    } catch (err) {
      showApiError(err, form);
    }
  };
  const number = (name: keyof Settings) => (
    <Form.Item name={name} label={t(`settingsForm.${name}`)}><InputNumber precision={0} style={{ width: 160 }} /></Form.Item>
  );
  return (
    <>
    <Card title={t('settingsForm.title')} style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="recordNumberPattern" label={t('settingsForm.recordNumberPattern')} extra={t('settingsForm.recordNumberHelp')}>
          <Input />
        </Form.Item>
        {number('lockAfterMinutes')}
        {number('maxFailedLogins')}
        {number('lockoutMinutes')}
        {number('sessionHours')}
        <Form.Item name="heatingSeasonStart" label={t('settingsForm.heatingSeasonStart')}><Input style={{ width: 160 }} /></Form.Item>
        {number('reportingDay')}
        {number('emptyScaleBelowKg')}
        <Form.Item name="autoCapture" label={t('settingsForm.autoCapture')} valuePropName="checked"><Switch /></Form.Item>
        {number('minGrossKg')}
        {number('minTareKg')}
        {number('maxTareKg')}
        {number('repeatPlateMinutes')}
        <Form.Item name="stockHeldMaxDays" label={t('monthlyReport.stockHeldMaxDays')}><InputNumber precision={0} style={{ width: 160 }} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('settingsForm.save')}</Button>
      </Form>
    </Card>
    <PickListsAdmin />
    </>
  );
}
