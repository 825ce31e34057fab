/** Invariants of the head alone (new event codes, version files): see cases/invariants.ts. */
import { invariantCases } from './cases/invariants.js';
import { ruleTests } from './tester.js';

for (const cases of invariantCases) ruleTests(cases);
