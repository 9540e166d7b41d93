// @ts-nocheck
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type User } from '../../src-main/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

interface NewUserForm {
  username: string;
  displayName: string;
  role: User['role'];
  password: string;
  credentialNumber?: string;
}

export function UsersScreen() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<User[]>([]);
  const [form] = Form.useForm<NewUserForm>();
  const load = useCallback(async () => setUsers(await call('users.list', {})), []);
  useEffect(() => { void load(); }, [load]);
  const submit = async (v: NewUserForm) => {
    try {
      await call('users.create', { ...v, ...(v.credentialNumber ? {} : { credentialNumber: undefined }) });
      form.resetFields();
      await load();
    } catch (err) {
      showApiError(err, form);
    }
  };
  return (
    <Card title={t('nav.users')}>
      <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12 }} initialValues={{ role: 'kiosk' }}>
        <Form.Item name="username" label={t('login.username')}><Input /></Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}><Input /></Form.Item>
        <Form.Item name="role"><Select style={{ width: 140 }} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} /></Form.Item>
        <Form.Item name="password" label={t('login.password')}><Input.Password /></Form.Item>
        <Form.Item name="credentialNumber" label={t('users.credentialNumber')}><Input /></Form.Item>
        <Button type="primary" htmlType="submit">{t('users.add')}</Button>
      </Form>
      <Table<User> rowKey="id" size="small" pagination={false} dataSource={users} columns={[
        { title: t('login.username'), dataIndex: 'username' },
        { title: t('users.displayName'), dataIndex: 'displayName' },
        { title: t('users.role'), dataIndex: 'role', render: (r: string) => <Tag>{t(`roles.${r}`)}</Tag> },
        { title: t('users.credentialNumber'), dataIndex: 'credentialNumber' },
      ]} />
    </Card>
  );
}
