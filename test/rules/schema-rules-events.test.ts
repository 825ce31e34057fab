/** Schema rules over event codes and whole g_event_info entries: see cases/events.ts. */
import { eventCases } from './cases/events.js';
import { ruleTests } from './tester.js';

for (const cases of eventCases) ruleTests(cases);
