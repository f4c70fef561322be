import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory per test; `clean()` removes it (restoring write permission first). */
export function tempDirectory() {
  let directory: string | undefined;
  const path = () => {
    directory ??= mkdtempSync(join(tmpdir(), 'hazardflow-sqlite-'));
    return directory;
  };
  return {
    get path() {
      return path();
    },
    file: (name: string) => join(path(), name),
    clean() {
      if (!directory) return;
      chmodSync(directory, 0o700);
      rmSync(directory, { recursive: true, force: true });
      directory = undefined;
    },
  };
}
