import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';

/** Control characters and invisible format characters (zero-width spaces and joiners, BOM, bidi marks). */
const VISIBLE_ONLY = /^[^\p{Cc}\p{Cf}]*$/u;

/**
 * An id as people and programs send it, made comparable: trimmed, in Unicode NFC, 1 to
 * INPUT_LIMITS.idLength characters, with no control or zero-width characters. Ids are
 * normalised when validated, so `"inspector-1 "`, `"inspector-1\u200b"` and a decomposed
 * spelling cannot pass separation of duties or jurisdiction as a different person.
 */
export const boundedIdSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(INPUT_LIMITS.idLength)
  .regex(VISIBLE_ONLY, 'must not contain control or zero-width characters');
