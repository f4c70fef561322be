import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/client';
import type { AssessmentGroup, AssessmentRow } from '../api/types';
import { Chart } from '../components/chart';
import { ProblemMessage } from '../components/problem-message';
import { QueryState } from '../components/query-state';
import { ScrollRegion } from '../components/scroll-region';
import { formatDay } from '../format/dates';
import { type useLocale as UseLocale, useLocale } from '../i18n/locale';
import { useApi } from '../session/session';
import { usePacks } from '../session/use-packs';

/** 考核: closure and on-time rates by street and by department, overdue cases by level, trends. */
export default function DashboardScreen() {
  const { t } = useLocale();
  const api = useApi();
  const byStreet = useQuery({ queryKey: ['assessment', 'territory'], queryFn: () => api.assessment('territory') });
  const forbidden = byStreet.error instanceof ApiError && byStreet.error.status === 403;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboardTitle')}</h1>
      {forbidden ? (
        <>
          <p className="note">{t('dashboardForCommand')}</p>
          <ProblemMessage error={byStreet.error} />
        </>
      ) : (
        <div className="dashboard-grid">
          <GroupFigures groupBy="territory" title={t('byStreet')} />
          <GroupFigures groupBy="regulator" title={t('byDepartment')} />
          <OverdueByLevel />
          <Trends />
        </div>
      )}
    </section>
  );
}

type LabelledRow = AssessmentRow & { label?: string };

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

function GroupFigures({ groupBy, title }: { groupBy: AssessmentGroup; title: string }) {
  const { t, pick } = useLocale();
  const api = useApi();
  const rows = useQuery({ queryKey: ['assessment', groupBy], queryFn: () => api.assessment(groupBy) });
  const packs = usePacks();
  // Departments by the name their pack gives them; streets have no names in the API, so their ids stay.
  const named = (data: AssessmentRow[]) =>
    groupBy === 'regulator' ? data.map((r) => ({ ...r, label: pick(packs.regulatorName(r.group), r.group) })) : data;
  const headingId = `assessment-${groupBy}`;
  return (
    <section aria-labelledby={headingId} className="card wide" data-testid={`assessment-${groupBy}`}>
      <h2 id={headingId}>{title}</h2>
      <QueryState query={rows}>
        {(data) => (
          <>
            <RateChart rows={named(data)} label={title} />
            <AssessmentTable rows={named(data)} caption={`${title} · ${t('tableView')}`} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function RateChart({ rows, label }: { rows: LabelledRow[]; label: string }) {
  const { t } = useLocale();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, bottom: 60, top: 30 },
      xAxis: { type: 'category', data: rows.map((r) => r.label ?? r.group), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('closureRate'), type: 'bar', data: rows.map((r) => Math.round(r.closureRate * 1000) / 10) },
        {
          name: t('onTimeRate'),
          type: 'bar',
          data: rows.map((r) => (r.onTimeRate === null ? 0 : Math.round(r.onTimeRate * 1000) / 10)),
        },
      ],
    }),
    [rows, t],
  );
  return <Chart option={option} label={label} />;
}

