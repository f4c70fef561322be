import type { Actor } from '@hazardflow/core';
import { type DemoLogin, type DeskServer, startDeskServer } from '../../scripts/desk-server';

export { ensureDeskBuilt } from '../../scripts/ensure-built';

import { bearerTokens, type HttpModules } from '../../scripts/load-http';

/** The people of the browser scenario (the http package's own test cast), one token each. */
export const people = {
  gridWorker: { id: 'grid-east-1', role: 'territory', org: 'street-east' },
  leadInspector: { id: 'inspector-1', role: 'regulator', org: 'fire-rescue' },
  secondInspector: { id: 'inspector-2', role: 'regulator', org: 'fire-rescue' },
  owner: { id: 'manager-1', role: 'responsible', org: 'greenview-property' },
  command: { id: 'duty-officer', role: 'command' },
} as const satisfies Record<string, Actor>;
export type Person = keyof typeof people;

const LABELS: Record<Person, { zh: string; en: string }> = {
  gridWorker: { zh: '网格员（东街道）', en: 'Grid worker (east street)' },
  leadInspector: { zh: '消防主办检查员', en: 'Lead fire inspector' },
  secondInspector: { zh: '消防复查检查员', en: 'Second fire inspector' },
  owner: { zh: '物业公司（责任单位）', en: 'Property manager (responsible party)' },
  command: { zh: '区安委办值班员', en: 'Safety committee duty officer' },
};

const STREETS = ['street-east', 'street-west', 'street-north', 'street-south', 'street-centre'];

/**
 * The real @hazardflow/http app over a memory engine with the three packs, `seed` fire
 * reports spread over five streets, and the desk served beside it.
 */
export async function startDeskService(modules: HttpModules, seed: number): Promise<DeskServer & { engine: unknown }> {
  const engine = modules.createEngine({ packs: modules.packs, store: modules.createMemoryStore() });
  for (let i = 0; i < seed; i++) {
    const street = STREETS[i % STREETS.length] as string;
    const by = `grid-seed-${street}`;
    const result = await engine.report(
      {
        packId: 'fire',
        category: 'ebike-corridor',
        site: { id: `site-${i}`, name: `小区 ${i} 号楼`, placeType: 'high-rise-residential', territory: street },
        responsible: { id: `party-${i % 97}` },
        description: `楼道电动车充电 #${i}`,
        evidence: [{ kind: 'photo', uri: `oss://seed/${i}.jpg`, by, at: new Date().toISOString() }],
      },
      { actor: { id: by, role: 'territory', org: street } },
    );
    if (!result.ok) throw new Error(`seeding case ${i}: ${result.error.code} ${result.error.message}`);
  }
  const tokens = new Map<string, Actor>(Object.entries(people).map(([name, actor]) => [`token-${name}`, actor]));
  const logins: DemoLogin[] = (Object.keys(people) as Person[]).map((name) => ({
    token: `token-${name}`,
    actor: people[name],
    label: LABELS[name],
  }));
  const app = modules.createHttpApp(engine, {
    packs: modules.packs,
    authenticate: bearerTokens(tokens),
    desk: { demoLogins: logins },
  });
  const server = await startDeskServer({ app });
  return { ...server, engine };
}
