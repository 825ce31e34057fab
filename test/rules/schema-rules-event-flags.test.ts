/** Schema rules over the EF_* flags of existing events: see cases/event-flags.ts. */
import { eventFlagCases } from './cases/event-flags.js';
import { ruleTests } from './tester.js';

for (const cases of eventFlagCases) ruleTests(cases);
