import type { CategoryAppraisal } from '../pack/schema';
import type { RoleRef } from '../party';
import type { Severity } from '../vocabulary';
import { delayUntil, eventTime, iso } from './case-time';
import { appraisalOf } from './category-appraisal';
import { enqueue, eventOf } from './hazard-action-kit';
import type { Appraisal, HazardContext } from './hazard-context';
import type { HazardNotification } from './hazard-events';
import { notifierOf } from './hazard-notification';
import { imminentDangerStart, interimDueTimer } from './imminent-danger-actions';
import type { MachineRuntime } from './machine-runtime';
import { recordCommand } from './record-command';
import { TIMER_IDS } from './timer-ids';

/** Who is told that an appraisal is late: the department that waits for it and the committee [default]. */
const APPRAISAL_OVERDUE_ROLES: readonly RoleRef[] = Object.freeze(['regulator', 'command']) as readonly RoleRef[];

/**
 * What triage starts for a case of a category with `appraisal` (初判 → 鉴定): the pending
 * appraisal, due `within` on the working-day calendar, and the timer that checks it.
 * Undefined for any other category.
 */
export function appraisalStart(rt: MachineRuntime, context: HazardContext, category: string, at: string) {
  const rule = appraisalOf(rt.policyOf(context), category);
  if (!rule) return undefined;
  const dueAt = iso(rt.calendar.addDuration(at, rule.within));
  const pending: Appraisal = { status: 'pending', dueAt };
  const timer = [
    { type: 'TIMER.APPRAISAL_DUE' as const, at: dueAt },
    { id: TIMER_IDS.appraisalDue, delay: delayUntil(dueAt, at) },
  ] as const;
  return { pending, timer };
}

/** Where a case graded `severity` starts on the ladder; case-actions' own rule, passed in. */
export type StartingLevel = (
  context: HazardContext,
  severity: Severity,
  at: string,
) => { fields: Partial<HazardContext>; notice: HazardNotification | undefined };

/**
 * Recording the appraisal and what it does to the case, and the notice of a late one.
 *
 * The appraisal is the grade (JGJ 125-2016): the case becomes the category its grade maps to
 * and is classified again, so severity and imminent danger are the new category's. Raised to
 * major, it starts where a major hazard starts (as CONFIRM_GRADE does); lowered, the rung and
 * listing stay (ending them is the listing authority's act). Imminent danger (C and D: stop
 * use, 《城市危险房屋管理规定》 Art. 10) starts the interim-control deadline from now. A grade
 * that maps to no category (A: no danger) keeps the category and records the result only:
 * the regulator then dismisses the case (DISMISS, `invalid`) [default].
 */
export function createAppraisalActions(rt: MachineRuntime, startingLevel: StartingLevel) {
  const notification = notifierOf(rt.pack);
  return {
    recordAppraisal: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'RECORD_APPRAISAL');
      const { grade, reportNo, appraiser, at } = command;
      const rule = appraisalOf(rt.policyOf(context), context.category) as CategoryAppraisal;
      const target = rule.gradeCategories[grade];
      const recorded: Appraisal = { status: 'recorded', grade, reportNo, appraiser, at };
      const by = `appraisal ${reportNo} by ${appraiser}: grade ${grade}`;
      const source = rule.source !== undefined ? ` (${rule.source})` : '';
      enqueue.cancel(TIMER_IDS.appraisalDue);
      if (target === null) {
        enqueue.assign({
          ...recordCommand(context, event),
          appraisal: recorded,
          classificationReasons: [...context.classificationReasons, `${by}, no dangerous-house category${source}`],
        });
        return;
      }
      const graded = rt.classify(context, { category: target, findings: context.findings, at });
      const severity = graded.severity;
      const imminentDanger = context.imminentDanger || graded.imminentDanger;
      const regraded = { ...context, category: target, severity, imminentDanger };
      const start =
        severity === 'major' && context.severity !== 'major' ? startingLevel(regraded, severity, at) : undefined;
      enqueue.assign({
        ...recordCommand(context, event),
        appraisal: recorded,
        category: target,
        severity,
        imminentDanger,
        classificationReasons: [
          ...context.classificationReasons,
          `${by}, graded as ${target}${source}`,
          ...graded.reasons,
        ],
        ...start?.fields,
      });
      if (start?.notice) enqueue.emit(start.notice);
      const danger = imminentDanger ? imminentDangerStart(rt, { ...regraded, ...start?.fields }, at) : undefined;
      if (danger) {
        enqueue.assign({ interimDueAt: danger.interimDueAt });
        enqueue.emit(danger.notice);
        if (danger.timer) enqueue.raise(...interimDueTimer(danger.interimDueAt, at));
      }
    }),
    /** The appraisal is still pending at its deadline: the regulator and the committee are told. */
    notifyAppraisalOverdue: enqueue(({ context, event, enqueue }) => {
      const appraisal = context.appraisal;
      if (appraisal?.status !== 'pending') return;
      if (context.closedAt !== null || context.dismissReason !== null || context.transferredTo !== null) return;
      enqueue.emit({
        ...notification(
          context,
          eventTime(event),
          'appraisal_overdue',
          APPRAISAL_OVERDUE_ROLES,
          `appraisal not recorded by ${appraisal.dueAt}`,
        ),
        dueAt: appraisal.dueAt,
      });
    }),
  };
}
