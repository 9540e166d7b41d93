import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography, Upload, message } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { HandoverSummary, LedgerMovementView, PointBalanceView } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

const kg = (v: number) => v.toLocaleString('zh-CN');

type Bucket = PointBalanceView['buckets'][number] & { pointId: number };

type Entry =
  | { kind: 'receive'; handover: HandoverSummary; line: HandoverSummary['cases'][number] }
  | { kind: 'dispose'; bucket: Bucket }
  | { kind: 'release'; bucket: Bucket }
  | { kind: 'stockTake'; bucket: Bucket }
  | { kind: 'reverse'; movement: LedgerMovementView };

/** Modal titles: the ledger's own labels, and the custody section's for a release. */
const ENTRY_TITLE: Record<Entry['kind'], string> = {
  receive: 'cases.receive', dispose: 'cases.dispose', release: 'custody.release', stockTake: 'cases.stockTake', reverse: 'cases.reverse',
};

/** Only confiscated coal may be disposed of (transfer included); custody coal goes back to the party on a release. */
const METHODS = ['blending', 'sale', 'auction', 'destruction', 'transfer'] as const;

/** A confiscation notice is told from a handover by its QR prefix or its file's format tag. */
const isConfiscationNotice = (text: string) => text.trim().startsWith('CCCN1:') || text.includes('"coal-checkpoint-confiscation"');

/**
 * 处置点台账: import handovers and confiscation notices, receive coal, release custody coal, dispose of
 * confiscated coal, count stock, reverse mistakes; custody and confiscated stock shown apart.
 */
