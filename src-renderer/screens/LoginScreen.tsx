import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

export function LoginScreen(props: { onLogin(r: LoginResult): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const submit = async (v: { username: string; password: string }) => {
    try {
      props.onLogin(await call('auth.login', v));
    } catch (err) {
      showApiError(err, form);
    }
  };
  return (
    <Card title={<>{t('app.title')} · {t('login.title')}</>} extra={<LanguageSwitch />} style={{ maxWidth: 420, margin: '96px auto' }}>
      <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>{t('login.submit')}</Button>
      </Form>
    </Card>
  );
}
