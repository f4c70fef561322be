import { firePack } from '@hazardflow/policy-fire';
import { runPackConformance } from '@hazardflow/testing/vitest';

// The conformance suite of @hazardflow/testing: the pack validates, its ladder is ordered on
// the calendar and notifies roles that exist, every state and transition of its machine is
// reached, and the lifecycle invariants hold under random commands (a failure prints its seed).
runPackConformance(firePack);
