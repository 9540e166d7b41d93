import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Input, Select, Table, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type CheckpointRole, type User } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';
import { UserActions, UserStatus } from '../components/UserActions.tsx';
import { ActiveSessions } from '../components/ActiveSessions.tsx';

interface NewUserForm {
  username: string;
  displayName: string;
  roles: CheckpointRole[];
  password: string;
  credentialNumber?: string;
}

/** Users and their roles: a user may hold several (e.g. officer and disposal clerk); the disposal role is never implied. */
export function UsersScreen() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<User[]>([]);
  // A disable or reset ends sessions: the session list reloads with the users.
  const [loads, setLoads] = useState(0);
  const [form] = Form.useForm<NewUserForm>();
  const load = useCallback(async () => {
    setUsers(await call('users.list', {}));
    setLoads((n) => n + 1);
  }, []);
  useEffect(() => { void load(); }, [load]);
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const submit = async (v: NewUserForm) => {
    try {
      await call('users.create', { ...v, ...(v.credentialNumber ? {} : { credentialNumber: undefined }) });
      form.resetFields();
      await load();
    } catch (err) {
      showApiError(err, form);
    }
  };
  const setRoles = async (u: User, roles: CheckpointRole[]) => {
    try {
      await call('users.setRoles', { id: u.id, roles });
      void message.success(t('custody.rolesSaved'));
    } catch (err) {
      showApiError(err);
    }
    await load();
  };
  return (
    <>
    <Card title={t('nav.users')} size="small">
      <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12, rowGap: 8 }} initialValues={{ roles: ['kiosk'] }}>
        <Form.Item name="username" label={t('login.username')}><Input style={{ width: 130 }} /></Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}><Input style={{ width: 130 }} /></Form.Item>
        <Form.Item name="roles" label={t('custody.roles')}>
          <Select mode="multiple" style={{ minWidth: 200 }} options={roleOptions} data-testid="new-user-roles" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')}><Input.Password style={{ width: 140 }} /></Form.Item>
        <Form.Item name="credentialNumber" label={t('users.credentialNumber')}><Input style={{ width: 130 }} /></Form.Item>
        <Button type="primary" htmlType="submit">{t('users.add')}</Button>
      </Form>
      <Table<User> rowKey="id" size="small" pagination={false} dataSource={users} columns={[
        { title: t('login.username'), dataIndex: 'username' },
        { title: t('users.displayName'), dataIndex: 'displayName' },
        {
          title: t('custody.roles'), dataIndex: 'roles', width: 360,
          render: (_: unknown, u) => (
            <Select<CheckpointRole[]> mode="multiple" size="small" style={{ width: '100%' }} value={u.roles as CheckpointRole[]} /* a checkpoint user holds only ROLES (rolesOf) */ options={roleOptions}
              onChange={(roles) => void setRoles(u, roles)} data-testid={`roles-${u.username}`} />
          ),
        },
        { title: t('users.credentialNumber'), dataIndex: 'credentialNumber' },
        { title: t('account.status'), key: 'status', render: (_: unknown, u) => <UserStatus user={u} /> },
        { title: t('account.actions'), key: 'actions', render: (_: unknown, u) => <UserActions user={u} onChanged={() => void load()} /> },
      ]} />
    </Card>
    <ActiveSessions refreshKey={loads} />
    </>
  );
}
