/**
 * `pnpm desk`: the HTTP service with the desk, on the district simulation's database (run
 * first when there is none), and the demo logins to try it with.
 *
 *   pnpm desk [--db <file>] [--port <n>] [--timers]
 *
 * Timers are not run unless --timers is given: the simulated campaign ended in the past, so a
 * running poller would fire every deadline and escalation since then at once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Actor } from '@hazardflow/core';
import { type DemoLogin, startDeskServer } from './desk-server';
import { ensureDeskBuilt } from './ensure-built';
import { bearerTokens, loadHttpModules } from './load-http';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' }, timers: { type: 'boolean', default: false } },
});
const db = resolve(process.env.INIT_CWD ?? process.cwd(), values.db ?? join(repo, 'out', 'cases.sqlite'));
const port = Number(values.port ?? process.env.PORT ?? 3000);

/** The simulated district's people (examples/district-simulation/src/district.ts), one token each. */
const LOGINS: DemoLogin[] = [
  login(
    'grid-worker',
    { id: 'grid-xinhua-1', role: 'territory', org: 'street-xinhua' },
    '新华街道网格员',
    'Grid worker, Xinhua street',
  ),
  login(
    'fire-inspector-1',
    { id: 'fire-rescue-inspector-1', role: 'regulator', org: 'fire-rescue' },
    '消防检查员 1',
    'Fire inspector 1',
  ),
  login(
    'fire-inspector-2',
    { id: 'fire-rescue-inspector-2', role: 'regulator', org: 'fire-rescue' },
    '消防检查员 2',
    'Fire inspector 2',
  ),
  login(
    'building-inspector',
    { id: 'housing-construction-inspector-1', role: 'regulator', org: 'housing-construction' },
    '住建局检查员',
    'Housing and construction inspector',
  ),
  login(
    'party-0001',
    { id: 'party-0001-manager', role: 'responsible', org: 'party-0001' },
    '责任单位 party-0001',
    'Responsible party party-0001',
  ),
  login(
    'safety-office',
    { id: 'safety-office-director', role: 'command' },
    '区安委办主任',
    'District safety office director',
  ),
];

function login(name: string, actor: Actor, zh: string, en: string): DemoLogin {
  return { token: `demo-${name}`, actor, label: { zh, en } };
}

async function main() {
  const modules = await loadHttpModules();
  if ('missing' in modules) {
    console.error(`pnpm desk needs the HTTP service: ${modules.missing}`);
    process.exit(1);
  }
  if (!modules.createSqliteStore) throw new Error('@hazardflow/store-sqlite is not available');
  if (!existsSync(db)) {
    console.log(`No database at ${db}: running the district simulation first (pnpm demo)…`);
    execFileSync('pnpm', ['--filter', '@hazardflow/example-district-simulation', 'start', '--out', dirname(db)], {
      cwd: repo,
      stdio: 'inherit',
    });
  }
  ensureDeskBuilt();

  const store = modules.createSqliteStore({ filename: db });
  const engine = modules.createEngine({ packs: modules.packs, store });
  const tokens = new Map(LOGINS.map((l) => [l.token, l.actor as Actor]));
  // The desk in one line: @hazardflow/http serves it under /desk, with the demo logins beside it.
  const app = modules.createHttpApp(engine, {
    packs: modules.packs,
    authenticate: bearerTokens(tokens),
    desk: { demoLogins: LOGINS },
  });
  const server = await startDeskServer({ app, port });
  if (values.timers) engine.start();

  console.log(`\nhazardflow desk: ${server.base}/desk/   (API: ${server.base}/reference)`);
  console.log(`database: ${db}${values.timers ? '' : '  (timers not running; --timers runs them)'}\n`);
  console.log('Demo logins (pick one on the login screen, or paste the token):');
  for (const l of LOGINS) {
    console.log(
      `  ${l.token.padEnd(26)} ${l.actor.role.padEnd(11)} ${l.actor.id}${l.actor.org ? ` @ ${l.actor.org}` : ''}`,
    );
  }
  console.log('\nCtrl-C stops the service.');

  const stop = async () => {
    if (values.timers) await engine.stop();
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
