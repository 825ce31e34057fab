/** Schema rules over enums, ppm_sc codes, flag values and dynamic-param tables: see cases/tables.ts. */
import { tableCases } from './cases/tables.js';
import { ruleTests } from './tester.js';

for (const cases of tableCases) ruleTests(cases);
