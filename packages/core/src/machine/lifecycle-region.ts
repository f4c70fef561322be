import type { EscalationLevel } from '../pack/schema';
import type { HazardSetup } from './hazard-setup';
import { TIMER_IDS } from './timer-ids';

/**
 * The closed loop of DOMAIN.md (隐患排查治理闭环) as a region of the hazard machine.
 *
 * General: reported → triaged → (FIX_ON_SPOT → closed) | ISSUE_NOTICE → noticeIssued →
 *          rectifying → verifying → closed (VERIFY fail → rectifying)
 * Major:   triaged → ISSUE_NOTICE → planPending (drafting ⇄ underReview) → supervised (挂牌督办)
 *          → verifying (acceptance 核销) → closed (销号)
 * Side:    DISMISS, TRANSFER from reported / triaged; REOPEN within the follow-up window;
 *          ASSIGN in every open state, CHANGE_RESPONSIBLE in every open state after reported.
 *
 * Guards name the rule they check; the engine reports the same rules as precise errors.
 */
export function lifecycleRegion(s: HazardSetup, ladder: readonly EscalationLevel[]) {
  const unacknowledgedLevels = ladder.filter((l) => l.unacknowledgedAfter !== undefined).map((l) => l.level);
  const dismissAndTransfer = {
    DISMISS: { guard: 'mayDismiss', target: 'dismissed', actions: 'dismiss' },
    TRANSFER: { guard: 'mayTransfer', target: 'transferred', actions: 'transfer' },
  } as const;
  // Who works the case changes while it is open: the officer from the report on, the
  // responsible party once triage has looked at the report (docs/lifecycle.md).
  const assign = { ASSIGN: { guard: 'mayAssign', actions: 'assignOfficer' } } as const;
  const changeResponsible = {
    CHANGE_RESPONSIBLE: { guard: 'mayChangeResponsible', actions: 'changeResponsible' },
  } as const;
  const whoWorksIt = { ...assign, ...changeResponsible } as const;
  const submitRectification = {
    SUBMIT_RECTIFICATION: { guard: 'maySubmitRectification', target: 'verifying', actions: 'submitRectification' },
  } as const;

  return s.createStateConfig({
    initial: 'reported',
    states: {
      reported: {
        entry: { type: 'trackStep', params: { step: 'triage' } },
        on: {
          TRIAGE: { guard: 'mayTriage', target: 'triaged', actions: 'grade' },
          ...dismissAndTransfer,
          ...assign,
        },
      },
      triaged: {
        entry: { type: 'trackStep', params: { step: 'notice' } },
        on: {
          // The grade is decided before the notice fixes the path (a major hazard's plan).
          CONFIRM_GRADE: { guard: 'mayConfirmGrade', actions: 'confirmGrade' },
          // The appraisal's grade re-grades the case; re-entering counts the notice step's
          // deadline again from now, for the new category (appraisal-actions.ts).
          RECORD_APPRAISAL: {
            guard: 'mayRecordAppraisal',
            target: 'triaged',
            reenter: true,
            actions: 'recordAppraisal',
          },
          'TIMER.APPRAISAL_DUE': { actions: 'notifyAppraisalOverdue' },
          FIX_ON_SPOT: { guard: 'mayFixOnSpot', target: 'closed', actions: 'closeFixedOnSpot' },
          ISSUE_NOTICE: [
            { guard: 'mayIssueNoticeForPlan', target: 'planPending', actions: 'issueNotice' },
            { guard: 'mayIssueNoticeMajor', target: 'supervised', actions: ['issueNotice', 'setRectifyDeadline'] },
            {
              guard: 'mayIssueNoticeWithAcknowledgement',
              target: 'noticeIssued',
              actions: ['issueNotice', 'setRectifyDeadline'],
            },
            { guard: 'mayIssueNotice', target: 'rectifying', actions: ['issueNotice', 'setRectifyDeadline'] },
          ],
          ...dismissAndTransfer,
          ...whoWorksIt,
        },
      },
      noticeIssued: {
        entry: [
          { type: 'trackStep', params: { step: 'rectify' } },
          'scheduleAcknowledgementDue',
          ...unacknowledgedLevels.map((level) => ({ type: 'scheduleUnacknowledged' as const, params: { level } })),
        ],
        exit: [
          { type: 'cancelTimer', params: { id: TIMER_IDS.ackDue } },
          ...unacknowledgedLevels.map((level) => ({
            type: 'cancelTimer' as const,
            params: { id: TIMER_IDS.unacknowledged(level) },
          })),
        ],
        on: {
          ACKNOWLEDGE: { guard: 'mayAcknowledge', target: 'rectifying', actions: 'acknowledge' },
          'TIMER.ACK_DUE': { actions: 'notifyAcknowledgementOverdue' },
          'TIMER.UNACKNOWLEDGED': { actions: 'escalateUnacknowledged' },
          // Submitting the work implies the notice was received.
          ...submitRectification,
          ...whoWorksIt,
        },
      },
      rectifying: {
        entry: { type: 'trackStep', params: { step: 'rectify' } },
        on: { ...submitRectification, ...whoWorksIt },
      },
      planPending: {
        initial: 'drafting',
        on: whoWorksIt,
        states: {
          drafting: {
            entry: { type: 'trackStep', params: { step: 'plan' } },
            on: { SUBMIT_PLAN: { guard: 'maySubmitPlan', target: 'underReview', actions: 'submitPlan' } },
          },
          underReview: {
            entry: { type: 'trackStep', params: { step: 'planReview' } },
            on: {
              APPROVE_PLAN: {
                guard: 'mayApprovePlan',
                target: '#hazard.lifecycle.supervised',
                actions: ['approvePlan', 'setRectifyDeadline'],
              },
              REJECT_PLAN: { guard: 'mayAct', target: 'drafting', actions: 'rejectPlan' },
            },
          },
        },
      },
      /** Major hazard under listed supervision (挂牌督办), rectifying to the approved plan. */
      supervised: {
        entry: { type: 'trackStep', params: { step: 'rectify' } },
        on: { ...submitRectification, ...whoWorksIt },
      },
      verifying: {
        entry: 'trackVerification',
        on: {
          ...whoWorksIt,
          VERIFY: [
            { guard: 'mayPassVerification', target: 'closed', actions: 'closeVerified' },
            { guard: 'mayFailMajorVerification', target: 'supervised', actions: 'failVerification' },
            { guard: 'mayFailVerification', target: 'rectifying', actions: 'failVerification' },
          ],
        },
      },
      closed: {
        entry: 'endCase',
        initial: 'routing',
        states: {
          routing: { always: [{ guard: 'hasFollowUpWindow', target: 'followUp' }, { target: 'archived' }] },
          /** 回头看: a follow-up check may still find the hazard again and reopen the case. */
          followUp: {
            entry: 'scheduleFollowUpEnd',
            exit: { type: 'cancelTimer', params: { id: TIMER_IDS.followUpEnd } },
            on: {
              'TIMER.FOLLOW_UP_END': 'archived',
              REOPEN: [
                { guard: 'mayReopenMajor', target: '#hazard.lifecycle.supervised', actions: 'reopen' },
                { guard: 'mayReopen', target: '#hazard.lifecycle.rectifying', actions: 'reopen' },
              ],
            },
          },
          archived: { type: 'final' },
        },
      },
      dismissed: { type: 'final', entry: 'endCase' },
      transferred: { type: 'final', entry: 'endCase' },
    },
  });
}

