import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { createRequestAttempt } from '../api/request-attempt';
import type { AvailableCommand, CaseView, JsonSchema } from '../api/types';
import { useLocale } from '../i18n/locale';
import { COMMAND_LABELS, REFUSAL_LABELS } from '../i18n/vocabulary-labels';
import { useApi, useSession } from '../session/session';
import type { EvidenceRow } from './evidence-editor';
import { ProblemMessage } from './problem-message';
import { QueryState } from './query-state';
import { type FormValue, payloadOf, SchemaFields } from './schema-form';

/**
 * "What can I do now?": the buttons come from the service's `availableCommands` answer for
 * this actor and this case version, the forms from the command schemas of its OpenAPI
 * document. The desk keeps no copy of the rules; refused commands are listed with the reason.
 */
export function CommandPanel({ view }: { view: CaseView }) {
  const { t, vocab } = useLocale();
  const api = useApi();
  const available = useQuery({
    queryKey: ['case', view.id, 'commands', view.version],
    queryFn: () => api.availableCommands(view.id),
  });
  const schemas = useQuery({
    queryKey: ['command-schemas'],
    queryFn: () => api.commandSchemas(),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section aria-labelledby="actions-title" className="card">
      <h2 id="actions-title" ref={heading} tabIndex={-1}>
        {t('actions')}
      </h2>
      <p role="status" aria-live="polite" className="done" data-testid="command-status">
        {done ? t('commandDone', { command: vocab(COMMAND_LABELS, done) }) : ''}
      </p>
      <QueryState query={available}>
        {(answer) => {
          const allowed = answer.commands.filter((c) => c.allowed);
          const refused = answer.commands.filter((c) => !c.allowed);
          return (
            <>
              {allowed.length === 0 && <p className="muted">{t('noActions')}</p>}
              <ul className="command-buttons">
                {allowed.map((c) => (
                  <li key={c.command}>
                    <button
                      type="button"
                      aria-expanded={open === c.command}
                      aria-controls={`form-${c.command}`}
                      data-command={c.command}
                      onClick={() => setOpen(open === c.command ? null : c.command)}
                    >
                      {vocab(COMMAND_LABELS, c.command)}
                    </button>
                  </li>
                ))}
              </ul>
              {open && allowed.some((c) => c.command === open) && (
                <CommandForm
                  key={`${open}-${view.version}`}
                  view={view}
                  command={allowed.find((c) => c.command === open) as AvailableCommand}
                  schema={schemas.data?.[open]}
                  onDone={() => {
                    setDone(open);
                    setOpen(null);
                    // The form is gone: keep the keyboard user where the new choices are.
                    heading.current?.focus();
                  }}
                  onCancel={() => setOpen(null)}
                />
              )}
              {refused.length > 0 && (
                <details className="refused" data-testid="refused-commands">
                  <summary>{t('showRefused')}</summary>
                  <ul>
                    {refused.map((c) => (
                      <li key={c.command} data-command={c.command} data-code={c.reason?.code}>
                        <strong>{vocab(COMMAND_LABELS, c.command)}</strong>
                        {c.reason && (
                          <>
                            {' — '}
                            <span className="refusal">{vocab(REFUSAL_LABELS, c.reason.code)}</span>
                            <span className="muted small"> {c.reason.message}</span>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function CommandForm({
  view,
  command,
  schema,
  onDone,
  onCancel,
}: {
  view: CaseView;
  command: AvailableCommand;
  schema: JsonSchema | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, vocab } = useLocale();
  const api = useApi();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const actorId = session?.actor?.id ?? '';
  const missing = command.reason?.code === 'EVIDENCE_REQUIRED' ? (command.reason.missing ?? []) : [];
  const [value, setValue] = useState<Record<string, FormValue>>(() =>
    missing.length > 0 ? { evidence: missing.map((kind): EvidenceRow => ({ kind, uri: '', by: actorId })) } : {},
  );
  // One key and one instant per request: a double click or a retry after a lost answer is
  // replayed, not applied twice (and not refused as another request).
  const attempt = useRef(createRequestAttempt());
  const send = useMutation({
    mutationFn: ({ body, key }: { body: Record<string, unknown>; key: string }) =>
      api.send(view.id, { type: command.command, ...body }, { expectedVersion: view.version, idempotencyKey: key }),
    onError: (error) => attempt.current.failed(error),
    onSuccess: async (next) => {
      queryClient.setQueryData(['case', view.id], next);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['case', view.id] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
        queryClient.invalidateQueries({ queryKey: ['assessment'] }),
      ]);
      onDone();
    },
  });
  const title = useRef<HTMLHeadingElement>(null);
  // An opened form takes focus, so a keyboard or screen-reader user lands in it.
  useEffect(() => title.current?.focus(), []);
  function submit(event: FormEvent) {
    event.preventDefault();
    const { key, at } = attempt.current.start();
    send.mutate({ body: schema ? payloadOf(schema, value, at) : {}, key });
  }
  const label = vocab(COMMAND_LABELS, command.command);
  return (
    <form id={`form-${command.command}`} className="command-form" onSubmit={submit} aria-label={label}>
      <h3 ref={title} tabIndex={-1}>
        {label}
      </h3>
      {missing.length > 0 && <p className="note">{t('missingEvidence', { kinds: missing.join(', ') })}</p>}
      {schema ? (
        <SchemaFields
          schema={schema}
          value={value}
          onChange={setValue}
          path={command.command}
          skip={['type']}
          evidenceKinds={missing}
          actorId={actorId}
        />
      ) : (
        <p aria-busy="true">{t('loading')}</p>
      )}
      {send.isError && <ProblemMessage error={send.error} />}
      <div className="buttons">
        <button type="submit" disabled={send.isPending || !schema}>
          {send.isPending ? t('sending') : t('submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
