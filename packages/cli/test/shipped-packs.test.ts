import { describe, expect, it } from 'vitest';
import { SHIPPED_PACK_VERSIONS } from '../src/shipped-packs';

describe('SHIPPED_PACK_VERSIONS', () => {
  it('knows the current shipped packs and every version they replaced, each once', () => {
    const versions = SHIPPED_PACK_VERSIONS.map((pack) => `${pack.id}@${pack.version}`);
    expect(versions.sort()).toEqual(
      [
        'building@1.0.0',
        'building@1.1.0',
        'building@1.2.0',
        'fire@1.1.0',
        'fire@1.2.0',
        'fire@1.3.0',
        'special-equipment@1.0.0',
        'special-equipment@1.1.0',
        'traffic@1.0.0',
        'traffic@1.1.0',
      ].sort(),
    );
  });
});
