import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { type CaseFilter, SEVERITIES, type Severity, STATUSES, type Status } from '../api/types';
import { DeadlineText, SeverityBadge, StatusBadge } from '../components/case-badges';
import { ProblemMessage } from '../components/problem-message';
import { ScrollRegion } from '../components/scroll-region';
import { formatInstant } from '../format/dates';
import { useLocale } from '../i18n/locale';
import { SEVERITY_LABELS, STATUS_LABELS } from '../i18n/vocabulary-labels';
import { recentCases } from '../session/recent-cases';
import { caseHref, navigate } from '../session/router';
import { useApi } from '../session/session';
import { usePacks } from '../session/use-packs';

const PAGE_SIZE = 50;
/** Set once per page load, when the first page of cases is on screen. */
export const FIRST_PAGE_MARK = 'hazardflow:cases-first-page';

/** The URL's query (`#/cases?status=…`) as the service's filter. */
function filterOf(params: URLSearchParams): CaseFilter {
  const filter: CaseFilter = {};
  const status = params.get('status');
  if (status && (STATUSES as readonly string[]).includes(status)) filter.status = status as Status;
  const severity = params.get('severity');
  if (severity && (SEVERITIES as readonly string[]).includes(severity)) filter.severity = severity as Severity;
  const territory = params.get('territory');
  if (territory) filter.territory = territory;
  const regulator = params.get('regulator');
  if (regulator) filter.regulator = regulator;
  const assignee = params.get('assignee');
  if (assignee) filter.assignee = assignee;
  const overdue = params.get('overdue');
  if (overdue === 'true' || overdue === 'false') filter.overdue = overdue === 'true';
  const level = params.get('escalationLevel');
  if (level && /^\d+$/.test(level)) filter.escalationLevel = Number(level);
  // 挂牌督办: the service filters on it (`listed=true`), so paging counts only listed cases.
  if (params.get('listed') === 'true') filter.listed = true;
  return filter;
}

export function CaseListScreen({ params }: { params: URLSearchParams }) {
  const { t, pick, lang } = useLocale();
  const api = useApi();
  const packs = usePacks();
  const filter = useMemo(() => filterOf(params), [params]);
  const list = useInfiniteQuery({
    queryKey: ['cases', filter],
    queryFn: ({ pageParam }) => api.queryCases(filter, { cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = (list.data?.pages ?? []).flatMap((p) => p.items);
  const cannotList = list.error instanceof ApiError && list.error.status === 403;
  const firstPageShown = list.isSuccess;
  useEffect(() => {
    // A mark in the page's performance timeline: the browser test reads it to measure the list.
    if (firstPageShown && performance.getEntriesByName(FIRST_PAGE_MARK).length === 0) performance.mark(FIRST_PAGE_MARK);
  }, [firstPageShown]);

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t('navCases')}</h1>
      <OpenById />
      {!cannotList && <Filters params={params} />}
      {list.isPending && <p aria-busy="true">{t('loading')}</p>}
      {cannotList && <p className="note">{t('cannotList')}</p>}
      {list.isError && !cannotList && <ProblemMessage error={list.error} />}
      {list.isSuccess && (
        <>
          <p aria-live="polite" className="muted" data-testid="cases-count">
            {t('casesShown', { n: items.length })}
          </p>
          {items.length === 0 ? (
            <p>{t('noCases')}</p>
          ) : (
            <ScrollRegion labelledBy="cases-title">
              <table className="cases" data-testid="cases-table">
                <thead>
                  <tr>
                    <th scope="col">{t('caseId')}</th>
                    <th scope="col">{t('site')}</th>
                    <th scope="col">{t('category')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('severity')}</th>
                    <th scope="col">{t('escalationLevel')}</th>
                    <th scope="col">{t('deadline')}</th>
                    <th scope="col">{t('reportedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => {
                    const tz = packs.timeZoneOf(c.packId);
                    return (
                      <tr key={c.id} data-testid="case-row" data-case-id={c.id}>
                        <td>
                          <a href={caseHref(c.id)} className="mono">
                            {c.id.slice(-8)}
                          </a>
                        </td>
                        <td>
                          {c.siteName}
                          <div className="muted small">{c.territory}</div>
                        </td>
                        <td>{pick(packs.categoryName(c.packId, c.category), c.category)}</td>
                        <td>
                          <StatusBadge status={c.status} />
                          {c.listedSupervision && <span className="badge listed">{t('listed')}</span>}
                        </td>
                        <td>
                          <SeverityBadge severity={c.severity} />
                        </td>
                        <td>{c.escalationLevel}</td>
                        <td>
                          <DeadlineText view={c} timeZone={tz} />
                        </td>
                        <td>{formatInstant(c.reportedAt, tz, lang)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {list.hasNextPage && (
            <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t('loading') : t('loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Filters({ params }: { params: URLSearchParams }) {
  const { t, vocab } = useLocale();
  const id = useId();
  const [draft, setDraft] = useState(() => Object.fromEntries(params.entries()) as Record<string, string>);
  const set = (key: string, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value) next.set(key, value);
    navigate(`#/cases?${next}`);
  }
  function reset() {
    setDraft({});
    navigate('#/cases');
  }
  const field = (key: string) => ({
    id: `${id}-${key}`,
    value: draft[key] ?? '',
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });
  return (
    <form className="filters" onSubmit={apply} aria-label={t('filters')}>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('status')}</label>
        <select {...field('status')}>
          <option value="">{t('any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {vocab(STATUS_LABELS, s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-territory`}>{t('street')}</label>
        <input {...field('territory')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-regulator`}>{t('department')}</label>
        <input {...field('regulator')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-assignee`}>{t('assignee')}</label>
        <input {...field('assignee')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-severity`}>{t('severity')}</label>
        <select {...field('severity')}>
          <option value="">{t('any')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {vocab(SEVERITY_LABELS, s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-overdue`}>{t('overdue')}</label>
        <select {...field('overdue')}>
          <option value="">{t('any')}</option>
          <option value="true">{t('overdueOnly')}</option>
          <option value="false">{t('notOverdue')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-escalationLevel`}>{t('escalationLevel')}</label>
        <select {...field('escalationLevel')}>
          <option value="">{t('any')}</option>
          {[0, 1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="field checkbox">
        <input
          id={`${id}-listed`}
          type="checkbox"
          checked={draft.listed === 'true'}
          onChange={(e) => set('listed', e.target.checked ? 'true' : '')}
        />
        <label htmlFor={`${id}-listed`}>{t('listedOnly')}</label>
      </div>
      <div className="field buttons">
        <button type="submit">{t('applyFilters')}</button>
        <button type="button" onClick={reset}>
          {t('resetFilters')}
        </button>
      </div>
    </form>
  );
}

function OpenById() {
  const { t } = useLocale();
  const id = useId();
  const [value, setValue] = useState('');
  const recent = recentCases();
  return (
    <div className="open-by-id">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) navigate(caseHref(value.trim()));
        }}
      >
        <label htmlFor={id}>{t('openById')}</label>
        <input id={id} value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit">{t('open')}</button>
      </form>
      {recent.length > 0 && (
        <nav aria-label={t('recentCases')} className="recent">
          <span className="muted">{t('recentCases')}:</span>{' '}
          {recent.map((r) => (
            <a key={r} href={caseHref(r)} className="mono">
              {r.slice(-8)}
            </a>
          ))}
        </nav>
      )}
    </div>
  );
}
