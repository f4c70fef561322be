import { definePolicyPack } from '@hazardflow/core';
import { runPackConformance } from '@hazardflow/testing/vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';

runPackConformance(definePolicyPack(referencePack));
