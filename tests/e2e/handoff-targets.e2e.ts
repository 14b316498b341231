// The hand-off over every target adapter this tree has, each on its own fake site (tests/harness/idps/): the same
// steps and the same exact words, whatever the IdP. What only one IdP does stays in its own file.
import { TARGET_ADAPTERS } from '../../utils/adapters';
import { describeHandOff } from '../harness/handoff';
import { harnessFor } from '../harness/idps/index';

for (const adapter of TARGET_ADAPTERS) describeHandOff(adapter, harnessFor(adapter));
