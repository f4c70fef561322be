import { ApiError } from '../api/client';
import { useLocale } from '../i18n/locale';
import { REFUSAL_LABELS } from '../i18n/vocabulary-labels';

/** A refusal or failure as the service explained it: the code's label, its detail, its issues. */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t, vocab } = useLocale();
  if (!(error instanceof ApiError)) {
    return (
      <div role="alert" className="problem">
        <strong>{t('error')}</strong> {error instanceof Error ? error.message : String(error)}
      </div>
    );
  }
  const { problem } = error;
  return (
    <div role="alert" className="problem" data-code={problem.code}>
      <strong>{vocab(REFUSAL_LABELS, problem.code)}</strong> <span className="code">({problem.code})</span>
      <p>{problem.detail}</p>
      {problem.issues && problem.issues.length > 0 && (
        <ul>
          {problem.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path || '(body)'}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
