import type { CheckReport } from '../verdict/types.js';

/** The JSON contract, reportVersion 1 (README: Reports: JSON and SARIF). */
export function renderJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
