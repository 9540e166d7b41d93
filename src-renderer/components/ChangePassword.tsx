import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, new password twice. The server ends every session of the user and returns a new one. */
function ChangePasswordForm(props: { onDone(r: LoginResult): void; submitLabel: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeForm>();
  const required = { required: true, message: t('validation.required') };
  const submit = async (v: ChangeForm) => {
    try {
      const renewed = await call('auth.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success(t('account.passwordChanged'));
      props.onDone(renewed);
    } catch (err) {
      showApiError(err, form);
    }
  };
  return (
    <Form form={form} name="change-password" layout="vertical" onFinish={submit}>
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[required]}>
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item name="newPassword" label={t('account.newPassword')} rules={[required, { min: 8, message: t('validation.passwordShort') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('account.newPasswordConfirm')} dependencies={['newPassword']}
        rules={[required, ({ getFieldValue }) => ({
          validator: (_, value: string) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
        })]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block>{props.submitLabel}</Button>
    </Form>
  );
}

/** After an administrator's reset: nothing else until the user has chosen a new password. */
export function MustChangePassword(props: { onDone(r: LoginResult): void; onLogout(): void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('account.mustChangeTitle')} style={{ maxWidth: 440, margin: '48px auto' }}
      extra={<Button size="small" onClick={props.onLogout}>{t('nav.logout')}</Button>}>
      <p>{t('account.mustChangeHelp')}</p>
      <ChangePasswordForm onDone={props.onDone} submitLabel={t('account.save')} />
    </Card>
  );
}

/** The header button every user has: change one's own password. */
export function ChangePasswordButton(props: { onDone(r: LoginResult): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{t('account.changePassword')}</Button>
      <Modal open={open} title={t('account.changePassword')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden width={400}>
        <ChangePasswordForm submitLabel={t('account.save')} onDone={(r) => { setOpen(false); props.onDone(r); }} />
      </Modal>
    </>
  );
}
