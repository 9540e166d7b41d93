import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../../src-shared/contract/index.ts';
import { call, inDesktopApp } from '../api.ts';
import { showApiError } from '../errors.ts';

/** Field names follow the contract's paths (admin.username…), so each server issue lands under its own field. */
interface SetupForm {
  stationName: string;
  stationCode: string;
  admin: { username: string; displayName: string; password: string };
  passwordConfirm: string;
  setupCode?: string;
}

export function SetupScreen(props: { onDone(r: LoginResult): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupForm>();
  const submit = async (v: SetupForm) => {
    try {
      props.onDone(await call('setup.init', { stationName: v.stationName, stationCode: v.stationCode, admin: v.admin, ...(v.setupCode ? { setupCode: v.setupCode } : {}) }));
    } catch (err) {
      showApiError(err, form);
    }
  };
  const required = { required: true, message: t('validation.required') };
  return (
    <Card title={t('setup.title')} style={{ maxWidth: 520, margin: '48px auto' }}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="stationName" label={t('setup.stationName')} rules={[required]}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item name="stationCode" label={t('setup.stationCode')} rules={[required, { pattern: /^[A-Z0-9]{2,12}$/, message: t('validation.stationCode') }]}
          normalize={(v: string) => v.toUpperCase()}>
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name={['admin', 'username']} label={t('setup.adminUsername')} rules={[required, { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('validation.username') }]}>
          <Input autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name={['admin', 'displayName']} label={t('setup.adminName')} rules={[required]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name={['admin', 'password']} label={t('setup.adminPassword')} rules={[required, { min: 8, message: t('validation.passwordShort') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="passwordConfirm" label={t('setup.adminPasswordConfirm')} dependencies={[['admin', 'password']]}
          rules={[required, ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || value === getFieldValue(['admin', 'password']) ? Promise.resolve() : Promise.reject(new Error(t('setup.passwordMismatch'))),
          })]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {/* The browser host printed a one-time code in its terminal; the desktop app is its own only page. */}
        {!inDesktopApp && (
          <Form.Item name="setupCode" label={t('account.setupCode')} extra={t('account.setupCodeHelp')} rules={[required]}
            normalize={(v: string) => v.toUpperCase()}>
            <Input maxLength={9} autoComplete="off" style={{ width: 160 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block>{t('setup.submit')}</Button>
      </Form>
    </Card>
  );
}
