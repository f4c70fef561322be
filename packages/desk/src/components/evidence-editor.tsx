import { useId } from 'react';
import { useLocale } from '../i18n/locale';
import { FIELD_LABELS } from '../i18n/vocabulary-labels';

/** One evidence reference being entered; `at` is stamped when the command is sent. */
export interface EvidenceRow {
  kind: string;
  uri: string;
  by: string;
}

/**
 * Rows of evidence references (kind, where it is kept, who produced it). The kinds the
 * service says are still missing are offered first.
 */
export function EvidenceEditor({
  rows,
  onChange,
  kinds,
  actorId,
  legend,
}: {
  rows: EvidenceRow[];
  onChange: (rows: EvidenceRow[]) => void;
  kinds: string[];
  actorId: string;
  legend: string;
}) {
  const { t, vocab } = useLocale();
  const id = useId();
  const update = (i: number, patch: Partial<EvidenceRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset className="evidence-editor">
      <legend>{legend}</legend>
      <datalist id={`${id}-kinds`}>
        {kinds.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
        <div className="evidence-row" key={i}>
          <div className="field">
            <label htmlFor={`${id}-${i}-kind`}>{vocab(FIELD_LABELS, 'kind')}</label>
            <input
              id={`${id}-${i}-kind`}
              list={`${id}-kinds`}
              required
              value={row.kind}
              onChange={(e) => update(i, { kind: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-uri`}>{vocab(FIELD_LABELS, 'uri')}</label>
            <input
              id={`${id}-${i}-uri`}
              required
              value={row.uri}
              onChange={(e) => update(i, { uri: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-by`}>{t('actor')}</label>
            <input id={`${id}-${i}-by`} required value={row.by} onChange={(e) => update(i, { by: e.target.value })} />
          </div>
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('removeEvidence')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...rows,
            { kind: kinds.find((k) => !rows.some((r) => r.kind === k)) ?? kinds[0] ?? '', uri: '', by: actorId },
          ])
        }
      >
        {t('addEvidence')}
      </button>
    </fieldset>
  );
}
