import { readFileSync } from 'node:fs';
import * as engineApi from '@hazardflow/engine';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { firePack } from '../../policy-fire/src/index';

/** The code block of the `@example` in an entry file, without its doc-comment margin. */
function exampleOf(file: URL): string {
  const source = readFileSync(file, 'utf8');
  const match = /@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/.exec(source);
  if (!match?.[1]) throw new Error(`no @example code block in ${file.pathname}`);
  return match[1]
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n');
}

it('the @example in src/index.ts runs as written', async () => {
  const example = exampleOf(new URL('../src/index.ts', import.meta.url));
  // The example's imports become parameters: the engine's API and the fire pack.
  const imports = [...example.matchAll(/^import \{([^}]*)\} from '([^']+)';$/gm)];
  expect(imports.map((m) => m[2])).toEqual(['@hazardflow/engine', '@hazardflow/policy-fire']);
  const modules: Record<string, Record<string, unknown>> = {
    '@hazardflow/engine': engineApi,
    '@hazardflow/policy-fire': { firePack },
  };
  const names: string[] = [];
  const values: unknown[] = [];
  for (const [, list, from] of imports) {
    for (const name of (list as string)
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)) {
      const value = modules[from as string]?.[name];
      expect(value, `${name} from ${from}`).toBeDefined();
      names.push(name);
      values.push(value);
    }
  }
  const body = ts.transpileModule(example.replace(/^import .*;$/gm, ''), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const logged: unknown[][] = [];
  const console = { log: (...args: unknown[]) => logged.push(args) };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction(...names, 'console', body)(...values, console);
  expect(logged.at(-1)).toEqual(['triaged']);
});
