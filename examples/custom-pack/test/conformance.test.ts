import { runPackConformance } from '@hazardflow/testing/vitest';
import { gasPack } from '../src/gas-pack';
import { districtGasPack } from '../src/gas-pack-extended';
import { liftPack } from '../src/lift-pack';

// Every state reached, every transition taken, the lifecycle invariants under random
// commands, deadlines on working days, an ordered ladder, roles that exist.
runPackConformance(gasPack);
runPackConformance(districtGasPack);
// Its parties are named on every conformance case, so their actors are explored too.
runPackConformance(liftPack);
