/**
 * Loads @hazardflow/http and the engine it serves. By package name once the http package is
 * in the workspace; before that, from a checkout named by HAZARDFLOW_HTTP_ROOT (its sources,
 * with the engine and packs of the same checkout, so every module shares one core).
 */
import type { Actor } from '@hazardflow/core';

// Loose types: the desk talks to the service over HTTP only; these are for wiring it up.
// biome-ignore lint/suspicious/noExplicitAny: modules loaded at run time, typed by their use here
type Loose = any;

export interface HttpModules {
  createHttpApp: (engine: Loose, options: Loose) => Loose;
  createEngine: (options: Loose) => Loose;
  createMemoryStore: () => Loose;
  packs: Loose[];
  createSqliteStore: ((options: { filename: string; durability?: string }) => Loose) | undefined;
  from: string;
}

export async function loadHttpModules(): Promise<HttpModules | { missing: string }> {
  const root = process.env.HAZARDFLOW_HTTP_ROOT;
  const load = async (spec: string, file: string): Promise<Loose> =>
    root ? import(/* @vite-ignore */ `${root}/packages/${file}`) : import(/* @vite-ignore */ spec);
  let http: Loose;
  try {
    http = await load('@hazardflow/http', 'http/src/index.ts');
  } catch (error) {
    return {
      missing: `@hazardflow/http cannot be loaded (${(error as Error).message.split('\n')[0]}); it is not merged yet — set HAZARDFLOW_HTTP_ROOT to a checkout that has it`,
    };
  }
  const engine = await load('@hazardflow/engine', 'engine/src/index.ts');
  const fire = await load('@hazardflow/policy-fire', 'policy-fire/src/index.ts');
  const building = await load('@hazardflow/policy-building', 'policy-building/src/index.ts');
  const traffic = await load('@hazardflow/policy-traffic', 'policy-traffic/src/index.ts');
  let sqlite: Loose;
  try {
    sqlite = await load('@hazardflow/store-sqlite', 'store-sqlite/src/index.ts');
  } catch {
    sqlite = undefined;
  }
  return {
    createHttpApp: http.createHttpApp,
    createEngine: engine.createEngine,
    createMemoryStore: engine.createMemoryStore,
    packs: [fire.firePack, building.buildingPack, traffic.trafficPack],
    createSqliteStore: sqlite?.createSqliteStore,
    from: root ?? 'workspace',
  };
}

/** A bearer-token table: the application's `authenticate` hook, as the example service has it. */
export function bearerTokens(tokens: ReadonlyMap<string, Actor>) {
  return (request: Request): Actor | null => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    return token === undefined ? null : (tokens.get(token) ?? null);
  };
}
