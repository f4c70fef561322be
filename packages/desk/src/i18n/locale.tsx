import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Bilingual, Lang } from '../api/types';
import { MESSAGES, type MessageKey } from './messages';
import { labelOf } from './vocabulary-labels';

interface LocaleValue {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A desk message, with `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A `{ zh, en }` label from a pack (falls back to the other language, then to `fallback`). */
  pick(label: Bilingual | undefined, fallback?: string): string;
  /** A vocabulary label from one of the tables in `vocabulary-labels.ts`. */
  vocab(table: Record<string, Bilingual>, key: string): string;
}

const LocaleContext = createContext<LocaleValue | null>(null);
const STORAGE_KEY = 'hazardflow.desk.lang';

/** Chinese first: zh-CN unless the user switched to English on this browser. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<LocaleValue>(
    () => ({
      lang,
      setLang,
      t: (key, values = {}) =>
        MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)),
      pick: (label, fallback = '') => label?.[lang] || label?.[lang === 'zh' ? 'en' : 'zh'] || fallback,
      vocab: (table, key) => labelOf(table, key, lang),
    }),
    [lang, setLang],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}