/** Extension requested and decided (延期): the rectification deadline moves when granted. */
export function extensionRegion(s: HazardSetup) {
  return s.createStateConfig({
    initial: 'none',
    on: { 'hazard.ended': '.none' },
    states: {
      none: {
        on: { REQUEST_EXTENSION: { guard: 'mayRequestExtension', target: 'requested', actions: 'requestExtension' } },
      },
      requested: {
        on: { DECIDE_EXTENSION: { guard: 'mayAct', target: 'none', actions: 'decideExtension' } },
      },
    },
  });
}

/** Interim control measures (evacuate / suspend / seal) that must be lifted before acceptance. */
export function interimControlRegion(s: HazardSetup) {
  return s.createStateConfig({
    initial: 'none',
    states: {
      none: {
        on: {
          START_INTERIM_CONTROL: { guard: 'mayStartInterimControl', target: 'active', actions: 'startInterimControl' },
          'TIMER.INTERIM_DUE': { actions: 'notifyInterimControlOverdue' },
        },
      },
      active: {
        entry: { type: 'cancelTimer', params: { id: TIMER_IDS.interimDue } },
        on: {
          START_INTERIM_CONTROL: { guard: 'mayStartInterimControl', actions: 'startInterimControl' },
          LIFT_INTERIM_CONTROL: [
            { guard: 'mayLiftLastInterimControl', target: 'none', actions: 'liftInterimControl' },
            { guard: 'mayLiftInterimControl', actions: 'liftInterimControl' },
          ],
        },
      },
    },
  });
}
