import {
  ASSESSMENT_CELLS_REVISION,
  type AssessmentCell,
  type AssessmentOptions,
  type AssessmentRow,
  assessmentCellKey,
  assessmentCellsOf,
  assessmentFromCells,
  assessmentSignature,
  assessmentWindowPlan,
  type CaseView,
  dayBounds,
} from '@hazardflow/engine/adapter';
import type { Pool } from 'pg';
import { inTransaction } from './transaction';

/** A cell as commit_case() receives it and the case row stores it (short keys: one per cell and case). */
interface StoredCell {
  g: string;
  k: string;
  f: string;
  d: string;
  b: string;
  n: number;
}

/** What commit_case() needs to keep the cells: its last three parameters. */
export function assessmentParams(view: CaseView): [string | null, string, string] {
  const cells: StoredCell[] = assessmentCellsOf(view).map((c) => ({
    g: c.groupBy,
    k: c.group,
    f: c.figure,
    d: c.day,
    b: c.bin,
    n: c.count,
  }));
  return [view.closedAt, assessmentSignature(view), JSON.stringify(cells)];
}

const RECOUNT_PAGE = 1_000;

/**
 * The PostgreSQL store's assessment aggregates. commit_case() changes `assessment_cells` in
 * the commit's own statement (each case row keeps its signature and the cells it counts, so a
 * commit that changes nothing the assessment reads writes no cell, and one that does takes out
 * the stored cells without another round trip). Reads take the cells of the window's interior
 * days plus the few views reported or closed on its edge days.
 */
export function createPostgresAssessment(s: string) {
  return {
    /**
     * On open: recounts every cell from the views when the stored revision is not this
     * package's (a schema just migrated to the cells, or counted by another revision). One
     * transaction holding the revision row, so a second worker opening at once waits, then
     * finds the revision current; commits wait for the recount (EXCLUSIVE on the cells).
     */
    async ensureCurrent(pool: Pool): Promise<void> {
      const { rows } = await pool.query<{ revision: string }>(`SELECT revision FROM ${s}.assessment_revision`);
      if (rows[0]?.revision === ASSESSMENT_CELLS_REVISION) return;
      await inTransaction(pool, async (client) => {
        const locked = await client.query<{ revision: string }>(
          `SELECT revision FROM ${s}.assessment_revision FOR UPDATE`,
        );
        if (locked.rows[0]?.revision === ASSESSMENT_CELLS_REVISION) return; // another worker did it
        await client.query(`LOCK TABLE ${s}.assessment_cells IN EXCLUSIVE MODE`);
        await client.query(`DELETE FROM ${s}.assessment_cells`);
        const totals = new Map<string, AssessmentCell>();
        let after = '';
        for (;;) {
          const page = await client.query<{ id: string; view: CaseView }>(
            `SELECT id, view FROM ${s}.cases WHERE id > $1 ORDER BY id LIMIT $2`,
            [after, RECOUNT_PAGE],
          );
          const ids: string[] = [];
          const closed: (string | null)[] = [];
          const signatures: string[] = [];
          const stored: string[] = [];
          for (const { id, view } of page.rows) {
            for (const cell of assessmentCellsOf(view)) {
              const key = assessmentCellKey(cell);
              const known = totals.get(key);
              if (known) known.count += cell.count;
              else totals.set(key, { ...cell });
            }
            const [closedAt, signature, cells] = assessmentParams(view);
            ids.push(id);
            closed.push(closedAt);
            signatures.push(signature);
            stored.push(cells);
          }
          if (ids.length > 0) {
            await client.query(
              `UPDATE ${s}.cases AS c SET closed_at = u.closed_at, assessment_signature = u.signature,
                 assessment_cells = u.cells
               FROM unnest($1::text[], $2::text[], $3::text[], $4::json[]) AS u (id, closed_at, signature, cells)
               WHERE c.id = u.id`,
              [ids, closed, signatures, stored],
            );
          }
          if (page.rows.length < RECOUNT_PAGE) break;
          after = ids[ids.length - 1] as string;
        }
        const cells = [...totals.values()];
        for (let i = 0; i < cells.length; i += 10_000) {
          const chunk = cells.slice(i, i + 10_000);
          await client.query(
            `INSERT INTO ${s}.assessment_cells (group_by, day, grp, figure, bin, count)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[])`,
            [
              chunk.map((c) => c.groupBy),
              chunk.map((c) => c.day),
              chunk.map((c) => c.group),
              chunk.map((c) => c.figure),
              chunk.map((c) => c.bin),
              chunk.map((c) => c.count),
            ],
          );
        }
        await client.query(`UPDATE ${s}.assessment_revision SET revision = $1`, [ASSESSMENT_CELLS_REVISION]);
      });
    },

    async assessment(pool: Pool, options: AssessmentOptions): Promise<AssessmentRow[]> {
      const plan = assessmentWindowPlan(options);
      const cellRows = await pool.query<{
        group_by: AssessmentCell['groupBy'];
        day: string;
        grp: string;
        figure: AssessmentCell['figure'];
        bin: string;
        count: number;
      }>(
        `SELECT group_by, day, grp, figure, bin, count FROM ${s}.assessment_cells
         WHERE group_by = $1 AND (day = '' OR (day > $2 AND day < $3))`,
        [options.groupBy, plan.low, plan.high],
      );
      const cells = cellRows.rows.map(
        (row): AssessmentCell => ({
          groupBy: row.group_by,
          group: row.grp,
          figure: row.figure,
          day: row.day,
          bin: row.bin,
          count: row.count,
        }),
      );
      // Each view once, though it may be reported on one edge day and closed on the other.
      const edgeViews: CaseView[] = [];
      if (plan.edgeDays.length > 0) {
        const values: string[] = [];
        const ranges = plan.edgeDays.map((day) => {
          const { start, end } = dayBounds(day);
          values.push(start, end);
          const a = values.length - 1;
          const b = values.length;
          return `(reported_at >= $${a} AND reported_at < $${b}) OR (closed_at >= $${a} AND closed_at < $${b})`;
        });
        const { rows } = await pool.query<{ view: CaseView }>(
          `SELECT view FROM ${s}.cases WHERE ${ranges.join(' OR ')}`,
          values,
        );
        for (const row of rows) edgeViews.push(row.view);
      }
      return assessmentFromCells(cells, edgeViews, options);
    },
  };
}
