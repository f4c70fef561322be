import { specialEquipmentPack } from '@hazardflow/policy-special-equipment';
import { runPackConformance } from '@hazardflow/testing/vitest';

// The conformance suite of @hazardflow/testing: the pack validates, its ladder is ordered on
// the calendar and notifies roles that exist, every state and transition of its machine is
// reached, and the lifecycle invariants hold under random commands (a failure prints its seed).
// Listing by decision (LIST, DELIST) doubles the states of the bureau's eleven categories, so the
// exploration is given a longer plateau (and time) before it gives up.
runPackConformance(specialEquipmentPack, { plateau: 10000, maxStates: 16000, timeoutMs: 300_000 });
