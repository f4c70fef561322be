#!/usr/bin/env node
/**
 * Writes the README's and docs' TypeScript blocks marked for the consumer matrix into a
 * directory, unchanged, one module each. A block is marked by its fence's info string,
 * ```` ```ts consumer-check ```` (invisible on the rendered page, so the block stays exactly
 * what a reader copies); ```` ```ts consumer-check run ```` blocks are also run. Blocks may use
 * the names of scripts/consumer/doc-prelude.d.ts.
 * A block with top-level `await` is also written wrapped in an async function for CommonJS.
 * Usage: node scripts/extract-doc-blocks.mjs <outDir>; prints a JSON manifest of the blocks.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: extract-doc-blocks.mjs <outDir>');
mkdirSync(outDir, { recursive: true });

const sources = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync(join(root, 'packages')).map((p) => `packages/${p}/README.md`),
].filter((f) => {
  try {
    readFileSync(join(root, f));
    return true;
  } catch {
    return false;
  }
});

/** Splits a block into its leading import statements and the rest. */
function splitImports(code) {
  const lines = code.split('\n');
  let i = 0;
  let inImport = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (inImport) {
      if (/from\s+['"][^'"]+['"];?\s*$/.test(line)) inImport = false;
      continue;
    }
    if (/^import\s/.test(line)) {
      inImport = !/(from\s+)?['"][^'"]+['"];?\s*$/.test(line);
      continue;
    }
    if (line.trim() === '' || line.startsWith('//') || line.startsWith('/*') || line.startsWith(' *')) continue;
    break;
  }
  return { imports: lines.slice(0, i).join('\n'), body: lines.slice(i).join('\n') };
}

const blocks = [];
for (const file of sources) {
  const text = readFileSync(join(root, file), 'utf8');
  const fence = /^```ts consumer-check( run)?\n([\s\S]*?)^```$/gm;
  let n = 0;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    n++;
    const run = match[1] !== undefined;
    const code = match[2];
    const name = `doc-${file.replace(/[/.]/g, '-').replace(/-md$/, '')}-${n}`;
    const packages = [...new Set([...code.matchAll(/from\s+'(@hazardflow\/[^'/]+)/g)].map((m) => m[1]))];
    const topLevelAwait = /^(?:[^\s/*].*)?\bawait\b/m.test(code);
    const { imports, body } = splitImports(code);
    const module = code.includes('export ') ? code : `${code}\nexport {};\n`;
    writeFileSync(join(outDir, `${name}.ts`), module);
    const cjs = topLevelAwait ? `${imports}\n\nexport async function block(): Promise<void> {\n${body}\n}\n` : module;
    writeFileSync(join(outDir, `${name}.cts`), cjs);
    blocks.push({ name, source: `${basename(file)} block ${n}`, file, packages, run });
  }
}
console.log(JSON.stringify(blocks));
