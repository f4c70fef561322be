import { readFileSync } from 'node:fs';
import * as core from '@hazardflow/core';
import { expect, it } from 'vitest';

/**
 * Runs the `@example` of src/index.ts: each line `expression; // result` must evaluate to
 * the result it shows, so the example cannot drift from the code.
 */
it('the @example in the entry file runs and shows true results', () => {
  const text = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
  const block = /@example\s*\n \* ```ts\n([\s\S]*?) \* ```/.exec(text)?.[1];
  if (block === undefined) throw new Error('no ```ts @example block in src/index.ts');
  const lines = block.split('\n').map((line) => line.replace(/^ \* ?/, ''));
  const imported = /^import \{([^}]*)\} from '@hazardflow\/core';$/.exec(lines[0] ?? '')?.[1];
  if (imported === undefined) throw new Error('the example must start by importing from @hazardflow/core');
  const names = imported.split(',').map((name) => name.trim());
  const scope = names.map((name) => (core as Record<string, unknown>)[name]);
  expect(
    scope.every((value) => value !== undefined),
    `every name in ${names.join(', ')} is exported`,
  ).toBe(true);
  let checked = 0;
  for (const line of lines.slice(1).filter((l) => l.trim() !== '')) {
    const match = /^(.*);\s*\/\/\s*(.*)$/.exec(line);
    if (!match) throw new Error(`example line without a shown result: ${line}`);
    const [, expression = '', shown = ''] = match;
    const evaluate = (source: string) => new Function(...names, `return (${source});`)(...scope);
    expect(evaluate(expression), line).toEqual(evaluate(shown));
    checked += 1;
  }
  expect(checked).toBeGreaterThan(0);
});
