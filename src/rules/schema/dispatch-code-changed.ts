import type { Rule } from '../types.js';
import { apiInterfaceChanges, changeLocation, codeChanges, describeChange, isPlumbingChange } from './code-changes.js';

export const dispatchCodeChanged: Rule = {
  id: 'dispatch-code-changed',
  title: 'Dispatch code changed (which events are produced and sent) with no API change',
  governs: 'schema',
  bump: 'patch',
  rationale:
    'Dispatch is the plumbing that decides which events are produced and reach userspace without computing their params: the syscall dispatchers and tail-call glue, sampling and drop decisions, interesting-syscall filters, settings and map lookups. Roles come from the call graph at each revision: a function that tail-calls or touches a bpf map or probe global, and what only such code calls, is dispatch, unless it writes params or calls code that does (filler code). A dispatch change on its own can change which events userspace receives, and libs has versioned such changes as SCHEMA patches (README.VERSION.md: "patch version: increment when code changes don\'t break compatibility"). When the same change also changes the API\'s interface (a new map and its getter, settings moved to another map and their lookups), the code is part of that API change and needs nothing of its own: see code-follows-api-change.',
  example:
    '  if(!settings->dropping_mode) {\n  \treturn false;\n  }\n- if(sampling_flag == UF_NEVER_DROP) {\n+ if(sampling_flag & UF_NEVER_DROP) {',
  check(base, head) {
    const mine = codeChanges(base, head).filter((c) => isPlumbingChange(c) && c.role === 'dispatch');
    if (!mine.length || apiInterfaceChanges(base, head).length) return [];
    return mine.map((c) => ({
      symbol: c.pair.name,
      message: `${describeChange(c)}; it decides which events are produced and reach userspace`,
      location: changeLocation(c),
    }));
  },
};
