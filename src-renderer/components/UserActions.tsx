import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

/** Active, disabled, or waiting for the user's own new password. */
export function UserStatus(props: { user: User }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      {props.user.active ? <Tag color="green">{t('account.active')}</Tag> : <Tag>{t('account.disabled')}</Tag>}
      {props.user.mustChangePassword && <Tag color="orange">{t('account.mustChange')}</Tag>}
    </Space>
  );
}

/** Disable/enable and password reset for one user; the server refuses to disable the last active administrator. */
export function UserActions(props: { user: User; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [resetting, setResetting] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const { user } = props;
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (err) {
      showApiError(err);
    }
    props.onChanged();
  };
  const reset = async ({ password }: { password: string }) => {
    try {
      await call('users.resetPassword', { id: user.id, password });
      void message.success(t('account.resetDone', { username: user.username }));
      setResetting(false);
      props.onChanged();
    } catch (err) {
      showApiError(err, form);
    }
  };
  return (
    <Space size={4}>
      {user.active ? (
        <Popconfirm title={t('account.disableConfirm', { username: user.username })} okText={t('account.disable')} cancelText={t('account.cancel')}
          onConfirm={() => run(() => call('users.disable', { id: user.id }))}>
          <Button size="small" danger data-testid={`disable-${user.username}`}>{t('account.disable')}</Button>
        </Popconfirm>
      ) : (
        <Button size="small" onClick={() => void run(() => call('users.enable', { id: user.id }))} data-testid={`enable-${user.username}`}>{t('account.enable')}</Button>
      )}
      <Button size="small" onClick={() => setResetting(true)} data-testid={`reset-${user.username}`}>{t('account.resetPassword')}</Button>
      <Modal open={resetting} title={t('account.resetTitle', { username: user.username })} onCancel={() => setResetting(false)}
        onOk={() => form.submit()} okText={t('account.resetPassword')} cancelText={t('account.cancel')} destroyOnHidden width={420}>
        <p>{t('account.resetHelp')}</p>
        {/* Named, so its field ids differ from the new-user form's password field on the same screen. */}
        <Form form={form} name={`reset-${user.id}`} layout="vertical" onFinish={reset} preserve={false}>
          <Form.Item name="password" label={t('account.temporaryPassword')} rules={[{ required: true, message: t('validation.required') }, { min: 8, message: t('validation.passwordShort') }]}>
            <Input.Password autoComplete="new-password" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
