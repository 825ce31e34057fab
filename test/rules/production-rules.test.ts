/** Rules over the event production matrix: events a driver stops or starts producing, fillers swapped. */
import { productionCases } from './cases/production.js';
import { ruleTests } from './tester.js';

for (const cases of productionCases) ruleTests(cases);
