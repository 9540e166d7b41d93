import { useEffect, useState } from 'react';
import { Alert, Card, Col, Drawer, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type {
  CaseTermRow, DisposalRecordRow, DisposalTally, EnforcementFigure, EnforcementFigures, EnforcementRecords, HandoverRecordRow, LocalPeriod, PointStock, StockBucketRow,
} from '../../src-shared/contract/index.ts';
import { TERM_ALERT_STATES } from '../../src-shared/contract/index.ts';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import { call } from '../api.ts';
import { showApiError } from '../errors.ts';

const tonnes = (kg: number) => (kg / 1000).toFixed(3);
const isAlert = (r: CaseTermRow) => r.term !== null && TERM_ALERT_STATES.includes(r.term.state);
const ALERT_ROW = { background: '#fff1f0' };

export interface EnforcementDrill {
  title: string;
  figure: EnforcementFigure;
  method?: DisposalTally['method'];
  pointId?: number;
}

/** Above the dashboard: how many seizure terms need acting on; opens the cases under seizure. */
export function TermAlertBanner({ cases, onOpen }: { cases: CaseTermRow[]; onOpen(d: EnforcementDrill): void }) {
  const { t } = useTranslation();
  const alerts = cases.filter(isAlert).length;
  if (alerts === 0) return null;
  return (
    <Alert type="error" showIcon style={{ marginBottom: 8, cursor: 'pointer' }} data-testid="term-alert-banner"
      title={t('reports.enforcement.termAlerts', { count: alerts })} onClick={() => onOpen({ title: t('reports.enforcement.openCases'), figure: 'openCases' })} />
  );
}

/** Columns of a case list, by name, for the panel and the drawer to pick from. */
function useCaseColumns() {
  const { t } = useTranslation();
  return {
    caseNumber: { title: t('cases.caseNumber'), dataIndex: 'caseNumber' },
    plate: { title: t('cases.plate'), dataIndex: 'plate', render: (v: string | null) => (v ? formatPlate(v) : '—') },
    phase: { title: t('cases.phase'), dataIndex: 'phase', render: (v: string) => t(`cases.phases.${v}`) },
    decisionDate: {
      title: t('reports.enforcement.decisionDate'), dataIndex: 'decisionDate',
      // A decision made after the day of the seizure (行政强制法 art.24) is marked, with its recorded reason.
      render: (v: string, r: CaseTermRow) => (r.lateDecisionReason === null ? v : (
        <Tooltip title={r.lateDecisionReason}><span>{v} <Tag color="orange" data-testid="late-decision">{t('cases.lateDecision')}</Tag></span></Tooltip>
      )),
    },
    tonnes: { title: t('reports.enforcement.quantityT'), dataIndex: 'netKg', align: 'right' as const, render: tonnes },
    end: { title: t('reports.enforcement.endDate'), key: 'end', render: (_: unknown, r: CaseTermRow) => r.term?.endDate ?? '—' },
    days: {
      title: t('reports.enforcement.remainingDays'), key: 'days', align: 'right' as const,
      render: (_: unknown, r: CaseTermRow) => (r.term === null ? '—' : (
        <Tag color={isAlert(r) ? 'red' : r.term.state === 'paused' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
          {r.term.remainingDays} · {t(`reports.enforcement.states.${r.term.state}`)}
        </Tag>
      )),
    },
  };
}

/** The enforcement tab: open cases by remaining legal days, seizures, handovers, disposals, stock. */
export function EnforcementPanel({ figures, height, onOpen }: { figures: EnforcementFigures; height: number; onOpen(d: EnforcementDrill): void }) {
  const { t } = useTranslation();
  const caseColumns = useCaseColumns();
  const link = (d: EnforcementDrill) => ({ style: { cursor: 'pointer' }, onClick: () => onOpen(d) });
  const compact = { title: { whiteSpace: 'nowrap' as const }, content: { fontSize: 20 } };
  const tonnesSuffix = <span style={{ fontSize: 13 }}>{t('reports.tonnes')}</span>;
  const seizures = t('reports.enforcement.seizures');
  const handovers = t('reports.enforcement.handovers');
  return (
    <Row gutter={8} data-testid="enforcement-panel">
      <Col span={11}>
        <Table<CaseTermRow> rowKey="id" size="small" pagination={false} scroll={{ y: height - 72 }} dataSource={figures.openCases}
          title={() => <Typography.Text strong {...link({ title: t('reports.enforcement.openCases'), figure: 'openCases' })}>{t('reports.enforcement.openCasesCount', { count: figures.openCases.length })}</Typography.Text>}
          locale={{ emptyText: t('reports.enforcement.noOpenCases') }} data-testid="open-cases"
          onRow={(r) => ({ style: { cursor: 'pointer', ...(isAlert(r) ? ALERT_ROW : {}) }, onClick: () => onOpen({ title: t('reports.enforcement.openCases'), figure: 'openCases' }) })}
          columns={[caseColumns.caseNumber, caseColumns.plate, caseColumns.end, caseColumns.days]} />
      </Col>
      <Col span={13}>
        <Row gutter={8} style={{ marginBottom: 8 }}>
          <Col span={6} {...link({ title: seizures, figure: 'seizures' })} data-testid="seizure-count"><Statistic title={seizures} value={figures.seizures.cases} suffix={<span style={{ fontSize: 13 }}>{t('reports.enforcement.cases')}</span>} styles={compact} /></Col>
          <Col span={6} {...link({ title: seizures, figure: 'seizures' })}><Statistic title={t('reports.enforcement.seizureTonnage')} value={tonnes(figures.seizures.netKg)} suffix={tonnesSuffix} styles={compact} /></Col>
          <Col span={6} {...link({ title: handovers, figure: 'handovers' })} data-testid="handover-count"><Statistic title={handovers} value={figures.handovers.handovers} suffix={<span style={{ fontSize: 13 }}>{t('reports.enforcement.times')}</span>} styles={compact} /></Col>
          <Col span={6} {...link({ title: handovers, figure: 'handovers' })}><Statistic title={t('reports.enforcement.handoverTonnage')} value={tonnes(figures.handovers.totalKg)} suffix={tonnesSuffix} styles={compact} /></Col>
        </Row>
        <Row gutter={8}>
          <Col span={15}>
            <Table<PointStock> rowKey="pointId" size="small" pagination={false} dataSource={figures.stock} scroll={{ y: height - 150 }} data-testid="point-stock"
              title={() => <Typography.Text strong>{t('reports.enforcement.stock')}</Typography.Text>}
              onRow={(r) => link({ title: `${t('reports.enforcement.stock')} · ${r.name}`, figure: 'stock', pointId: r.pointId })}
              columns={[
                { title: t('cases.point'), dataIndex: 'name', ellipsis: { showTitle: true } },
                { title: t('reports.enforcement.received'), dataIndex: 'receivedKg', align: 'right', width: 76, render: tonnes },
                { title: t('reports.enforcement.disposed'), dataIndex: 'disposedKg', align: 'right', width: 76, render: tonnes },
                { title: t('reports.enforcement.stockT'), dataIndex: 'stockKg', align: 'right', width: 76, render: tonnes },
              ]} />
          </Col>
          <Col span={9}>
            <Table<DisposalTally> rowKey="method" size="small" pagination={false} dataSource={figures.disposals} scroll={{ y: height - 150 }} data-testid="disposals"
              title={() => <Typography.Text strong {...link({ title: t('reports.enforcement.disposals'), figure: 'disposals' })}>{t('reports.enforcement.disposals')}</Typography.Text>}
              locale={{ emptyText: t('reports.enforcement.noDisposals') }}
              onRow={(r) => link({ title: `${t('reports.enforcement.disposals')} · ${t(`cases.methods.${r.method}`)}`, figure: 'disposals', method: r.method })}
              columns={[
                { title: t('cases.method'), dataIndex: 'method', render: (v: string) => t(`cases.methods.${v}`) },
                { title: t('reports.enforcement.movements'), dataIndex: 'movements', align: 'right', width: 44 },
                { title: t('reports.enforcement.quantityT'), dataIndex: 'quantityKg', align: 'right', render: tonnes },
              ]} />
          </Col>
        </Row>
      </Col>
    </Row>
  );
}

/** The records an enforcement figure was computed from. */
export function EnforcementDrawer({ drill, period, onClose }: { drill: EnforcementDrill; period: LocalPeriod; onClose(): void }) {
  const { t } = useTranslation();
  const caseColumns = useCaseColumns();
  const [records, setRecords] = useState<EnforcementRecords | null>(null);
  const inTonnes = (key: string) => t('reports.enforcement.inTonnes', { label: t(key) });
  useEffect(() => {
    const { title: _title, ...query } = drill;
    call('reports.enforcementRecords', { ...period, ...query }).then(setRecords, showApiError);
  }, [drill, period]);

  const table = () => {
    if (!records) return null;
    const common = { size: 'small' as const, pagination: false as const, scroll: { x: 'max-content' } };
    switch (records.figure) {
      case 'openCases':
      case 'seizures':
        return (
          <Table<CaseTermRow> {...common} rowKey="id" dataSource={records.rows} onRow={(r) => ({ style: isAlert(r) ? ALERT_ROW : {} })}
            columns={[caseColumns.caseNumber, caseColumns.plate, caseColumns.phase, caseColumns.decisionDate, caseColumns.tonnes, caseColumns.end, caseColumns.days]} />
        );
      case 'handovers':
        return (
          <Table<HandoverRecordRow> {...common} rowKey="id" dataSource={records.rows}
            columns={[
              { title: t('cases.formNo'), dataIndex: 'formNo' },
              { title: t('reports.enforcement.handedOverAt'), dataIndex: 'handedOverAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              { title: t('cases.point'), dataIndex: 'disposalPointCode' },
              { title: t('reports.enforcement.caseRefs'), dataIndex: 'caseRefs', render: (v: string[]) => v.join('、') },
              { title: t('reports.enforcement.quantityT'), dataIndex: 'totalKg', align: 'right', render: tonnes },
            ]} />
        );
      case 'disposals':
        return (
          <Table<DisposalRecordRow> {...common} rowKey="id" dataSource={records.rows}
            columns={[
              { title: t('cases.at'), dataIndex: 'at', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              { title: t('cases.point'), dataIndex: 'pointName' },
              { title: t('cases.caseRef'), dataIndex: 'caseRef' },
              { title: t('cases.coalKind'), dataIndex: 'coalKind' },
              { title: t('cases.method'), dataIndex: 'method', render: (v: string) => t(`cases.methods.${v}`) },
              { title: t('reports.enforcement.quantityT'), dataIndex: 'quantityKg', align: 'right', render: tonnes },
              { title: t('cases.authorityRef'), dataIndex: 'authorityRef' },
              { title: t('cases.counterparty'), dataIndex: 'counterparty' },
            ]} />
        );
      case 'stock':
        return (
          <Table<StockBucketRow> {...common} rowKey={(r) => `${r.pointName}|${r.caseRef}|${r.coalKind}`} dataSource={records.rows}
            columns={[
              { title: t('cases.point'), dataIndex: 'pointName' },
              { title: t('cases.caseRef'), dataIndex: 'caseRef' },
              { title: t('cases.coalKind'), dataIndex: 'coalKind' },
              { title: inTonnes('reports.enforcement.received'), dataIndex: 'receivedKg', align: 'right', render: tonnes },
              { title: inTonnes('reports.enforcement.disposed'), dataIndex: 'disposedKg', align: 'right', render: tonnes },
              { title: inTonnes('reports.enforcement.stockT'), dataIndex: 'stockKg', align: 'right', render: tonnes },
            ]} />
        );
    }
  };

  return (
    <Drawer open size={900} title={t('reports.recordsOf', { title: drill.title })} onClose={onClose} data-testid="enforcement-drawer">
      <Card size="small" variant="borderless" styles={{ body: { padding: 0 } }}>{table()}</Card>
    </Drawer>
  );
}
