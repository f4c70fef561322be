import { useEffect, useId, useState } from 'react';
import type { CaseView } from '../api/types';
import { useLocale } from '../i18n/locale';
import { COMMAND_LABELS } from '../i18n/vocabulary-labels';
import { usePacks } from '../session/use-packs';
import { currentStateIds, highlighted, lifecycleStates } from './current-states';

/**
 * The pack's statechart (Mermaid from the packs route) with the case's states marked, and
 * the same as a list a screen reader can read. Mermaid is loaded only when a case is opened.
 */
export function Statechart({ view }: { view: CaseView }) {
  const { t, vocab } = useLocale();
  const pack = usePacks().pack(view.packId);
  const source = pack?.mermaid ?? '';
  const ids = currentStateIds(view);
  const states = lifecycleStates(source);
  return (
    <section aria-labelledby="statechart-title" className="card wide">
      <h2 id="statechart-title">{t('statechart')}</h2>
      <h3>{t('statechartStates')}</h3>
      <ol className="state-list" data-testid="state-list">
        {states.map((s) => {
          const current = ids.includes(s.id);
          return (
            <li key={s.id} className={current ? 'current' : undefined} aria-current={current ? 'step' : undefined}>
              <span className="mono">{s.name}</span>
              {current && <strong className="current-tag"> ({t('currentState')})</strong>}
              {s.events.length > 0 && (
                <span className="muted small"> → {s.events.map((e) => vocab(COMMAND_LABELS, e)).join(' · ')}</span>
              )}
            </li>
          );
        })}
      </ol>
      {source && <MermaidDiagram source={highlighted(source, ids)} />}
    </section>
  );
}

function MermaidDiagram({ source }: { source: string }) {
  const { t } = useLocale();
  const id = useId().replace(/[^A-Za-z0-9]/g, '');
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral' });
        const { svg: rendered } = await mermaid.render(`statechart-${id}`, source);
        if (!cancelled) setSvg(rendered);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [source, id]);
  if (failed) return <p className="muted">{t('diagramFailed')}</p>;
  if (svg === null) return <p aria-busy="true">{t('diagramLoading')}</p>;
  return (
    <div
      className="diagram"
      role="img"
      aria-label={t('statechart')}
      data-testid="statechart-svg"
      // Mermaid's own output, rendered with securityLevel 'strict' from the service's pack diagram.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG string is what Mermaid renders to
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
