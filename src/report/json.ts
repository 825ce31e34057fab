import type { CheckReport } from '../verdict/types.js';

/** The JSON contract of DESIGN.md §4 (reportVersion 1). */
export function renderJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
