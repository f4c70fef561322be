import {
  ASSESSMENT_CELLS_REVISION,
  type AssessmentCell,
  type AssessmentOptions,
  type AssessmentRow,
  assessmentCellDelta,
  assessmentCellKey,
  assessmentCellsOf,
  assessmentFromCells,
  assessmentSignature,
  assessmentWindowPlan,
  type CaseView,
  dayBounds,
} from '@hazardflow/engine/adapter';
import type Database from 'better-sqlite3';

/** The statements of the assessment aggregates, exported for the query-plan test. */
export const ASSESSMENT_SQL = {
  setSignature: 'UPDATE cases SET assessment_signature = ? WHERE id = ?',
  addToCell: `INSERT INTO assessment_cells (group_by, day, grp, figure, bin, count) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (group_by, day, grp, figure, bin) DO UPDATE SET count = count + excluded.count`,
  dropEmptyCell:
    'DELETE FROM assessment_cells WHERE group_by = ? AND day = ? AND grp = ? AND figure = ? AND bin = ? AND count = 0',
  // Cells of `current` figures (day ''), then those of the days inside the window.
  cells: `SELECT group_by, day, grp, figure, bin, count FROM assessment_cells WHERE group_by = @groupBy AND day = ''
    UNION ALL
    SELECT group_by, day, grp, figure, bin, count FROM assessment_cells
      WHERE group_by = @groupBy AND day > @low AND day < @high`,
  edgeViews: `SELECT view FROM cases WHERE reported_at >= @start AND reported_at < @end
    UNION
    SELECT view FROM cases WHERE closed_at >= @start AND closed_at < @end`,
  revision: "SELECT value FROM hazardflow_meta WHERE key = 'assessment_cells'",
  setRevision: `INSERT INTO hazardflow_meta (key, value) VALUES ('assessment_cells', ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
} as const;

interface CellRow {
  group_by: string;
  day: string;
  grp: string;
  figure: string;
  bin: string;
  count: number;
}

const REBUILD_CHUNK = 5_000;

/**
 * The SQLite store's assessment aggregates: `assessment_cells` changed in the commit's own
 * transaction (so a commit and its cells are written together or not at all), and read with
 * the few views reported or closed on a window's edge days. Each case row keeps its
 * `assessment_signature`, so a commit that changes nothing the assessment reads (most do not)
 * costs one short read; only a changed signature reads the previous view to take it out.
 */
export function createSqliteAssessment(db: Database.Database) {
  const statements = {
    setSignature: db.prepare(ASSESSMENT_SQL.setSignature),
    previousView: db.prepare<[string], string>('SELECT view FROM cases WHERE id = ?').pluck(),
    addToCell: db.prepare(ASSESSMENT_SQL.addToCell),
    dropEmptyCell: db.prepare(ASSESSMENT_SQL.dropEmptyCell),
    cells: db.prepare<[{ groupBy: string; low: string; high: string }], CellRow>(ASSESSMENT_SQL.cells),
    edgeViews: db.prepare<[{ start: string; end: string }], string>(ASSESSMENT_SQL.edgeViews).pluck(),
    revision: db.prepare<[], string>(ASSESSMENT_SQL.revision).pluck(),
    setRevision: db.prepare(ASSESSMENT_SQL.setRevision),
  };

  const addCells = (cells: Iterable<AssessmentCell>) => {
    for (const cell of cells) {
      statements.addToCell.run(cell.groupBy, cell.day, cell.group, cell.figure, cell.bin, cell.count);
      if (cell.count < 0) statements.dropEmptyCell.run(cell.groupBy, cell.day, cell.group, cell.figure, cell.bin);
    }
  };

  /** Recounts every cell from the views, in one transaction, when the stored revision is not ours. */
  const rebuild = db.transaction(() => {
    if (statements.revision.get() === ASSESSMENT_CELLS_REVISION) return; // another process did it
    db.exec('DELETE FROM assessment_cells');
    const totals = new Map<string, AssessmentCell>();
    const page = db.prepare<[string, number], { id: string; view: string }>(
      'SELECT id, view FROM cases WHERE id > ? ORDER BY id LIMIT ?',
    );
    let after = '';
    for (;;) {
      const rows = page.all(after, REBUILD_CHUNK);
      for (const row of rows) {
        const view = JSON.parse(row.view) as CaseView;
        for (const cell of assessmentCellsOf(view)) {
          const key = assessmentCellKey(cell);
          const known = totals.get(key);
          if (known) known.count += cell.count;
          else totals.set(key, { ...cell });
        }
        statements.setSignature.run(assessmentSignature(view), row.id);
      }
      if (rows.length < REBUILD_CHUNK) break;
      after = (rows[rows.length - 1] as { id: string }).id;
    }
    addCells(totals.values());
    statements.setRevision.run(ASSESSMENT_CELLS_REVISION);
  });

  return {
    /** On open: fills the cells of a database upgraded to (or written by another revision of) them. */
    ensureCurrent(): void {
      if (statements.revision.get() !== ASSESSMENT_CELLS_REVISION) rebuild.immediate();
    },

    /**
     * In the commit's transaction, before the case row is written: changes the cells by what
     * the new view adds minus what the stored one did (`previous`: the row's signature, null
     * when its view is not counted, undefined when there is no row). Returns the new signature.
     */
    beforeCaseWrite(view: CaseView, previous: string | null | undefined): string {
      const signature = assessmentSignature(view);
      if (previous === signature) return signature;
      const before =
        previous === undefined || previous === null
          ? undefined
          : (JSON.parse(statements.previousView.get(view.id) as string) as CaseView);
      addCells(assessmentCellDelta(before, view));
      return signature;
    },

    assessment(options: AssessmentOptions): AssessmentRow[] {
      const plan = assessmentWindowPlan(options);
      const cells = statements.cells.all({ groupBy: options.groupBy, low: plan.low, high: plan.high }).map(
        (row): AssessmentCell => ({
          groupBy: row.group_by as AssessmentCell['groupBy'],
          group: row.grp,
          figure: row.figure as AssessmentCell['figure'],
          day: row.day,
          bin: row.bin,
          count: row.count,
        }),
      );
      const edgeViews: CaseView[] = [];
      for (const day of plan.edgeDays) {
        for (const text of statements.edgeViews.all(dayBounds(day))) edgeViews.push(JSON.parse(text) as CaseView);
      }
      return assessmentFromCells(cells, edgeViews, options);
    },
  };
}
