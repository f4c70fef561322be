import { main } from './program';

// `pnpm --filter @hazardflow/example-embedding start`: the program of docs/embedding.md.
await main((line) => console.log(line));
