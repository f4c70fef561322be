import { type Locale, label, type VocabularyId, type VocabularyKind } from '@hazardflow/core';

/**
 * A vocabulary value as the CLI prints it: the core vocabulary's Chinese label in Chinese
 * (`rectifying` → 整改中), the id itself in English, since the English ids are what the API,
 * the docs and scripts use. Ids outside the vocabulary (an engine's `MIGRATED`, a timer event)
 * print as they are.
 */
export function vocabulary(kind: VocabularyKind, id: string, locale: Locale | undefined): string {
  return locale === 'en' ? id : label(kind, id as VocabularyId<typeof kind>, 'zh-CN');
}
