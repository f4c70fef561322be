/**
 * The process the group-commit crash test kills. Runs `clients` clients against one engine on
 * a SQLite store with durability 'full' and group commit: client j reports case j (commandId
 * `report-j`), then sends `rounds` COMMENTs to it (commandId `comment-j-r`), each client one
 * command after another, all clients at once, so their commits share transactions. Every run
 * re-sends the whole stream: what an earlier run committed is replayed from its key, not done
 * twice. Prints `ready`, then one JSON line per acknowledged command, and `done` at the end.
 *
 *   node <bundle of this file> <db> <clients> <rounds>
 */
import { createEngine } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { pack, people, reportInput } from '../../../engine/test/support';

const [filename, clientsArg, roundsArg] = process.argv.slice(2);
if (!filename || !clientsArg || !roundsArg) throw new Error('usage: group-commit-child <db> <clients> <rounds>');
const clients = Number(clientsArg);
const rounds = Number(roundsArg);
const print = (line: string) => process.stdout.write(`${line}\n`);

const store = createSqliteStore({ filename, durability: 'full' });
const engine = createEngine({ packs: [pack], store, workerId: 'group-commit-child' });
print('ready');

async function client(j: number): Promise<void> {
  const reported = await engine.report(reportInput({ territory: j % 2 === 0 ? 'street-a' : 'street-b' }), {
    actor: people.gridWorker,
    commandId: `report-${j}`,
  });
  if (!reported.ok) throw new Error(`report-${j}: ${reported.error.code}`);
  print(JSON.stringify({ commandId: `report-${j}`, caseId: reported.case.id, version: reported.case.version }));
  for (let r = 0; r < rounds; r++) {
    const commandId = `comment-${j}-${r}`;
    const result = await engine.send(
      reported.case.id,
      { type: 'COMMENT', text: `round ${r}` },
      { actor: people.inspector, commandId },
    );
    if (!result.ok) throw new Error(`${commandId}: ${result.error.code}`);
    print(JSON.stringify({ commandId, caseId: result.case.id, version: result.case.version }));
  }
}

await Promise.all(Array.from({ length: clients }, (_, j) => client(j)));
await store.close();
print('done');
