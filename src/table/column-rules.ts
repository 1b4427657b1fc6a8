/**
 * What each column of a wide table is, by a table of named rules tried in order: the first that
 * answers gives the verdict and its reason (shown by inspect). Each rule looks at facts gathered
 * in one pass over the column's cells, so classifying is linear in the cells. Aggregates (an
 * overall average) need the parsed scores of the other columns and are found afterwards, in
 * aggregates.ts; inspect shows their verdict beside these.
 */

import { parseScoreCell } from "./numbers.js";
import type { Cell } from "./records.js";

export type ColumnVerdict = "key" | "empty" | "metadata" | "identifier" | "statistic" | "score" | "aggregate" | "error";

export interface ColumnClass {
  name: string;
  verdict: ColumnVerdict;
  /** The rule that decided it. */
  rule: string;
  reason: string;
  /** A note for the table's notes, when the verdict deserves one. */
  note?: string;
}

/** What the rules look at, gathered in one pass over the column's cells. */
export interface ColumnFacts {
  name: string;
  /** 0-based column index. */
  index: number;
  cells: number;
  missing: number;
  numbers: number;
  /** The first cell read as a number, as written. */
  firstNumber: Cell;
  /** Cells that are text, not numbers, as written. */
  texts: string[];
  /** Numbers written the European way (71,2) or with a % sign: scores in the wrong format, not metadata. */
  numberLike: boolean;
  /** Cells that are neither numbers nor gaps (text, percentages, NaN). */
  invalid: number;
  /** Each cell's number (NaN for the others): a column without invalid cells needs no second parse. */
  values: Float64Array;
}

export interface ColumnContext {
  file: string;
  /** One row per model (columns are benchmarks), not one row per benchmark. */
  byModel: boolean;
}

export interface ColumnRule {
  name: string;
  test(column: ColumnFacts, context: ColumnContext): { verdict: ColumnVerdict; reason: string; note?: string } | undefined;
}

const NUMBER_LIKE = /^\s*[+-]?(\d+,\d+|[\d.]+\s*%)\s*$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

export function columnFacts(name: string, index: number, cells: readonly Cell[]): ColumnFacts {
  const values = new Float64Array(cells.length).fill(Number.NaN);
  const facts: ColumnFacts = {
    name,
    index,
    cells: cells.length,
    missing: 0,
    numbers: 0,
    firstNumber: null,
    texts: [],
    numberLike: false,
    invalid: 0,
    values,
  };
  for (let i = 0; i < cells.length; i++) {
    const x = cells[i];
    const p = parseScoreCell(x);
    const kind = p.kind;
    if (p.kind === "number") {
      values[i] = p.value;
      if (facts.numbers++ === 0) facts.firstNumber = x;
      continue;
    }
    if (kind === "missing") facts.missing++;
    else facts.invalid++;
    if (typeof x !== "string") continue;
    if (!facts.numberLike && NUMBER_LIKE.test(x)) facts.numberLike = true;
    if (kind === "invalid" && !NOT_FINITE.test(x.trim())) facts.texts.push(x);
  }
  return facts;
}

/** Numeric columns that describe a model or a score rather than score a benchmark. */
const STAT_COLUMNS: [RegExp, string][] = [
  [/(^|_)(std_?err(or)?|standard_error|se|sem|ci|ci95|stdev|std)(_(high|low|upper|lower|hi|lo))?$/i, "a standard error or interval"],
  [/^(n|count|total|n_total|num_.+|n_.+|.+_count|calls|api_calls|instance_calls)$/i, "a count"],
  [/(^|_)(avg_)?(length|len|tokens?)$/i, "a length"],
  [/(^|_)(cost|price|usd)(_|$)/i, "a cost"],
  [/^(params?|parameters|#params|size|model_size|params_b|n_params)$/i, "a model size"],
  [/(^|_)(date|year|version|release)(_|$)/i, "a date or version"],
  [/^(n_|num_|k_)?(few_?)?shots?$|^num_fewshot$/i, "a few-shot count"],
];

export function statKind(name: string): string | undefined {
  const n = name.trim().replace(/[\s-]+/g, "_");
  return STAT_COLUMNS.find(([re]) => re.test(n))?.[1];
}

/** A score written with something after it: "52.8 ± 1.2", "52.8 (1.2)", "52.8*", "52.8 +/- 1.2". */
const DECORATED_NUMBER = /^\s*[+-]?(\d+(?:\.\d*)?|\.\d+)\s*(±|\+\/-|\(|\[|\*|†|‡)/;

/** The rules, in the order they are tried; "score" answers every column the others leave. */
export const COLUMN_RULES: readonly ColumnRule[] = [
  {
    name: "empty",
    test(f, { byModel }) {
      if (f.missing !== f.cells) return undefined;
      if (f.name === "")
        return {
          verdict: "empty",
          reason: "no name and no values",
          note: `column ${f.index + 1} has no name and no values (a trailing delimiter?): ignored`,
        };
      // A benchmark column no model has a score in (Epoch's empty "Notes"): as a round it would only toss coins.
      return byModel ? { verdict: "empty", reason: "no values", note: `column "${f.name}" has no values: not a benchmark` } : undefined;
    },
  },
  {
    // Values under an empty header cell: a benchmark named "" cannot be named in a plan or an output.
    name: "unnamed",
    test: (f, { file }) =>
      f.name === ""
        ? { verdict: "error", reason: `${file}: column ${f.index + 1} has values but no name in the header; name it (or remove it)` }
        : undefined,
  },
  {
    name: "metadata",
    test: (f) =>
      f.texts.length > 0 && f.numbers === 0 && !f.numberLike ? { verdict: "metadata", reason: "its values are text" } : undefined,
  },
  {
    // Identifiers (commit hashes, run ids) where a few values happen to be all digits: mostly text,
    // and mostly distinct. A score column with a few typos, with one placeholder repeated for its
    // gaps ("—"), or with scores written with their interval ("52.8 ± 1.2") stays an error.
    name: "identifier",
    test(f) {
      const { texts, numbers } = f;
      if (f.numberLike || texts.length <= numbers) return undefined;
      if (texts.some((x) => DECORATED_NUMBER.test(x))) return undefined;
      if (new Set(texts.map((x) => x.trim())).size * 2 <= texts.length) return undefined;
      const s = numbers === 1 ? "" : "s";
      const reason = `${texts.length} of ${texts.length + numbers} values are text, mostly distinct`;
      return {
        verdict: "identifier",
        reason,
        note:
          `column "${f.name}": ${texts.length} of ${texts.length + numbers} values are text (identifiers), so it is read as metadata, ` +
          `its ${numbers} number-like value${s} (such as ${JSON.stringify(String(f.firstNumber).trim())}) not as score${s}`,
      };
    },
  },
  {
    // By name even with some text in it (Epoch's "Shots": 5, 0-shot, few).
    name: "statistic",
    test(f, { byModel }) {
      const stat = byModel ? statKind(f.name) : undefined;
      return stat ? { verdict: "statistic", reason: stat } : undefined;
    },
  },
  { name: "score", test: (f) => ({ verdict: "score", reason: `${f.numbers} of ${f.cells} values are numbers` }) },
];

/** The first rule's verdict on a column. */
export function classifyColumn(facts: ColumnFacts, context: ColumnContext, rules: readonly ColumnRule[] = COLUMN_RULES): ColumnClass {
  for (const rule of rules) {
    const v = rule.test(facts, context);
    if (v) return { name: facts.name, rule: rule.name, ...v };
  }
  return { name: facts.name, verdict: "score", rule: "default", reason: "no rule answered" };
}
