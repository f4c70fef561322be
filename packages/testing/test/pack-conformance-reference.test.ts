import { definePolicyPack } from '@hazardflow/core';
import { runPackConformance } from '@hazardflow/testing';
import { referencePack } from '../../core/test/fixtures/reference-pack';

runPackConformance(definePolicyPack(referencePack));
