/**
 * Compile-time proof that `engine.send` takes the command union (`HazardCommand`), not
 * `unknown`. Checked by tsc through the package's typecheck (not run by vitest): every
 * `@ts-expect-error` below must be an error, or tsc fails with "unused directive".
 */
import type { Actor, HazardCommand } from '@hazardflow/core';
import type { Engine } from '@hazardflow/engine';
import { expectTypeOf } from 'vitest';

declare const engine: Engine;
declare const actor: Actor;
declare const fromJson: unknown;

expectTypeOf<Parameters<Engine['send']>[1]>().toEqualTypeOf<HazardCommand>();

// Well-formed commands compile, including `as const` fixtures with read-only arrays.
void engine.send('case-1', { type: 'TRIAGE', severity: 'major' }, { actor });
void engine.send('case-1', { type: 'VERIFY', result: 'pass', evidence: [] }, { actor });
const notice = { type: 'ISSUE_NOTICE', clauses: ['消防法 Art. 28'] } as const;
void engine.send('case-1', notice, { actor });

// @ts-expect-error: a misspelt command type, with a misspelt field
void engine.send('case-1', { type: 'TRIAGEE', severty: 'major' }, { actor });
// @ts-expect-error: a field the command does not have
void engine.send('case-1', { type: 'TRIAGE', severty: 'major' }, { actor });
// @ts-expect-error: a value outside the field's enum
void engine.send('case-1', { type: 'VERIFY', result: 'ok' }, { actor });
// @ts-expect-error: a required field missing
void engine.send('case-1', { type: 'REJECT_PLAN' }, { actor });
// @ts-expect-error: an unchecked value must be asserted first
void engine.send('case-1', fromJson, { actor });

// A command built at run time is asserted to the union; `send` still validates it with zod.
void engine.send('case-1', fromJson as HazardCommand, { actor });
