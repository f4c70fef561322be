import type { Actor } from '@hazardflow/core';

/**
 * The demo's users: a bearer token per person, each mapped to the actor the engine sees.
 * A real service checks a session or an identity provider's token in `authenticate` instead;
 * these tokens are printed at start-up and are for trying the service on a laptop only.
 */
export const DEMO_TOKENS: Readonly<Record<string, Actor>> = Object.freeze({
  /** A grid worker (网格员) of East Street: reports, sees East Street's cases. */
  'demo-grid-east': { id: 'grid-east-7', role: 'territory', org: 'street-east' },
  /** A grid worker of West Street: East Street's cases are not theirs (404). */
  'demo-grid-west': { id: 'grid-west-3', role: 'territory', org: 'street-west' },
  /** The lead fire inspector: triages, serves notices. */
  'demo-fire-inspector': { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' },
  /** A second fire inspector: re-inspects (verifies). */
  'demo-fire-inspector-2': { id: 'fire-inspector-2', role: 'regulator', org: 'fire-rescue' },
  /** The property manager of Greenview Garden, the responsible party (责任单位). */
  'demo-greenview': { id: 'greenview-manager', role: 'responsible', org: 'greenview-property' },
  /** The district safety committee's duty officer (区安委办): sees everything, reads assessment. */
  'demo-command': { id: 'duty-officer', role: 'command', org: 'command' },
});

/** The actor for an `Authorization: Bearer <token>` header, or null. */
export function actorOfRequest(request: Request): Actor | null {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return token !== undefined && Object.hasOwn(DEMO_TOKENS, token) ? (DEMO_TOKENS[token] ?? null) : null;
}
