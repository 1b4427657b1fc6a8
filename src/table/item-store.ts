/** The per-item results kept for the bootstrap and for pricing: growable typed arrays, one entry per item. */
import type { Cell } from "./records.js";
import type { ItemResults } from "./types.js";

/** Token counts of one item by kind (prompt, completion, reasoning); NaN = unknown. */
export type TokenParts = readonly [number, number, number];
/** The same, as read from the file's cells. */
export type TokenPartCells = readonly [Cell, Cell, Cell];
export const TOKEN_PART_NAMES = ["prompt_tokens", "completion_tokens", "reasoning_tokens"] as const;

/** Growable typed arrays for the kept items. */
export class ItemStore {
  length = 0;
  model = new Int32Array(1024);
  benchmark = new Int32Array(1024);
  item = new Int32Array(1024);
  score = new Float64Array(1024);
  cost?: Float64Array;
  tokens?: Float64Array;
  /** prompt, completion, reasoning tokens, each created on its first known value. */
  parts: (Float64Array | undefined)[] = [undefined, undefined, undefined];

  push(m: number, b: number, i: number, s: number, cost: number, tokens: number, parts?: TokenParts): void {
    if (this.length === this.model.length) this.grow();
    const k = this.length++;
    this.model[k] = m;
    this.benchmark[k] = b;
    this.item[k] = i;
    this.score[k] = s;
    if (!Number.isNaN(cost)) {
      this.cost ??= new Float64Array(this.model.length).fill(Number.NaN);
      this.cost[k] = cost;
    }
    if (!Number.isNaN(tokens)) {
      this.tokens ??= new Float64Array(this.model.length).fill(Number.NaN);
      this.tokens[k] = tokens;
    }
    if (parts) {
      for (let j = 0; j < 3; j++) {
        if (Number.isNaN(parts[j])) continue;
        const a = this.parts[j] ?? new Float64Array(this.model.length).fill(Number.NaN);
        this.parts[j] = a;
        a[k] = parts[j];
      }
    }
  }

  private grow(): void {
    const n = this.model.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const g64 = (a: Float64Array) => {
      const b = new Float64Array(n).fill(Number.NaN);
      b.set(a);
      return b;
    };
    this.model = g32(this.model);
    this.benchmark = g32(this.benchmark);
    this.item = g32(this.item);
    this.score = g64(this.score);
    if (this.cost) this.cost = g64(this.cost);
    if (this.tokens) this.tokens = g64(this.tokens);
    this.parts = this.parts.map((a) => (a ? g64(a) : undefined));
  }
  /** The token counts by kind that any item had, cut to the items kept. */
  tokenParts(): Pick<ItemResults, "promptTokens" | "completionTokens" | "reasoningTokens"> {
    const [p, c, r] = this.parts.map((a) => a?.subarray(0, this.length));
    return { ...(p ? { promptTokens: p } : {}), ...(c ? { completionTokens: c } : {}), ...(r ? { reasoningTokens: r } : {}) };
  }
}
