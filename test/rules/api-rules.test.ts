/** API rules: shared struct layouts, ioctls, bpf maps and globals, code lists, module params. */
import { apiCases } from './cases/api.js';
import { ruleTests } from './tester.js';

for (const cases of apiCases) ruleTests(cases);
