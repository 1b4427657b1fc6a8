/**
 * Mean cost per attempt of every (model, benchmark), from whatever the input has, in this order:
 * 1. per-item prompt/completion(/reasoning) tokens x a price table (--prices);
 * 2. a --costs file (mean USD per attempt);
 * 3. per-item recorded costs (mean over the items);
 * 4. the cell's total cost over its item count (aider: total_cost / test_cases; aider's 0 was
 *    already read as unknown);
 * 5. the score table's own cost column (long tables: mean USD per attempt).
 * A cell none of them covers has an unknown cost (NaN), never 0. A model with token counts that
 * need pricing but no price is an error naming it. Pure.
 */

import { cellIndex } from "../grid/grid.js";
import { InputError, listProblems } from "../table/errors.js";
import { apiOption } from "../table/option-names.js";
import { type ScoreTable, tableGrid } from "../table/types.js";
import { type CostFigures, cellKey } from "./cost-figures.js";
import { type PriceTable, priceOf } from "./prices.js";
import type { AttemptCosts, CellProblems, CostSource } from "./types.js";

/** Whether reasoning tokens are counted on top of the completion tokens or already inside them. */
export type ReasoningTokens = "separate" | "included";

export interface AttemptCostInputs {
  prices?: PriceTable;
  /** --costs: explicit figures, before anything the score file says. */
  costFile?: CostFigures;
  /** The score table's own cost column. */
  costColumn?: CostFigures;
  reasoning?: ReasoningTokens;
}

/** Item rows (indices into table.items) of every cell, model-major; empty without items. */
function itemsByCell(table: ScoreTable): number[][] {
  const M = table.models.length;
  const B = table.benchmarks.length;
  const shape = tableGrid(table);
  const cells: number[][] = Array.from({ length: M * B }, () => []);
  const items = table.items;
  if (!items) return cells;
  const modelAt = items.models.map((n) => table.models.indexOf(n));
  const benchAt = items.benchmarks.map((n) => table.benchmarks.findIndex((b) => b.name === n));
  for (let k = 0; k < items.length; k++) {
    const m = modelAt[items.model[k]];
    const b = benchAt[items.benchmark[k]];
    if (m >= 0 && b >= 0) cells[cellIndex(shape, m, b)].push(k);
  }
  return cells;
}

const known = (a: Float64Array | undefined, k: number): boolean => a !== undefined && !Number.isNaN(a[k]);

export function attemptCosts(table: ScoreTable, inputs: AttemptCostInputs = {}): AttemptCosts {
  const M = table.models.length;
  const B = table.benchmarks.length;
  const items = table.items;
  const byCell = itemsByCell(table);
  const shape = tableGrid(table);
  const meanCost = new Float64Array(M * B).fill(Number.NaN);
  const attempts = new Float64Array(M * B).fill(Number.NaN);
  const source: CostSource[] = new Array(M * B).fill("unknown");
  const problems: (CellProblems | undefined)[] = new Array(M * B).fill(undefined);
  const notes: string[] = [];
  const recordedCost = items?.cost;
  const hasTokens = (k: number) => known(items?.promptTokens, k) || known(items?.completionTokens, k);
  const needPrice = new Set<string>();
  const unpriceable: string[] = [];
  const reasoning = inputs.reasoning ?? "separate";
  let reasoningSeen = false;

  const fromItems = (c: number, costOf: (k: number) => number, src: CostSource): boolean => {
    const ks = byCell[c];
    const cost = Float64Array.from(ks, costOf);
    if (ks.length === 0 || cost.some(Number.isNaN) || !items) return false;
    meanCost[c] = cost.reduce((a, x) => a + x, 0) / ks.length;
    attempts[c] = ks.length;
    source[c] = src;
    problems[c] = { item: Int32Array.from(ks, (k) => items.item[k]), cost, success: Float64Array.from(ks, (k) => items.score[k]) };
    return true;
  };

  for (let m = 0; m < M; m++) {
    const model = table.models[m];
    const price = inputs.prices?.prices.get(model);
    for (let b = 0; b < B; b++) {
      const c = cellIndex(shape, m, b);
      const ks = byCell[c];
      const tokens = ks.some(hasTokens);
      const recorded = ks.length > 0 && ks.every((k) => known(items?.cost, k));
      if (tokens && inputs.prices) {
        if (!price) {
          needPrice.add(model);
          continue;
        }
        const priced = fromItems(
          c,
          (k) => {
            const it = items as NonNullable<typeof items>;
            const r = known(it.reasoningTokens, k) ? (it.reasoningTokens as Float64Array)[k] : 0;
            if (r > 0) reasoningSeen = true;
            const completion = (it.completionTokens?.[k] ?? Number.NaN) + (reasoning === "separate" ? r : 0);
            return priceOf(price, it.promptTokens?.[k] ?? Number.NaN, completion);
          },
          "tokens x prices",
        );
        if (!priced) unpriceable.push(`${model} / ${table.benchmarks[b].name}`);
        continue;
      }
      const fig = inputs.costFile?.cells.get(cellKey(model, table.benchmarks[b].name));
      if (fig) {
        meanCost[c] = fig.cost;
        source[c] = "cost file";
        continue;
      }
      if (recorded && recordedCost && fromItems(c, (k) => recordedCost[k], "per-item costs")) continue;
      if (tokens) {
        needPrice.add(model); // tokens, no recorded cost, no price: never guessed
        continue;
      }
      const total = table.extras?.cost?.[c] ?? Number.NaN;
      const count = table.extras?.count?.[c] ?? Number.NaN;
      if (!Number.isNaN(total) && count > 0) {
        meanCost[c] = total / count;
        attempts[c] = count;
        source[c] = "total / attempts";
        continue;
      }
      const col = inputs.costColumn?.cells.get(cellKey(model, table.benchmarks[b].name));
      if (col) {
        meanCost[c] = col.cost;
        source[c] = "cost column";
      }
    }
  }
  if (needPrice.size > 0) {
    const names = [...needPrice].map((n) => `"${n}"`).join(", ");
    throw new InputError(
      inputs.prices
        ? `${inputs.prices.source}: no price for ${names}: ${needPrice.size === 1 ? "it has" : "they have"} token counts to price (add input and output prices per million tokens; a price is never assumed)`
        : `${names} ${needPrice.size === 1 ? "has" : "have"} token counts but no recorded cost: give a price table with --prices FILE (model, input and output USD per million tokens); a price is never assumed`,
      { option: apiOption("--prices"), ...(inputs.prices ? { file: inputs.prices.source } : {}) },
    );
  }
  if (unpriceable.length > 0) {
    notes.push(listProblems("cost unknown where some items lack prompt or completion token counts (prices need both):", unpriceable, 10));
  }
  if (reasoningSeen) {
    notes.push(
      reasoning === "separate"
        ? "reasoning tokens were added to the completion tokens and priced as output (use --reasoning-tokens included if your completion counts already contain them, as OpenAI's usage does)"
        : "reasoning tokens were taken as already inside the completion tokens (--reasoning-tokens included)",
    );
  }
  return {
    models: table.models,
    benchmarks: table.benchmarks.map((b) => b.name),
    meanCost,
    attempts,
    source,
    problems,
    notes,
  };
}
