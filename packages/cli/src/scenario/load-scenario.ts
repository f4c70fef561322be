import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { type Actor, formatIssuePath } from '@hazardflow/core';
import type { z } from 'zod';
import { CliError } from '../cli-error';
import { assertFile, displayPath } from '../load-pack';
import { dataFormatOf, parseData } from '../parse-data';
import { type ActorRef, type Scenario, type ScenarioStep, scenarioSchema, stepSchemaFor } from './scenario-schema';

/** A problem in a scenario file: where, and why. */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

/** Reads a scenario file (JSON or YAML) and checks it; throws `CliError` INVALID_SCENARIO listing every problem. */
export async function loadScenario(spec: string, cwd: string): Promise<Scenario> {
  const path = isAbsolute(spec) ? spec : resolve(cwd, spec);
  const shown = displayPath(spec, path, cwd);
  await assertFile(path, shown, { zh: '场景', en: 'scenario' });
  const format = dataFormatOf(path);
  if (!format) {
    throw new CliError('UNSUPPORTED_FILE', {
      zh: `${shown}：场景文件须为 .json、.yaml 或 .yml 文件`,
      en: `${shown}: a scenario is a .json, .yaml or .yml file`,
    });
  }
  const data = parseData(await readFile(path, 'utf8'), format, shown);
  const checked = checkScenario(data);
  if (!checked.success) {
    const n = checked.issues.length;
    const lines = checked.issues.map((issue) => `- ${issue.path || '(scenario)'}: ${issue.message}`).join('\n');
    throw new CliError('INVALID_SCENARIO', {
      zh: `${shown} 不是有效的场景（${n} 个问题）：\n${lines}`,
      en: `${shown} is not a valid scenario (${n} ${n === 1 ? 'problem' : 'problems'}):\n${lines}`,
    });
  }
  return checked.scenario;
}

/** Checks parsed scenario data: its shape, each step, and that every actor named is declared. */
export function checkScenario(
  data: unknown,
): { success: true; scenario: Scenario } | { success: false; issues: ScenarioIssue[] } {
  const parsed = scenarioSchema.safeParse(data);
  const issues: ScenarioIssue[] = parsed.success ? [] : issuesOf(parsed.error, []);
  // Steps and actor names are checked even when the top level is wrong, so one run lists every problem.
  const raw = (typeof data === 'object' && data !== null ? data : {}) as { steps?: unknown; actors?: unknown };
  const rawSteps = Array.isArray(raw.steps) ? raw.steps : [];
  const actors = scenarioSchema.shape.actors.safeParse(raw.actors);
  const declared = actors.success ? actors.data : undefined;
  const checkActor = (ref: unknown, path: string) => {
    if (typeof ref !== 'string' || declared === undefined || Object.hasOwn(declared, ref)) return;
    const known = Object.keys(declared);
    issues.push({
      path,
      message: `no actor "${ref}" under actors${known.length > 0 ? ` (declared: ${known.join(', ')})` : ''}`,
    });
  };
  checkActor((raw as { report?: { as?: unknown } }).report?.as, 'report.as');
  const steps: ScenarioStep[] = [];
  rawSteps.forEach((rawStep: unknown, index) => {
    const schema = stepSchemaFor(rawStep);
    if (!schema) {
      issues.push({ path: `steps[${index}]`, message: 'must be a step: { as, send }, { advance } or { expect }' });
      return;
    }
    const step = schema.safeParse(rawStep);
    if (!step.success) {
      issues.push(...issuesOf(step.error, ['steps', index]));
      return;
    }
    steps.push(step.data as ScenarioStep);
    if ('send' in (step.data as object)) checkActor((step.data as { as: unknown }).as, `steps[${index}].as`);
  });
  if (!parsed.success || issues.length > 0) return { success: false, issues };
  return { success: true, scenario: { ...parsed.data, steps } };
}

/** The actor a reference names (already checked to exist). */
export function resolveActor(scenario: Scenario, ref: ActorRef): Actor {
  return typeof ref === 'string' ? (scenario.actors[ref] as Actor) : ref;
}

/**
 * zod issues as `path: message`. A union that matched no branch is reported through the
 * branch that got furthest (its first issue has the longest path), which is the one the
 * author meant; zod's own "invalid input" says nothing useful.
 */
function issuesOf(error: z.ZodError, base: PropertyKey[]): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const visit = (issue: z.core.$ZodIssue, prefix: PropertyKey[]) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const depth = (branch: z.core.$ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      if (depth(best) > 0) {
        for (const inner of best) visit(inner, path);
        return;
      }
    }
    out.push({ path: formatIssuePath(path), message: messageOf(issue) });
  };
  for (const issue of error.issues) visit(issue, base);
  // A refinement over an object that already has a problem (an unknown key) only repeats it.
  const custom = new Set(error.issues.filter((i) => i.code === 'custom').map((i) => i.message));
  return out.filter(
    (issue, index) => !custom.has(issue.message) || !out.some((other, j) => j !== index && other.path === issue.path),
  );
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return 'is required';
  return issue.message;
}
