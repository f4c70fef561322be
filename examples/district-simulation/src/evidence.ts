import {
  type Actor,
  type EvidenceRef,
  type EvidenceStep,
  evidenceRequirements,
  type PolicyPack,
} from '@hazardflow/core';

/**
 * Evidence references that meet exactly what the pack asks of a step for a category and the
 * acting role: the right kinds, enough of each, and by different people where the pack says
 * so (a fire inspection record signed by two inspectors). References only: hazardflow never
 * stores files, so the URIs point at an imaginary evidence bucket.
 */
export function evidenceFor(
  pack: PolicyPack,
  category: string,
  step: EvidenceStep,
  actor: Actor,
  at: string,
  options: { caseKey: string; colleagues?: readonly Actor[] },
): EvidenceRef[] {
  const people = [actor, ...(options.colleagues ?? [])];
  const refs: EvidenceRef[] = [];
  for (const requirement of evidenceRequirements(pack, category, step, actor.role)) {
    for (let i = 0; i < requirement.min; i++) {
      const by = requirement.distinctBy ? (people[i % people.length] ?? actor) : actor;
      refs.push({
        kind: requirement.kind,
        uri: `oss://district-evidence/${options.caseKey}/${step}/${requirement.kind}-${i + 1}`,
        by: by.id,
        at,
      });
    }
  }
  return refs;
}
