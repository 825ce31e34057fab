/** Schema rules over the params of existing events: see cases/params.ts. */
import { paramCases } from './cases/params.js';
import { ruleTests } from './tester.js';

for (const cases of paramCases) ruleTests(cases);
