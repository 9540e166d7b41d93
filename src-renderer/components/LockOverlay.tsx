import { Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

/**
 * Covers the screen until the same user types the password again; the form underneath keeps its data.
 * The server holds the lock: unlocking revokes the locked token and issues a new one.
 */
export function LockOverlay(props: { username: string; onUnlock(r: LoginResult): void; onLogout(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const unlock = async ({ password }: { password: string }) => {
    try {
      props.onUnlock(await call('auth.unlock', { password }));
    } catch (err) {
      showApiError(err, form);
    }
  };
  return (
    <Modal open closable={false} footer={null} mask={{ closable: false }} keyboard={false} title={t('login.locked')} styles={{ mask: { background: 'rgba(0,0,0,0.85)' } }}>
      <Form form={form} onFinish={unlock} layout="vertical">
        <Form.Item label={t('login.username')}>
          <Input value={props.username} disabled />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoFocus />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">{t('login.unlock')}</Button>
          <Button onClick={props.onLogout}>{t('nav.logout')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
