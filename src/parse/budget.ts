/**
 * The work one revision may cause, over every file its surface reads. The per-call limits of
 * limits.ts bound one parse, one macro expansion, one constant expression; a crafted tree
 * multiplies them (hundreds of lines each expanding a macro to its limit, hundreds of `#if`s each
 * evaluated to its limit, hundreds of included headers each parsed to its limit). A `WorkBudget`
 * is spent by every parse, every macro expansion and every constant expression done for one
 * revision: once it is spent, the rest of that work is not done, and the caller reports what was
 * left unread (an incomplete warning naming the file and the limit).
 *
 * A budget belongs to one revision: what was computed for another revision (a cached parse, a
 * memoised expansion or walk) costs this one nothing, and what a spent budget cut short is never
 * cached or memoised as if it were the whole answer: a parse throws `BudgetSpent` (FactsCache
 * drops it), and a memo compares `stops` before and after the work it keeps.
 */
import { MAX_REVISION_EVAL_STEPS, MAX_REVISION_PARSE_MS } from '../limits.js';

export type BudgetLimit = 'MAX_REVISION_PARSE_MS' | 'MAX_REVISION_EVAL_STEPS';

export class WorkBudget {
  /** Milliseconds spent parsing so far. */
  parseMs = 0;
  /** Steps of macro expansion and constant expressions so far (tokens read, tokens produced, macros expanded). */
  steps = 0;
  /** The limits that ran out. */
  readonly spent = new Set<BudgetLimit>();
  /** How many times work was stopped: a memo keeps a result only when this did not change while it was computed. */
  stops = 0;

  constructor(
    readonly maxParseMs: number = MAX_REVISION_PARSE_MS,
    readonly maxSteps: number = MAX_REVISION_EVAL_STEPS,
  ) {}

  /** Milliseconds of parsing left (0 when spent). */
  get parseLeft(): number {
    return Math.max(0, this.maxParseMs - this.parseMs);
  }

  /** Steps left (0 when spent). */
  get stepsLeft(): number {
    return Math.max(0, this.maxSteps - this.steps);
  }

  chargeParse(ms: number): void {
    this.parseMs += ms;
  }

  chargeSteps(steps: number): void {
    this.steps += steps;
  }

  /** Records that `limit` stopped some work; the error says which. */
  stop(limit: BudgetLimit): BudgetSpent {
    this.spent.add(limit);
    this.stops++;
    return new BudgetSpent(this, limit);
  }
}

/** What a spent limit means, for a message. */
export function describeLimit(budget: WorkBudget, limit: BudgetLimit): string {
  return limit === 'MAX_REVISION_PARSE_MS'
    ? `the parsing time one revision may take (MAX_REVISION_PARSE_MS, ${budget.maxParseMs} ms) is spent`
    : `the macro expansion and constant expressions one revision may compute (MAX_REVISION_EVAL_STEPS, ${budget.maxSteps} steps) are spent`;
}

/** Work not done because a revision's budget is spent: never a fact about the input alone, so never cached. */
export class BudgetSpent extends Error {
  constructor(
    readonly budget: WorkBudget,
    readonly limit: BudgetLimit,
  ) {
    super(describeLimit(budget, limit));
  }
}
