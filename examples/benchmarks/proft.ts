import { measureTimers, populate } from './src/scale';

const n = Number(process.argv[2] ?? 20000);
const p = await populate(n);
const t0 = performance.now();
const r = await measureTimers(p, n);
console.log(r.fired, 'timers', r.seconds.toFixed(2), 's', ((r.seconds * 1e6) / r.fired).toFixed(1), 'us/timer');
