import { randomFillSync } from 'node:crypto';

/**
 * A source of uniform fractions in [0, 1) for `ulid`, from the operating system's CSPRNG
 * like ulid's own default, but drawn 4 KiB at a time: ulid's default asks the OS once per
 * character, which made id generation a visible share of every report.
 */
export function createRandomSource(bufferSize = 4096): () => number {
  const buffer = new Uint8Array(bufferSize);
  let next = bufferSize;
  return () => {
    if (next === bufferSize) {
      randomFillSync(buffer);
      next = 0;
    }
    return (buffer[next++] as number) / 256;
  };
}
