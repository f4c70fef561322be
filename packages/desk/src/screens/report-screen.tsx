import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { createRequestAttempt } from '../api/request-attempt';
import type { HazardReportInput } from '../api/types';
import type { EvidenceRow } from '../components/evidence-editor';
import { EvidenceEditor } from '../components/evidence-editor';
import { ProblemMessage } from '../components/problem-message';
import { QueryState } from '../components/query-state';
import { useLocale } from '../i18n/locale';
import { rememberCase } from '../session/recent-cases';
import { caseHref, navigate } from '../session/router';
import { useApi, useSession } from '../session/session';
import { usePacks } from '../session/use-packs';

/** Report a hazard (`POST /cases`): pack and category from the packs route, the site, the party, evidence. */
export function ReportScreen() {
  const { t, pick } = useLocale();
  const api = useApi();
  const { session } = useSession();
  const packs = usePacks();
  const queryClient = useQueryClient();
  const id = useId();
  const actor = session?.actor;
  const [form, setForm] = useState({
    packId: '',
    category: '',
    siteId: '',
    siteName: '',
    placeType: '',
    territory: actor?.role === 'territory' ? (actor.org ?? '') : '',
    responsibleId: '',
    responsibleName: '',
    description: '',
  });
  const [evidence, setEvidence] = useState<EvidenceRow[]>([]);
  const attempt = useRef(createRequestAttempt());
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const packId = form.packId || packs.packs[0]?.id || '';
  const pack = packs.pack(packId);
  const categories = pack?.definition.categories ?? [];
  const reportKinds = (pack?.definition.evidence?.report ?? []).map((r) => r.kind);

  const report = useMutation({
    mutationFn: ({ input, key }: { input: HazardReportInput; key: string }) =>
      api.report(input, { idempotencyKey: key }),
    onError: (error) => attempt.current.failed(error),
    onSuccess: async (view) => {
      rememberCase(view.id);
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      navigate(caseHref(view.id));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    // The same key and instant for a retry: the same request, replayed if it was applied.
    const { key, at: now } = attempt.current.start();
    report.mutate({
      key,
      input: {
        packId,
        category: form.category || categories[0]?.id || '',
        site: {
          id: form.siteId,
          name: form.siteName,
          territory: form.territory,
          ...(form.placeType ? { placeType: form.placeType } : {}),
        },
        responsible: { id: form.responsibleId, ...(form.responsibleName ? { name: form.responsibleName } : {}) },
        description: form.description,
        evidence: evidence.filter((r) => r.kind && r.uri).map((r) => ({ kind: r.kind, uri: r.uri, by: r.by, at: now })),
      },
    });
  }

  const text = (key: keyof typeof form, label: string, required = true) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <input id={`${id}-${key}`} name={key} required={required} value={form[key]} onChange={set(key)} />
    </div>
  );

  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title">{t('reportTitle')}</h1>
      <QueryState query={packs.query}>
        {() => (
          <form className="report-form" onSubmit={submit}>
            <div className="field">
              <label htmlFor={`${id}-pack`}>{t('pack')}</label>
              <select
                id={`${id}-pack`}
                name="packId"
                value={packId}
                onChange={(e) => setForm((f) => ({ ...f, packId: e.target.value, category: '' }))}
              >
                {packs.packs.map((p) => (
                  <option key={p.id} value={p.id}>
                    {pick(p.name, p.id)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-category`}>{t('category')}</label>
              <select
                id={`${id}-category`}
                name="category"
                value={form.category || categories[0]?.id || ''}
                onChange={set('category')}
              >
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {pick(c.name, c.id)}
                  </option>
                ))}
              </select>
            </div>
            {text('siteId', t('siteId'))}
            {text('siteName', t('siteName'))}
            {text('placeType', t('placeType'), false)}
            {text('territory', t('street'))}
            {text('responsibleId', t('responsibleId'))}
            {text('responsibleName', t('responsibleName'), false)}
            <div className="field">
              <label htmlFor={`${id}-description`}>
                {t('description')}
                <span aria-hidden="true"> *</span>
              </label>
              <textarea
                id={`${id}-description`}
                name="description"
                required
                rows={3}
                value={form.description}
                onChange={set('description')}
              />
            </div>
            <EvidenceEditor
              rows={evidence}
              onChange={setEvidence}
              kinds={reportKinds}
              actorId={actor?.id ?? ''}
              legend={t('evidence')}
            />
            {report.isError && <ProblemMessage error={report.error} />}
            <div className="buttons">
              <button type="submit" disabled={report.isPending}>
                {report.isPending ? t('sending') : t('submit')}
              </button>
            </div>
          </form>
        )}
      </QueryState>
    </section>
  );
}
