import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PICK_KINDS, type PickEntry, type PickKind } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

/** One kind's entries: add one, correct a spelling (click the name), hide one the kiosk should no longer offer. */
function PickListTable(props: { kind: PickKind }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<PickEntry[]>([]);
  const [draft, setDraft] = useState('');
  const load = useCallback(() => {
    call('picklists.list', { kind: props.kind, includeHidden: true }).then(setRows, showApiError);
  }, [props.kind]);
  useEffect(load, [load]);
  const run = (request: Promise<unknown>) => request.then(load, showApiError);
  return (
    <>
      <Space.Compact style={{ marginBottom: 8 }}>
        <Input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} style={{ width: 280 }} data-testid={`pick-new-${props.kind}`} />
        <Button onClick={() => void run(call('picklists.add', { kind: props.kind, value: draft }).then(() => setDraft('')))}>{t('picklists.add')}</Button>
      </Space.Compact>
      <Table<PickEntry> size="small" rowKey="id" dataSource={rows} pagination={{ pageSize: 10, showSizeChanger: false }} columns={[
        {
          title: t('picklists.value'), dataIndex: 'value',
          render: (value: string, row) => (
            <Typography.Text editable={{ onChange: (next) => { if (next.trim() && next !== value) void run(call('picklists.update', { id: row.id, value: next })); } }}>
              {value}
            </Typography.Text>
          ),
        },
        { title: t('picklists.uses'), dataIndex: 'uses', width: 90, align: 'right' },
        {
          key: 'hidden', width: 150,
          render: (_, row) => (
            <Space>
              {row.hidden && <Tag>{t('picklists.hidden')}</Tag>}
              <Button size="small" onClick={() => void run(call('picklists.update', { id: row.id, hidden: !row.hidden }))}>
                {row.hidden ? t('picklists.show') : t('picklists.hide')}
              </Button>
            </Space>
          ),
        },
      ]} />
    </>
  );
}

/** The kiosk's pick lists, learned from registrations and corrected here by administrators. */
export function PickListsAdmin() {
  const { t } = useTranslation();
  return (
    <Card title={t('picklists.title')} style={{ maxWidth: 640, marginTop: 12 }} data-testid="pick-lists">
      <Tabs size="small" items={PICK_KINDS.map((kind) => ({ key: kind, label: t(`picklists.kinds.${kind}`), children: <PickListTable kind={kind} /> }))} />
    </Card>
  );
}
