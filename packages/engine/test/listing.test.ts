import { definePolicyPack } from '@hazardflow/core';
import { createEngine, createManualClock } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePackByDecision } from '../../core/test/fixtures/reference-pack';
import { ev, notice, people, reportInput } from './support';

const byDecision = definePolicyPack(referencePackByDecision);
const committee = { id: 'committee-1', role: 'command' } as const;
const listing = {
  type: 'LIST',
  documentNo: '安委办督〔2026〕3号',
  supervisingUnit: '区安委会办公室',
  until: '2026-12-31',
} as const;

describe('listed supervision as a decision, through the engine', () => {
  it('lists by the committee’s LIST (audited, in the view and the listed filter) and delists after acceptance', async () => {
    const clock = createManualClock('2026-09-07T02:00:00.000Z');
    const engine = createEngine({ packs: [byDecision], clock });
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
    expect((await engine.query({ listedSupervision: true })).items).toEqual([]);

    const refused = await engine.send(id, listing, { actor: people.inspector });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const listed = await engine.send(id, listing, { actor: committee });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.case).toMatchObject({
      listedSupervision: true,
      listing: { documentNo: '安委办督〔2026〕3号', supervisingUnit: '区安委会办公室', until: '2026-12-31' },
    });
    expect((await engine.query({ listedSupervision: true })).items.map((v) => v.id)).toEqual([id]);
    expect((await engine.history(id)).at(-1)).toMatchObject({
      command: 'LIST',
      payload: { documentNo: listing.documentNo, until: listing.until },
    });

    const early = await engine.send(id, { type: 'DELIST' }, { actor: committee });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });

    await engine.send(id, notice, { actor: people.inspector });
    await engine.send(id, { type: 'ACKNOWLEDGE' }, { actor: people.owner });
    await engine.send(
      id,
      { type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', 'owner-1')] },
      { actor: people.owner },
    );
    const verified = await engine.send(
      id,
      { type: 'VERIFY', result: 'pass', evidence: [ev('inspection_record'), ev('inspection_record', 'inspector-2')] },
      { actor: people.inspector },
    );
    if (!verified.ok) throw new Error(verified.error.message);
    expect(verified.case.status).toBe('closed');

    const delisted = await engine.send(id, { type: 'DELIST', documentNo: '安委办销〔2026〕9号' }, { actor: committee });
    if (!delisted.ok) throw new Error(delisted.error.message);
    expect(delisted.case.listing).toMatchObject({ delistedBy: 'committee-1', delistDocumentNo: '安委办销〔2026〕9号' });
    expect(delisted.case.status).toBe('closed');
  });
});
