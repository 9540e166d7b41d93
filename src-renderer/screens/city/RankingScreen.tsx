import { useEffect, useMemo, useState } from 'react';
import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CityRanking, RankingRow } from '../../../src-shared/contract/city.ts';
import { callCity } from '../../city-api.ts';
import { showApiError } from '../../errors.ts';
import { download } from '../DashboardScreen.tsx';
import { beijingMinute, percent, recentWeeks, tonnes } from './city-format.ts';

/** The 周通报 table: each checkpoint's week beside the week before, best route share first; and the week's register. */
export function RankingScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const weeks = useMemo(() => recentWeeks(new Date(), 12), []);
  const [week, setWeek] = useState(weeks[0]!);
  const [ranking, setRanking] = useState<CityRanking | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setRanking(null);
    void callCity('city.ranking', { week }).then(setRanking, showApiError);
  }, [week]);
  const exportRegister = async () => {
    if (!ranking) return;
    setBusy(true);
    try {
      const file = await callCity('city.export', { from: ranking.period.from, to: ranking.period.to });
      download(file);
      void message.success(t('city.exported', { trucks: file.trucks }));
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap>
        <Select value={week} onChange={setWeek} options={weeks.map((w) => ({ value: w, label: w }))} style={{ width: 120 }} aria-label={t('city.weekPick')} data-testid="ranking-week" />
        {ranking && <Typography.Text type="secondary">{ranking.period.from} ~ {ranking.period.to}{t('city.beijingTime')} · {t('city.routeTarget', { pct: percent(ranking.routeTarget) })}</Typography.Text>}
        <Button type="primary" loading={busy} disabled={!ranking} onClick={() => void exportRegister()} data-testid="city-export">{t('city.exportRegister')}</Button>
      </Space>
      <Table<RankingRow> size="small" rowKey="installationId" pagination={false} loading={!ranking} dataSource={ranking?.rows ?? []} data-testid="ranking-table"
        columns={[
          { title: t('city.rank'), dataIndex: 'rank', width: 56, align: 'center' },
          { title: t('city.name'), dataIndex: 'name', render: (v: string, r) => <>{v}{r.stale && <Tag color="orange" style={{ marginLeft: 4 }} title={t('city.stale')}>{t('city.lastSync')} {beijingMinute(r.lastSyncAt)}</Tag>}</> },
          { title: t('city.county'), dataIndex: 'county' },
          { title: t('city.trucks'), dataIndex: 'trucks', align: 'right' },
          { title: t('city.previousTrucks'), dataIndex: 'previousTrucks', align: 'right' },
          { title: t('city.tonnes'), dataIndex: 'netKg', align: 'right', render: (v: number) => tonnes(v) },
          { title: t('city.routeShare'), dataIndex: 'routeShare', align: 'right', render: (v: number | null, r) => (
            <span title={t(`city.routeBase.${r.routeBase}`)}>{percent(v)} {r.routeMet === null ? null : <Tag color={r.routeMet ? 'green' : 'red'}>{t(r.routeMet ? 'city.met' : 'city.notMet')}</Tag>}</span>
          ) },
          { title: t('city.previousShare'), dataIndex: 'previousRouteShare', align: 'right', render: (v: number | null) => percent(v) },
          { title: t('city.failing'), dataIndex: 'failing', align: 'right' },
          { title: t('city.seizures'), dataIndex: 'seizures', align: 'right' },
          { title: t('city.seizedTonnes'), dataIndex: 'seizedKg', align: 'right', render: (v: number) => tonnes(v) },
          { title: t('city.handovers'), dataIndex: 'handovers', align: 'right' },
          { title: t('city.gaps'), dataIndex: 'deviceGapHours', align: 'right' },
          { title: t('city.openTerms'), dataIndex: 'openTerms', align: 'right' },
        ]} />
    </Space>
  );
}
