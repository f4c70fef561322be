import { definePolicyPack } from '@hazardflow/core';
import { runPackConformance } from '@hazardflow/testing/vitest';
import { industryPack } from '../../core/test/fixtures/industry-pack';

// Industry departments and a place type nobody regulates: ASSIGN_DEPARTMENT is explored from
// the case at the unregulated place type, the departments' COMMENT and ADD_EVIDENCE from the others.
runPackConformance(definePolicyPack(industryPack));
