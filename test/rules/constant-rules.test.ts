/** Rules over the constants both sides compile from the shared headers. */
import { constantCases } from './cases/constants.js';
import { ruleTests } from './tester.js';

for (const cases of constantCases) ruleTests(cases);
