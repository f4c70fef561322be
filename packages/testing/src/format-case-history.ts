import type { Actor } from '@hazardflow/core';
import type { AuditEntry } from '@hazardflow/engine';

/**
 * A case's audit trail as a table a pack author can read in a failing test:
 * sequence, instant, actor, command (or the timer that fired), and status from → to.
 */
export function formatCaseHistory(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return '  (no history)';
  const rows = entries.map((entry) => [
    String(entry.seq),
    entry.at,
    actorLabel(entry.actor),
    entry.firedTimer ? `${entry.command} (timer ${entry.firedTimer.timerId})` : entry.command,
    `${entry.fromStatus ?? '—'} → ${entry.toStatus}`,
  ]);
  const header = ['#', 'at', 'actor', 'command', 'from → to'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function actorLabel(actor: Actor): string {
  if (actor.role === 'system') return 'system';
  return `${actor.id} (${actor.role}${actor.org !== undefined ? ` of ${actor.org}` : ''})`;
}
