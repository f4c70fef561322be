import { DEMO_TOKENS } from './demo-tokens';
import { startService } from './start-service';

// `pnpm serve`: PORT (default 8080) and HAZARDFLOW_DB (default ./hazards.db) from the environment.
const service = await startService({
  filename: process.env.HAZARDFLOW_DB ?? 'hazards.db',
  port: Number(process.env.PORT ?? 8080),
});
console.log(`hazardflow example service on ${service.url}`);
console.log(`  contract:  ${service.url}/openapi.json`);
console.log(`  reference: ${service.url}/reference`);
console.log('  demo tokens (Authorization: Bearer <token>):');
for (const [token, actor] of Object.entries(DEMO_TOKENS)) {
  console.log(`    ${token.padEnd(24)} ${actor.role}${actor.org ? ` of ${actor.org}` : ''} (${actor.id})`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
