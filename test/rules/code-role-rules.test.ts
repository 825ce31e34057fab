/** Code rules that follow code roles: dispatch, transport and statistics code; plumbing that follows an API change. */
import { codeCases } from './cases/code.js';
import { ruleTests } from './tester.js';

for (const cases of codeCases) ruleTests(cases);
