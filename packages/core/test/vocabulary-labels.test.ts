import {
  COMMAND_TYPES,
  DISCOVERY_METHODS,
  DISMISS_REASONS,
  ENFORCEMENT_KINDS,
  ESCALATION_ACTIONS,
  EVIDENCE_STEPS,
  GRADE_DECISION_KINDS,
  INTERIM_CONTROLS,
  label,
  type NotificationReason,
  ROLES,
  SEVERITIES,
  STATUSES,
  VOCABULARY_LABELS,
  type VocabularyKind,
} from '@hazardflow/core';
import { describe, expect, expectTypeOf, it } from 'vitest';

/** Every vocabulary list, by the kind its labels are filed under. */
const VOCABULARY: Record<Exclude<VocabularyKind, 'notificationReason'>, readonly string[]> = {
  status: STATUSES,
  role: ROLES,
  command: COMMAND_TYPES,
  interimControl: INTERIM_CONTROLS,
  dismissReason: DISMISS_REASONS,
  evidenceStep: EVIDENCE_STEPS,
  escalationAction: ESCALATION_ACTIONS,
  discoveryMethod: DISCOVERY_METHODS,
  severity: SEVERITIES,
  gradeDecisionKind: GRADE_DECISION_KINDS,
  enforcementKind: ENFORCEMENT_KINDS,
};

const CJK = /[\u4e00-\u9fff]/;

describe('vocabulary labels', () => {
  it.each(Object.entries(VOCABULARY))(
    'every %s has a Chinese and an English label, and no stray entries',
    (kind, ids) => {
      const table = VOCABULARY_LABELS[kind as VocabularyKind] as Record<string, { zh: string; en: string }>;
      for (const id of ids) {
        const entry = table[id];
        expect(entry, `${kind} "${id}" has no label`).toBeDefined();
        expect(entry?.zh.trim(), `${kind} "${id}" zh`).not.toBe('');
        expect(entry?.zh, `${kind} "${id}" zh is Chinese`).toMatch(CJK);
        expect(entry?.en.trim(), `${kind} "${id}" en`).not.toBe('');
      }
      expect(Object.keys(table).sort()).toEqual([...ids].sort());
    },
  );

  it('notification reasons: a Record over the union (the compiler checks completeness), none empty', () => {
    // NotificationReason is a type only; the Record's keys are its values at run time.
    expectTypeOf<keyof typeof VOCABULARY_LABELS.notificationReason>().toEqualTypeOf<NotificationReason>();
    const entries = Object.entries(VOCABULARY_LABELS.notificationReason);
    expect(entries).toHaveLength(22);
    for (const [reason, text] of entries) {
      expect(text.zh, reason).toMatch(CJK);
      expect(text.en.trim(), reason).not.toBe('');
    }
  });

  it('uses the terms districts use', () => {
    expect(STATUSES.map((s) => label('status', s))).toEqual([
      '已登记',
      '已研判',
      '已下达整改通知',
      '整改中',
      '整改方案待审批',
      '挂牌督办中',
      '待复查',
      '已销号',
      '不予立案',
      '已移送',
    ]);
    expect(label('role', 'territory')).toBe('属地');
    expect(label('role', 'regulator')).toBe('监管部门');
    expect(label('role', 'responsible')).toBe('责任单位');
    expect(ESCALATION_ACTIONS.map((a) => label('escalationAction', a))).toEqual(
      expect.arrayContaining(['约谈', '挂牌督办', '曝光', '联合惩戒']),
    );
    expect(label('status', 'closed', 'en')).toBe('Closed');
  });

  it('an id that is not in the vocabulary (untyped data) comes back as itself', () => {
    expect(label('status', 'archived' as never)).toBe('archived');
    expect(label('role', 'toString' as never)).toBe('toString');
  });
});