export function DisposalScreen() {
  const { t } = useTranslation();
  const [balances, setBalances] = useState<PointBalanceView[]>([]);
  const [handovers, setHandovers] = useState<HandoverSummary[]>([]);
  const [moves, setMoves] = useState<LedgerMovementView[]>([]);
  const [importText, setImportText] = useState('');
  const [entry, setEntry] = useState<Entry | null>(null);
  const [form] = Form.useForm<Record<string, string | number | undefined>>();

  const load = useCallback(async () => {
    try {
      const [b, h, m] = await Promise.all([call('ledger.balance', {}), call('handovers.list', { direction: 'incoming' }), call('ledger.movements', { limit: 100 })]);
      setBalances(b);
      setHandovers(h);
      setMoves(m);
    } catch (err) {
      showApiError(err);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const doImport = async () => {
    try {
      if (isConfiscationNotice(importText)) {
        const r = await call('confiscations.import', { text: importText });
        void message.success(t('custody.noticeImported', { penaltyDecisionNo: r.notice.penaltyDecisionNo, count: r.movements.length }));
      } else {
        const h = await call('handovers.import', { text: importText });
        void message.success(t('cases.imported', { formNo: h.formNo }));
      }
      setImportText('');
      await load();
    } catch (err) {
      showApiError(err);
    }
  };
  const readFile = async (file: File | undefined) => file && setImportText(await file.text());

  const openEntry = (e: Entry) => {
    form.resetFields();
    if (e.kind === 'receive') form.setFieldsValue({ quantityKg: e.line.quantityKg });
    if (e.kind === 'stockTake') form.setFieldsValue({ bookKg: e.bucket.stockKg, physicalKg: e.bucket.stockKg });
    if (e.kind === 'dispose') form.setFieldsValue({ method: 'blending', quantityKg: e.bucket.stockKg });
    if (e.kind === 'release') form.setFieldsValue({ quantityKg: e.bucket.stockKg });
    setEntry(e);
  };
  const submit = async () => {
    if (!entry) return;
    const v = form.getFieldsValue(true);
    const s = (k: string) => (v[k] === undefined || v[k] === '' ? undefined : String(v[k]));
    try {
      if (entry.kind === 'receive') {
        await call('ledger.receive', { handoverId: entry.handover.id, caseRef: entry.line.caseRef, coalKind: entry.line.coalKind, quantityKg: Number(v.quantityKg), ...(s('differenceReason') ? { differenceReason: s('differenceReason') } : {}) });
      } else if (entry.kind === 'dispose') {
        const { pointId, caseRef, coalKind } = entry.bucket;
        await call('ledger.dispose', {
          pointId, caseRef, coalKind, method: v.method as 'sale', quantityKg: Number(v.quantityKg), authorityRef: s('authorityRef') ?? '',
          ...(s('counterparty') ? { counterparty: s('counterparty') } : {}),
          ...(v.proceedsYuan !== undefined && v.proceedsYuan !== null ? { proceedsFen: Math.round(Number(v.proceedsYuan) * 100) } : {}),
          ...(s('treasuryRemittanceRef') ? { treasuryRemittanceRef: s('treasuryRemittanceRef') } : {}),
        });
      } else if (entry.kind === 'release') {
        const { pointId, caseRef, coalKind } = entry.bucket;
        await call('ledger.release', { pointId, caseRef, coalKind, quantityKg: Number(v.quantityKg), authorityRef: s('authorityRef') ?? '', counterparty: s('counterparty') ?? '' });
      } else if (entry.kind === 'stockTake') {
        const { pointId, caseRef, coalKind } = entry.bucket;
        await call('ledger.stockTake', { pointId, caseRef, coalKind, bookKg: Number(v.bookKg), physicalKg: Number(v.physicalKg), ...(s('varianceReason') ? { varianceReason: s('varianceReason') } : {}) });
      } else {
        await call('ledger.reverse', { movementId: entry.movement.id, reason: s('reason') ?? '' });
      }
      void message.success(t('cases.done'));
      setEntry(null);
      await load();
    } catch (err) {
      showApiError(err, form);
    }
  };

  const buckets: Bucket[] = balances.flatMap((p) => p.buckets.map((b) => ({ ...b, pointId: p.id })));
  const verify = async () => {
    try {
      const r = await call('ledger.verify', {});
      if (r.ok) void message.success(t('custody.verifyOk', { movements: r.movements }));
      else void message.error(r.problems.map((p) => p.zh).join('；'));
    } catch (err) {
      showApiError(err);
    }
  };
  const pointName = (id: number) => balances.find((p) => p.id === id)?.name ?? String(id);
  return (
    <div>
      <Typography.Title level={4} style={{ margin: '0 0 8px' }}>{t('cases.disposalTitle')}</Typography.Title>
      <Row gutter={12}>
        <Col span={11}>
          <Card size="small" title={`${t('cases.importHandover')} / ${t('custody.importNotice')}`}>
            <Input.TextArea rows={3} value={importText} onChange={(e) => setImportText(e.target.value)} placeholder={t('cases.pasteQr')} data-testid="handover-text" />
            <Space style={{ marginTop: 8 }}>
              {/* An antd button, not the browser's own file input, whose label stays in the browser's language. */}
              <Upload accept=".json,.cchandover.json,application/json" showUploadList={false} beforeUpload={(file) => { void readFile(file); return false; }}>
                <Button>{t('cases.uploadFile')}</Button>
              </Upload>
              <Button type="primary" disabled={!importText.trim()} onClick={() => void doImport()} data-testid="handover-import">{t('cases.doImport')}</Button>
              <Button onClick={() => void verify()} data-testid="ledger-verify">{t('custody.verify')}</Button>
            </Space>
          </Card>
          <Card size="small" title={t('cases.balance')} style={{ marginTop: 8 }}>
            <Table<PointBalanceView> rowKey="id" size="small" pagination={false} dataSource={balances} columns={[
              { title: t('cases.point'), dataIndex: 'name', width: 96, ellipsis: { showTitle: true } },
              { title: t('cases.receivedKg'), dataIndex: 'receivedKg', align: 'right', render: kg },
              { title: t('cases.disposedKg'), dataIndex: 'disposedKg', align: 'right', render: kg },
              { title: t('custody.releasedKg'), dataIndex: 'releasedKg', align: 'right', render: kg },
              { title: t('custody.custodyKg'), dataIndex: 'custodyKg', align: 'right', render: (v: number) => <b data-testid="custody-kg">{kg(v)}</b> },
              { title: t('custody.confiscatedKg'), dataIndex: 'confiscatedKg', align: 'right', render: (v: number) => <b data-testid="confiscated-kg">{kg(v)}</b> },
              { title: t('cases.stockKg'), dataIndex: 'stockKg', align: 'right', render: (v: number) => <span data-testid="stock-kg">{kg(v)}</span> },
            ]} />
            {buckets.some((b) => b.status === 'custody') && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('custody.custodyHint')} />}
            <Table<Bucket> rowKey={(b) => `${b.pointId}-${b.caseRef}-${b.coalKind}`} size="small" pagination={false} dataSource={buckets} style={{ marginTop: 8 }} columns={[
              { title: t('cases.caseRef'), dataIndex: 'caseRef' },
              { title: t('cases.coalKind'), dataIndex: 'coalKind' },
              { title: t('custody.status'), dataIndex: 'status', render: (st: Bucket['status']) => <Tag color={st === 'custody' ? 'blue' : 'purple'}>{t(`custody.statuses.${st}`)}</Tag> },
              { title: t('cases.stockKg'), dataIndex: 'stockKg', align: 'right', render: kg },
              {
                title: '', render: (_: unknown, b) => (
                  <Space size={4}>
                    {b.status === 'confiscated'
                      ? <Button size="small" onClick={() => openEntry({ kind: 'dispose', bucket: b })} data-testid="bucket-dispose">{t('cases.dispose')}</Button>
                      : <Button size="small" onClick={() => openEntry({ kind: 'release', bucket: b })} data-testid="bucket-release">{t('custody.release')}</Button>}
                    <Button size="small" onClick={() => openEntry({ kind: 'stockTake', bucket: b })}>{t('cases.stockTake')}</Button>
                  </Space>
                ),
              },
            ]} />
          </Card>
        </Col>
        <Col span={13}>
          <Card size="small" title={t('cases.incoming')}>
            <Table rowKey={(r) => `${r.handover.id}-${r.line.caseRef}-${r.line.coalKind}`} size="small" pagination={{ pageSize: 5 }}
              dataSource={handovers.flatMap((h) => h.cases.map((line) => ({ handover: h, line })))} columns={[
                { title: t('cases.formNo'), render: (_: unknown, r) => r.handover.formNo },
                { title: t('cases.caseRef'), render: (_: unknown, r) => r.line.caseRef },
                { title: t('cases.coalKind'), render: (_: unknown, r) => r.line.coalKind },
                { title: t('cases.quantity'), align: 'right', render: (_: unknown, r) => kg(r.line.quantityKg) },
                { title: '', render: (_: unknown, r) => (r.line.received
                  ? <Tag color="green">{t('cases.received')}</Tag>
                  : <Button size="small" type="primary" onClick={() => openEntry({ kind: 'receive', handover: r.handover, line: r.line })} data-testid="receive">{t('cases.receive')}</Button>) },
              ]} />
          </Card>
          <Card size="small" title={t('cases.movements')} style={{ marginTop: 8 }}>
            {/* Times, kinds, case numbers and quantities each fit one line; the point's long name goes under the case, cut short. */}
            <Table<LedgerMovementView> rowKey="id" size="small" pagination={{ pageSize: 8 }} dataSource={moves} columns={[
              { title: t('cases.at'), dataIndex: 'at', width: 104, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(v).format('MM-DD HH:mm')}</span> },
              { title: t('cases.kind'), dataIndex: 'kind', width: 92, render: (k: string) => t(`cases.movementKinds.${k}`) },
              {
                title: `${t('cases.caseRef')} / ${t('cases.point')}`, dataIndex: 'caseRef', ellipsis: true,
                render: (ref: string, m) => <>{ref}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }} title={pointName(m.pointId)}>{pointName(m.pointId)}</Typography.Text></>,
              },
              { title: t('cases.deltaKg'), dataIndex: 'balanceDeltaKg', align: 'right', width: 100, render: kg },
              { title: t('cases.operator'), dataIndex: 'operatorName', width: 96, ellipsis: { showTitle: true } },
              {
                title: '', width: 88,
                // A reversed movement shows so where its Reverse button was.
                render: (_: unknown, m) => (m.reversed
                  ? <Tag color="red">{t('cases.reversed')}</Tag>
                  // A confiscation follows a penalty decision: it is never reversed here.
                  : m.kind !== 'reversal' && m.kind !== 'confiscation' && <Button size="small" danger onClick={() => openEntry({ kind: 'reverse', movement: m })}>{t('cases.reverse')}</Button>),
              },
            ]} />
          </Card>
        </Col>
      </Row>
      <Modal open={entry !== null} title={entry ? t(ENTRY_TITLE[entry.kind]) : ''} onCancel={() => setEntry(null)} onOk={() => void submit()} destroyOnHidden>
        <Form form={form} layout="vertical">
          {entry?.kind === 'receive' && <>
            <Form.Item name="quantityKg" label={t('cases.reweighedKg')}><InputNumber min={1} precision={0} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="differenceReason" label={t('cases.differenceReason')}><Input /></Form.Item>
          </>}
          {entry?.kind === 'dispose' && <>
            <Form.Item name="method" label={t('cases.method')}><Select options={METHODS.map((m) => ({ value: m, label: t(`cases.methods.${m}`) }))} /></Form.Item>
            <Form.Item name="quantityKg" label={t('cases.quantity')}><InputNumber min={1} precision={0} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="authorityRef" label={t('cases.authorityRef')}><Input /></Form.Item>
            <Form.Item name="counterparty" label={t('cases.counterparty')}><Input /></Form.Item>
            <Form.Item name="proceedsYuan" label={t('cases.proceedsYuan')}><InputNumber min={0} precision={2} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="treasuryRemittanceRef" label={t('cases.remittanceRef')}><Input /></Form.Item>
          </>}
          {entry?.kind === 'release' && <>
            <Form.Item name="quantityKg" label={t('cases.quantity')}><InputNumber min={1} precision={0} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="authorityRef" label={t('custody.releaseNo')}><Input /></Form.Item>
            <Form.Item name="counterparty" label={t('custody.party')}><Input /></Form.Item>
          </>}
          {entry?.kind === 'stockTake' && <>
            <Form.Item name="bookKg" label={t('cases.bookKg')}><InputNumber disabled style={{ width: 200 }} /></Form.Item>
            <Form.Item name="physicalKg" label={t('cases.physicalKg')}><InputNumber min={0} precision={0} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="varianceReason" label={t('cases.varianceReason')}><Input /></Form.Item>
          </>}
          {entry?.kind === 'reverse' && <Form.Item name="reason" label={t('cases.reversalReason')}><Input /></Form.Item>}
        </Form>
      </Modal>
    </div>
  );
}
