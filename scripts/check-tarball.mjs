#!/usr/bin/env node
/**
 * Refuses a package tarball that is not fit to publish: a dependency still on the `workspace:`
 * protocol (what `npm pack` leaves; users get EUNSUPPORTEDPROTOCOL), or a missing LICENSE,
 * README, repository (with `directory`), homepage, keywords or publishConfig with provenance.
 * Usage: node scripts/check-tarball.mjs <file.tgz>...  Exits 1 naming every problem.
 */
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];

function problemsOf(tarball) {
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  const problems = [];
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${field}.${name} is "${range}" (pack with pnpm)`);
    }
  }
  for (const file of ['package/LICENSE', 'package/README.md']) {
    if (!listing.includes(file)) problems.push(`${file.slice('package/'.length)} is not in the tarball`);
  }
  if (!manifest.repository?.url || !manifest.repository?.directory)
    problems.push('repository.url and repository.directory are required');
  if (!manifest.homepage) problems.push('homepage is missing');
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) problems.push('keywords are missing');
  if (manifest.license !== 'MIT') problems.push(`license is ${JSON.stringify(manifest.license)}, not "MIT"`);
  if (manifest.publishConfig?.access !== 'public' || manifest.publishConfig?.provenance !== true) {
    problems.push('publishConfig must be { access: "public", provenance: true }');
  }
  return { name: `${manifest.name}@${manifest.version}`, problems };
}

const tarballs = process.argv.slice(2);
if (tarballs.length === 0) {
  console.error('usage: check-tarball.mjs <file.tgz>...');
  process.exit(2);
}
let failed = 0;
for (const tarball of tarballs) {
  const { name, problems } = problemsOf(tarball);
  if (problems.length === 0) continue;
  failed++;
  console.error(`${basename(tarball)} (${name}) cannot be published:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
if (failed) process.exit(1);
console.log(`${tarballs.length} tarballs fit to publish`);
