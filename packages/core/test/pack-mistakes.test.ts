import { definePolicyPack, PolicyPackError, type PolicyPackInput, validatePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { withChanges } from './fixtures/set-path';

const ladder = referencePack.escalation.ladder;

/**
 * Mistakes pack authors really make, each with the exact lines an author reads. A change
 * is a path (as issues print it) and the value written there; `undefined` deletes.
 */
const mistakes: { mistake: string; changes: Record<string, unknown>; expected: string[] }[] = [
  {
    mistake: 'an escalation level that comes before the one below it',
    changes: { 'escalation.ladder[2].after': { days: 2 } },
    expected: ['escalation.ladder[2].after: must come after level 2 (3 working days), but is 2 days'],
  },
  {
    mistake: 'two levels reached at the same nominal time in different units',
    changes: { 'escalation.ladder[1].after': { days: 1 }, 'escalation.ladder[0].after': { workingDays: 1 } },
    expected: ['escalation.ladder[1].after: must come after level 1 (1 working day), but is 1 day'],
  },
  {
    mistake: 'a gap in the level numbers',
    changes: { 'escalation.ladder[2].level': 4, 'escalation.ladder[3].level': 5 },
    expected: [
      'escalation.ladder[2].level: must be 3: levels are numbered 1, 2, 3 … in ladder order, got 4',
      'escalation.ladder[3].level: must be 4: levels are numbered 1, 2, 3 … in ladder order, got 5',
    ],
  },
  {
    mistake: 'a level defined twice',
    changes: { 'escalation.ladder[2].level': 2 },
    expected: [
      'escalation.ladder[2].level: level 2 is already defined by escalation.ladder[1]; levels are numbered 1, 2, 3 … in ladder order',
    ],
  },
  {
    mistake: 'reminders slower than the next level',
    changes: { 'escalation.ladder[0].repeat.every': { workingDays: 3 } },
    expected: [
      'escalation.ladder[0].repeat.every: 3 working days must be shorter than the time from level 1 (1 day) to level 2 (3 working days)',
    ],
  },
  {
    mistake: 'a start level above the top of the ladder',
    changes: { 'escalation.startLevel.major': 5 },
    expected: ['escalation.startLevel.major: must be at most 4 (the ladder has 4 levels), got 5'],
  },
  {
    mistake: 'general hazards starting higher on the ladder than major ones',
    changes: { 'escalation.startLevel.general': 4 },
    expected: ['escalation.startLevel.general: a general hazard would start above a major one (level 4 > level 3)'],
  },
  {
    mistake: 'a category copied and pasted without changing its id',
    changes: {
      'categories[3]': { ...referencePack.categories[0], name: { zh: '消防车道堵塞', en: 'Fire lane blocked' } },
    },
    expected: ['categories[3].id: "exits_blocked" is already used by categories[0]'],
  },
  {
    mistake: 'a rule naming a category with a typo',
    changes: { 'severityRules[1].categories': ['ebike_corridors'] },
    expected: ['severityRules[1].categories[0]: unknown category "ebike_corridors"; did you mean "ebike_corridor"?'],
  },
  {
    mistake: 'a season naming a category from another pack',
    changes: { 'seasons[1].categories': ['gas_leak'] },
    expected: [
      'seasons[1].categories[0]: unknown category "gas_leak"; the pack declares exits_blocked, ebike_corridor, three_in_one',
    ],
  },
  {
    mistake: 'a misspelt place type',
    changes: { 'categories[1].placeTypes': ['resdential'] },
    expected: ['categories[1].placeTypes[0]: unknown place type "resdential"; did you mean "residential"?'],
  },
  {
    mistake: 'a deadline of zero',
    changes: { 'deadlines.rectify.general': { days: 0 } },
    expected: ['deadlines.rectify.general.days: must be greater than 0, got 0'],
  },
  {
    mistake: 'a deadline of a century (a zero too many)',
    changes: { 'deadlines.rectify.major': { days: 36_500 } },
    expected: ['deadlines.rectify.major.days: must be at most 3650 days (ten years), got 36500'],
  },
  {
    mistake: 'a deadline written as a bare number',
    changes: { 'deadlines.notice': 3 },
    expected: [
      'deadlines.notice: must be a duration such as { days: 3 }, { workingDays: 3 } or { hours: 3 }, not a bare number',
    ],
  },
  {
    mistake: 'a deadline in two units at once',
    changes: { 'deadlines.verify': { days: 1, hours: 12 } },
    expected: [
      'deadlines.verify: must be a duration with exactly one unit, such as { workingDays: 3 }, { days: 7 }, { hours: 24 } or { minutes: 30 }',
    ],
  },
  {
    mistake: 'working days as a fraction',
    changes: { 'deadlines.acknowledge': { workingDays: 0.5 } },
    expected: ['deadlines.acknowledge.workingDays: must be a whole number of working days, got 0.5'],
  },
  {
    mistake: 'hours as a fraction',
    changes: { 'deadlines.triage': { hours: 1.5 } },
    expected: ['deadlines.triage.hours: must be a whole number of hours, got 1.5 (write { minutes: 90 })'],
  },
  {
    mistake: 'days as a fraction',
    changes: { 'escalation.warnBefore': { days: 0.5 } },
    expected: ['escalation.warnBefore.days: must be a whole number of days, got 0.5 (write { hours: 12 })'],
  },
  {
    mistake: 'minutes as a fraction',
    changes: { 'deadlines.verify': { minutes: 0.5 } },
    expected: ['deadlines.verify.minutes: must be a whole number of minutes, got 0.5'],
  },
  {
    mistake: 'a step warning as long as the step deadline',
    changes: {
      'deadlines.triage': { hours: 2 },
      'escalation.warnBeforeByStep': { triage: { minutes: 120 }, rectify: { workingDays: 1 } },
    },
    expected: [
      'escalation.warnBeforeByStep.triage: must be shorter than the triage deadline it warns about: 120 minutes is not shorter than 2 hours (deadlines.triage), so the warning would be skipped',
    ],
  },
  {
    mistake: 'a step warning for a step that is not tracked (acknowledgement escalates by the ladder)',
    changes: { 'escalation.warnBeforeByStep': { acknowledge: { hours: 1 } } },
    expected: [
      'escalation.warnBeforeByStep.acknowledge: unknown field; expected one of triage, notice, plan, planReview, rectify, verify, acceptance',
    ],
  },
  {
    mistake: 'a misspelt field (and so a missing one)',
    changes: { 'deadlines.rectfy': referencePack.deadlines.rectify, 'deadlines.rectify': undefined },
    expected: ['deadlines.rectify: is required', 'deadlines.rectfy: unknown field; did you mean "rectify"?'],
  },
  {
    mistake: 'a forgotten deadline',
    changes: { 'deadlines.verify': undefined },
    expected: ['deadlines.verify: is required'],
  },
  {
    mistake: 'a category without its default severity',
    changes: { 'categories[1].defaultSeverity': undefined },
    expected: ['categories[1].defaultSeverity: is required'],
  },
  {
    mistake: 'a role the library does not have',
    changes: { 'escalation.ladder[0].notify': ['grid_worker'] },
    expected: [
      'escalation.ladder[0].notify[0]: unknown role "grid_worker": not a built-in role nor a party the pack declares in "parties" (known: reporter, responsible, territory, regulator, command, system)',
    ],
  },
  {
    mistake: 'a misspelt severity',
    changes: { 'categories[2].defaultSeverity': 'majr' },
    expected: [
      'categories[2].defaultSeverity: must be one of "general" or "major", got "majr" (did you mean "major"?)',
    ],
  },
  {
    mistake: 'a command given to the system actor',
    changes: { permissions: { TRIAGE: ['regulator', 'system'] } },
    expected: [
      'permissions.TRIAGE[1]: "system" may not be given commands: timers act through events, and every command is a person\'s decision',
    ],
  },
  {
    mistake: 'a command nobody may issue',
    changes: { permissions: { VERIFY: [] } },
    expected: ['permissions.VERIFY: nobody may VERIFY, but every case needs it; name a role'],
  },
  {
    mistake: 'a misspelt command',
    changes: { permissions: { VERIFYY: ['regulator'] } },
    expected: ['permissions.VERIFYY: unknown field; did you mean "VERIFY"?'],
  },
  {
    mistake: 'an interim control listed twice',
    changes: { 'steps.interimControls': ['seal', 'evacuate', 'seal'] },
    expected: ['steps.interimControls[2]: "seal" is listed twice'],
  },
  {
    mistake: 'a season ending on a day that does not exist',
    changes: { 'seasons[0].windows[0].to': '02-30' },
    expected: ['seasons[0].windows[0].to: "02-30" is not a date on the calendar'],
  },
  {
    mistake: 'a dated season window written backwards',
    changes: { 'seasons[1].windows[0]': { from: '2026-03-03', to: '2026-02-10' } },
    expected: ['seasons[1].windows[0].to: must not be before from (2026-03-03), got 2026-02-10'],
  },
  {
    mistake: 'a season window mixing yearly and dated ends',
    changes: { 'seasons[1].windows[0]': { from: '2026-02-10', to: '03-03' } },
    expected: [
      'seasons[1].windows[0]: from and to must both be MM-DD (every year) or both YYYY-MM-DD (one period), got "2026-02-10" and "03-03"',
    ],
  },
  {
    mistake: 'a season that does nothing',
    changes: { 'seasons[0].deadlineFactor': undefined },
    expected: ['seasons[0]: changes nothing: set deadlineFactor, raiseSeverityTo or both'],
  },
  {
    mistake: 'a season that sets the legal grade in a pack that lists by decision',
    changes: { 'escalation.listing': 'decision' },
    expected: [
      'seasons[1].raiseSeverityTo: a season never sets the legal grade (重大事故隐患 is decided by the rules and confirmed by people); shorten deadlines with deadlineFactor instead',
    ],
  },
  {
    mistake: 'a season that lengthens deadlines',
    changes: { 'seasons[0].deadlineFactor': 2 },
    expected: ['seasons[0].deadlineFactor: must be at most 1, got 2'],
  },
  {
    mistake: 'a composite threshold above the number of elements',
    changes: { 'severityRules[0].thresholds[1].atLeast': 7 },
    expected: ['severityRules[0].thresholds[1].atLeast: can never be reached: the rule lists 6 elements, got 7'],
  },
  {
    mistake: 'a number compared as text (copied from a spreadsheet)',
    changes: { 'severityRules[1].all[0].value': '3' },
    expected: ['severityRules[1].all[0].value: "gte" compares numbers, got "3"'],
  },
  {
    mistake: 'a rule that would lower a case',
    changes: { 'severityRules[1].outcome': { severity: 'general' } },
    expected: [
      'severityRules[1].outcome: changes nothing: rules only raise a case, so set severity "major", imminentDanger true or both',
    ],
  },
  {
    mistake: 'a rule kind that does not exist',
    changes: { 'severityRules[1].kind': 'threshold' },
    expected: ['severityRules[1].kind: must be one of "conditions" or "composite", got "threshold"'],
  },
  {
    mistake: 'two inspectors asked for with min 1',
    changes: { 'evidence.verification[0].min': 1 },
    expected: [
      'evidence.verification[0].distinctBy: has no effect with min 1; set min to 2 or more (e.g. two inspectors)',
    ],
  },
  {
    mistake: 'the same evidence required twice',
    changes: { 'evidence.notice[2]': { kind: 'notice_document' } },
    expected: [
      'evidence.notice[2].kind: "notice_document" is already required by evidence.notice[0]; raise its min instead',
    ],
  },
  {
    mistake: 'acknowledgement switched off while the ladder waits for it',
    changes: { 'steps.acknowledgement': false },
    expected: [
      'escalation.ladder[0].unacknowledgedAfter: has no effect: the pack has no acknowledgement step (steps.acknowledgement is false)',
    ],
  },
  {
    mistake: 'plan evidence in a pack without plans',
    changes: { 'steps.majorPlan': false },
    expected: ['evidence.plan: is never asked for: the pack has no plan step (steps.majorPlan is false)'],
  },
  {
    mistake: 'an id in capitals',
    changes: { 'categories[0].id': 'Exits-Blocked' },
    expected: [
      'categories[0].id: must be lower-case letters, digits, "-" or "_", starting with a letter, got "Exits-Blocked"',
    ],
  },
  {
    mistake: 'a version that is not semver',
    changes: { version: '1.0' },
    expected: ['version: must be a semantic version such as 1.2.0, got "1.0"'],
  },
  {
    mistake: 'a misspelt time zone',
    changes: { timeZone: 'Asia/Shangai' },
    expected: ['timeZone: "Asia/Shangai" is not a known IANA time zone (such as "Asia/Shanghai")'],
  },
  {
    mistake: 'an override trying to change a category',
    changes: { 'overrides[0].patch': { categories: [] } },
    expected: [
      'overrides[0].patch.categories: unknown field; expected one of deadlines, steps, escalation, evidence, permissions, seasons',
    ],
  },
  {
    mistake: 'an override whose ladder is out of order',
    changes: { 'overrides[0].patch': { escalation: { ladder: [ladder[0], { ...ladder[1], after: { hours: 12 } }] } } },
    expected: [
      'overrides[0].patch.escalation.ladder[1].after: must come after level 1 (1 day), but is 12 hours',
      'overrides[0].patch: once applied, escalation.startLevel.major: must be at most 2 (the ladder has 2 levels), got 3',
    ],
  },
  {
    mistake: 'an override that matches nothing',
    changes: { 'overrides[1].match': { territories: [] } },
    expected: ['overrides[1].match.territories: an empty list matches nothing; name territories or remove it'],
  },
  {
    mistake: 'an override with no match at all',
    changes: { 'overrides[1].match': {} },
    expected: ['overrides[1].match: must name sites, territories or siteAttributes'],
  },
  {
    mistake: 'a prototype-pollution payload in an override patch',
    changes: { 'overrides[0].patch': JSON.parse('{"__proto__": {"polluted": true}}') },
    expected: [
      'overrides[0].patch.__proto__: "__proto__" is not allowed as a key: it could change the prototype of every object',
    ],
  },
  {
    mistake: 'a "constructor" key hidden in a nested patch',
    changes: { 'overrides[0].patch': { deadlines: { constructor: { prototype: { polluted: true } } } } },
    expected: [
      'overrides[0].patch.deadlines.constructor: "constructor" is not allowed as a key: it could change the prototype of every object',
    ],
  },
];

describe('realistic mistakes in a pack', () => {
  it('has a reference pack that is valid to begin with', () => {
    expect(validatePolicyPack(referencePack).success).toBe(true);
  });

  it.each(mistakes)('$mistake', ({ changes, expected }) => {
    const result = validatePolicyPack(withChanges(referencePack, changes));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual(expected);
  });

  it('gives each kind of problem a stable code', () => {
    const codes = (changes: Record<string, unknown>) => {
      const result = validatePolicyPack(withChanges(referencePack, changes));
      return result.success ? [] : result.issues.map((issue) => issue.code);
    };
    expect(codes({ 'escalation.ladder[2].after': { days: 2 } })).toEqual(['ladder_order']);
    expect(codes({ 'deadlines.verify': undefined })).toEqual(['required']);
    expect(codes({ 'deadlines.notice': 3 })).toEqual(['invalid_duration']);
    expect(codes({ 'severityRules[1].categories': ['nope'] })).toEqual(['unknown_category']);
    expect(codes({ 'categories[0].colour': 'red' })).toEqual(['unknown_field']);
    expect(codes({ 'overrides[0].patch': JSON.parse('{"__proto__": {}}') })).toEqual(['dangerous_key']);
  });

  it('throws PolicyPackError from definePolicyPack with the issues as data and a readable message', () => {
    const input = withChanges(referencePack, {
      'escalation.ladder[2].after': { days: 2 },
      'escalation.startLevel.major': 5,
    }) as PolicyPackInput;
    let caught: unknown;
    try {
      definePolicyPack(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PolicyPackError);
    const error = caught as PolicyPackError;
    expect(error.name).toBe('PolicyPackError');
    expect(error.issues).toEqual([
      {
        path: 'escalation.ladder[2].after',
        code: 'ladder_order',
        message: 'must come after level 2 (3 working days), but is 2 days',
      },
      {
        path: 'escalation.startLevel.major',
        code: 'start_level_out_of_range',
        message: 'must be at most 4 (the ladder has 4 levels), got 5',
      },
    ]);
    expect(error.message).toBe(
      [
        'Invalid policy pack "reference-fire@1.0.0" (2 problems):',
        '- escalation.ladder[2].after: must come after level 2 (3 working days), but is 2 days',
        '- escalation.startLevel.major: must be at most 4 (the ladder has 4 levels), got 5',
      ].join('\n'),
    );
    expect(Object.isFrozen(error.issues)).toBe(true);
  });

  it('reports a problem the pack already has once, not again for every override', () => {
    const result = validatePolicyPack(withChanges(referencePack, { timeZone: 'Asia/Shangai' }));
    expect(result.success ? [] : result.issues.map((issue) => issue.path)).toEqual(['timeZone']);
  });
});