function AssessmentTable({ rows, caption }: { rows: LabelledRow[]; caption: string }) {
  const { t } = useLocale();
  return (
    <ScrollRegion label={caption}>
      <table className="figures">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('group')}</th>
            <th scope="col">{t('found')}</th>
            <th scope="col">{t('closed')}</th>
            <th scope="col">{t('closureRate')}</th>
            <th scope="col">{t('onTimeRate')}</th>
            <th scope="col">{t('openOverdue')}</th>
            <th scope="col">{t('listed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group} data-group={r.group}>
              <th scope="row">{r.label ?? r.group}</th>
              <td data-field="found">{r.found}</td>
              <td data-field="closed">{r.closed}</td>
              <td data-field="closureRate">{pct(r.closureRate)}</td>
              <td data-field="onTimeRate">{pct(r.onTimeRate)}</td>
              <td data-field="openOverdue">{r.openOverdue}</td>
              <td>{r.listedSupervision}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Counts open overdue cases at each level by paging through `overdue=true&escalationLevel=n`. */
async function countOverdueByLevel(api: ApiClient, levels: number): Promise<number[]> {
  const counts: number[] = [];
  for (let level = 0; level <= levels; level++) {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await api.queryCases({ overdue: true, escalationLevel: level }, { cursor, limit: 500 });
      count += page.items.filter(
        (c) => c.status !== 'closed' && c.status !== 'dismissed' && c.status !== 'transferred',
      ).length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    counts.push(count);
  }
  return counts;
}

function OverdueByLevel() {
  const { t } = useLocale();
  const api = useApi();
  const counts = useQuery({ queryKey: ['assessment', 'overdue-by-level'], queryFn: () => countOverdueByLevel(api, 5) });
  return (
    <section aria-labelledby="overdue-title" className="card">
      <h2 id="overdue-title">{t('overdueByLevel')}</h2>
      <QueryState query={counts}>
        {(data) => (
          <>
            <Chart
              label={t('overdueByLevel')}
              height={220}
              option={{
                tooltip: {},
                grid: { left: 40, right: 10, bottom: 30, top: 10 },
                xAxis: { type: 'category', data: data.map((_, n) => t('level', { n })) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [{ name: t('openOverdue'), type: 'bar', data }],
              }}
            />
            <ul className="inline-figures" data-testid="overdue-by-level">
              {data.map((count, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the escalation level
                <li key={n}>
                  {t('level', { n })}: <strong>{count}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </section>
  );
}

const WEEK = 7 * 86_400_000;
const MAX_WEEKS = 26;

type TrendBucket = { from: string; found: number; closed: number; closureRate: number };

/**
 * Found and closed per week, summed over the district: the last 26 weeks up to now, or, when
 * nothing happened in them (a simulated district lives in the past), the 26 weeks from the
 * earliest report (the list is ordered by report time, so its first case is the earliest).
 */
async function weeklyTrend(api: ApiClient, now: number): Promise<TrendBucket[]> {
  const first = (await api.queryCases({}, { limit: 1 })).items[0];
  if (!first) return [];
  const earliest = Date.parse(first.reportedAt);
  const recent = await buckets(api, Math.max(earliest, now - MAX_WEEKS * WEEK), now);
  if (recent.some((b) => b.found > 0 || b.closed > 0) || earliest >= now - MAX_WEEKS * WEEK) return recent;
  return buckets(api, earliest, earliest + MAX_WEEKS * WEEK);
}

async function buckets(api: ApiClient, start: number, end: number): Promise<TrendBucket[]> {
  const out: TrendBucket[] = [];
  for (let from = start; from < end; from += WEEK) {
    const rows = await api.assessment('pack', {
      from: new Date(from).toISOString(),
      to: new Date(Math.min(from + WEEK, end)).toISOString(),
    });
    const found = rows.reduce((s, r) => s + r.found, 0);
    const closed = rows.reduce((s, r) => s + r.closed, 0);
    const closedOfFound = rows.reduce((s, r) => s + r.closureRate * r.found, 0);
    out.push({
      from: new Date(from).toISOString(),
      found,
      closed,
      closureRate: found === 0 ? 0 : closedOfFound / found,
    });
  }
  // Weeks after the last activity say nothing: the trend ends where the cases do.
  while (out.length > 1 && out.at(-1)?.found === 0 && out.at(-1)?.closed === 0) out.pop();
  return out;
}

function Trends() {
  const { t, lang } = useLocale();
  const api = useApi();
  const trend = useQuery({ queryKey: ['assessment', 'trend'], queryFn: () => weeklyTrend(api, Date.now()) });
  return (
    <section aria-labelledby="trend-title" className="card wide">
      <h2 id="trend-title">{t('trends')}</h2>
      <QueryState query={trend}>{(data) => <TrendChart data={data} t={t} lang={lang} />}</QueryState>
    </section>
  );
}

function TrendChart({
  data,
  t,
  lang,
}: {
  data: TrendBucket[];
  t: ReturnType<typeof UseLocale>['t'];
  lang: 'zh' | 'en';
}) {
  const labels = data.map((b) => formatDay(b.from, 'Asia/Shanghai', lang));
  return (
    <>
      <Chart
        label={t('trends')}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 40, right: 40, bottom: 30, top: 30 },
          xAxis: { type: 'category', data: labels },
          yAxis: [
            { type: 'value', minInterval: 1 },
            { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
          ],
          series: [
            { name: t('found'), type: 'line', data: data.map((b) => b.found) },
            { name: t('closed'), type: 'line', data: data.map((b) => b.closed) },
            {
              name: t('closureRate'),
              type: 'line',
              yAxisIndex: 1,
              data: data.map((b) => Math.round(b.closureRate * 1000) / 10),
            },
          ],
        }}
      />
      <ScrollRegion label={`${t('trends')} · ${t('tableView')}`}>
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">{t('time')}</th>
              <th scope="col">{t('found')}</th>
              <th scope="col">{t('closed')}</th>
              <th scope="col">{t('closureRate')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((b, i) => (
              <tr key={b.from}>
                <th scope="row">{t('weekOf', { date: labels[i] ?? '' })}</th>
                <td>{b.found}</td>
                <td>{b.closed}</td>
                <td>{pct(b.closureRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
