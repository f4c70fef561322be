import { createEngine } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { pack, people, reportInput } from './support';

const as = (version: string) => ({ ...pack, version });

async function versionReportedUnder(packs: ReturnType<typeof as>[], options: { prerelease?: boolean } = {}) {
  const engine = createEngine({ packs, ...options });
  const result = await engine.report(reportInput(), { actor: people.gridWorker });
  if (!result.ok) throw new Error(result.error.message);
  return result.case.packVersion;
}

describe('which pack version new reports use (semver)', () => {
  it('a release ranks above its pre-release, whatever the order they are given in', async () => {
    expect(await versionReportedUnder([as('2.0.0-rc.1'), as('2.0.0')])).toBe('2.0.0');
    expect(await versionReportedUnder([as('2.0.0'), as('2.0.0-rc.1')])).toBe('2.0.0');
  });

  it('compares numerically: 10.0.0 is newer than 9.0.0', async () => {
    expect(await versionReportedUnder([as('10.0.0'), as('9.0.0')])).toBe('10.0.0');
    expect(await versionReportedUnder([as('1.10.0'), as('1.9.3')])).toBe('1.10.0');
  });

  it('new reports stay on the newest release while a newer pre-release is registered', async () => {
    expect(await versionReportedUnder([as('1.4.0'), as('2.0.0-rc.1')])).toBe('1.4.0');
  });

  it('uses a pre-release when no release exists, or when the engine asks for pre-releases', async () => {
    expect(await versionReportedUnder([as('2.0.0-rc.1'), as('2.0.0-rc.2')])).toBe('2.0.0-rc.2');
    expect(await versionReportedUnder([as('1.4.0'), as('2.0.0-rc.1')], { prerelease: true })).toBe('2.0.0-rc.1');
  });

  it('refuses a version that is not semver, naming packs[i].version', () => {
    expect(() => createEngine({ packs: [pack, as('2.0')] })).toThrow(TypeError);
    expect(() => createEngine({ packs: [pack, as('2.0')] })).toThrow(
      /^packs\[1\]\.version: "2\.0" is not a semantic version/,
    );
  });
});
