// Part of `check:package`: the packed package must hold the built desk — index.html and every
// script, stylesheet and chunk it loads — not just the entry publint checks.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const files = new Set(pack.files.map((f) => f.path));
const problems = [];
if (!files.has('dist/app/index.html')) problems.push('dist/app/index.html is not in the package (run the build first)');
else {
  const html = readFileSync('dist/app/index.html', 'utf8');
  for (const [, ref] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
    if (!files.has(`dist/app/${ref}`)) problems.push(`index.html loads ./${ref}, which is not in the package`);
  }
}
const chunks = [...files].filter((f) => f.startsWith('dist/app/assets/') && f.endsWith('.js'));
if (chunks.length === 0) problems.push('no script chunks under dist/app/assets');
if (problems.length > 0) {
  console.error(`@hazardflow/desk package:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`@hazardflow/desk ships the built desk: ${chunks.length} script chunks, ${pack.size} bytes packed`);
