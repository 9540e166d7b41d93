// @ts-nocheck
import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../../src-main/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

interface SetupForm {
  stationName: string;
  stationCode: string;
  username: string;
  displayName: string;
  password: string;
}

export function SetupScreen(props: { onDone(r: LoginResult): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupForm>();
  const submit = async (v: SetupForm) => {
    try {
      props.onDone(await call('setup.init', {
        stationName: v.stationName, stationCode: v.stationCode,
        admin: { username: v.username, displayName: v.displayName, password: v.password },
      }));
    } catch (err) {
      showApiError(err, form);
    }
  };
  return (
    <Card title={t('setup.title')} style={{ maxWidth: 520, margin: '48px auto' }}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="stationName" label={t('setup.stationName')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="stationCode" label={t('setup.stationCode')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="username" label={t('setup.adminUsername')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('setup.adminName')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('setup.adminPassword')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>{t('setup.submit')}</Button>
      </Form>
    </Card>
  );
}
