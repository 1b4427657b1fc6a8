/**
 * Per-item results -> benchmark means, item counts and standard errors, one row at a time, so a
 * file of any length is aggregated in memory that grows with the models, benchmarks and distinct
 * items, not with the rows. Pure: the caller feeds rows (from text or a stream).
 *
 * Semantics: a cell's score is the mean of its items' scores; its standard error is the sample
 * standard deviation over sqrt(n). An item without a score (empty cell) is not counted (the
 * model was not run on it). A repeated (model, benchmark, item) row follows --duplicates: error
 * (default), first (later rows ignored), best (the highest score kept), mean (scores averaged
 * per item); suffix does not apply.
 */

import { thousands } from "../digits.js";
import type { DuplicatePolicy } from "./duplicates.js";
import { InputError, problemsError } from "./errors.js";
import { ItemStore, TOKEN_PART_NAMES, type TokenPartCells, type TokenParts } from "./item-store.js";
import { parseItemCell, parseScoreCell } from "./numbers.js";
import type { RawRow, RawTable } from "./raw.js";
import type { Cell } from "./records.js";
import type { ItemResults, Layout } from "./types.js";

export type ItemTransform = "alpaca-preference";

export interface PerItemOptions {
  file: string;
  layout: Extract<Layout, "long" | "items-rows">;
  /** Used when the file has no benchmark column. */
  benchmarkName: string;
  duplicates: DuplicatePolicy;
  keepItems: boolean;
  transform?: ItemTransform;
  /** Columns not read, for the report. */
  ignored: string[];
  /** How the columns were chosen, for the report. */
  reason: string;
  /** What the row numbers count, for messages: "line" (default) or "element" (JSON arrays, from 1). */
  rowLabel?: string;
}

interface CellAcc {
  n: number;
  sum: number;
  sumSq: number;
  unscored: number;
  costN: number;
  costSum: number;
  tokN: number;
  tokSum: number;
  seen: Uint32Array;
  /** Per-item value, kept only when duplicates are resolved by best or mean. */
  value?: Float64Array;
}

function emptyCell(): CellAcc {
  return { n: 0, sum: 0, sumSq: 0, unscored: 0, costN: 0, costSum: 0, tokN: 0, tokSum: 0, seen: new Uint32Array(8) };
}

export class PerItemAggregator {
  rows = 0;
  private readonly models = new Map<string, number>();
  private readonly benches = new Map<string, number>();
  private readonly itemIndex: Map<string, number>[] = [];
  private readonly itemIds: string[][] = [];
  private readonly cells: (CellAcc | undefined)[][] = [];
  private readonly store?: ItemStore;
  private readonly problems: string[] = [];
  private problemCount = 0;
  private duplicateRows = 0;
  private readonly duplicateModels = new Map<string, number>();
  private readonly slotCounts = new Map<string, number>();
  private lastModel = "";
  private lastBench = "";
  private lastM = -1;
  private lastB = -1;

  constructor(private readonly o: PerItemOptions) {
    if (o.duplicates === "suffix") {
      throw new InputError(
        `--duplicates suffix: ${o.file} is a per-item file; repeated (model, benchmark, item) rows can be combined with --duplicates first|best|mean`,
        { file: o.file, option: "duplicates" },
      );
    }
    if (o.keepItems) this.store = new ItemStore();
  }

  private problem(text: string): void {
    this.problemCount++;
    if (this.problems.length < 50) this.problems.push(text);
  }

  private cellOf(model: string, bench: string): [number, number, CellAcc] {
    let m = this.lastM;
    let b = this.lastB;
    if (model !== this.lastModel || m < 0) {
      m = this.models.get(model) ?? -1;
      if (m < 0) {
        m = this.models.size;
        this.models.set(model, m);
        this.cells.push([]);
      }
      this.lastModel = model;
      this.lastM = m;
    }
    if (bench !== this.lastBench || b < 0) {
      b = this.benches.get(bench) ?? -1;
      if (b < 0) {
        b = this.benches.size;
        this.benches.set(bench, b);
        this.itemIndex.push(new Map());
        this.itemIds.push([]);
      }
      this.lastBench = bench;
      this.lastB = b;
    }
    const row = this.cells[m];
    let c = row[b];
    if (!c) {
      c = emptyCell();
      if (this.o.duplicates === "best" || this.o.duplicates === "mean") c.value = new Float64Array(8).fill(Number.NaN);
      row[b] = c;
    }
    return [m, b, c];
  }

  /** One result. `where` is only built when needed (errors), so pass a line number. `parts`: the
   * prompt, completion and reasoning token cells, when the file has such columns. */
  add(model: string, bench: string, item: string, score: Cell, cost: Cell, tokens: Cell, line: number, parts?: TokenPartCells): void {
    this.rows++;
    if (model === "" || item === "") {
      this.problem(`${this.o.rowLabel ?? "line"} ${line}: empty ${model === "" ? "model" : "item id"}`);
      return;
    }
    const [m, b, c] = this.cellOf(model, bench === "" ? this.o.benchmarkName : bench);
    let v: number;
    if (score === "1" || score === 1) v = 1;
    else if (score === "0" || score === 0) v = 0;
    else {
      const p = parseItemCell(score);
      if (p.kind === "invalid") {
        this.problem(`${this.o.rowLabel ?? "line"} ${line}: score ${p.reason}`);
        return;
      }
      if (p.kind === "missing") {
        c.unscored++;
        return;
      }
      v = p.value;
    }
    if (this.o.transform === "alpaca-preference") {
      if (v === 0) v = 1.5; // AlpacaEval's old encoding of a draw
      if (v < 1 || v > 2) {
        this.problem(
          `${this.o.rowLabel ?? "line"} ${line}: preference ${v} is outside [1, 2] (1 = the reference wins, 2 = the model wins)`,
        );
        return;
      }
      v -= 1;
    }
    const items = this.itemIndex[b];
    let i = items.get(item);
    if (i === undefined) {
      i = items.size;
      items.set(item, i);
      this.itemIds[b].push(item);
    }
    const word = i >>> 5;
    if (word >= c.seen.length) {
      const grown = new Uint32Array(Math.max(word + 1, c.seen.length * 2));
      grown.set(c.seen);
      c.seen = grown;
    }
    const bit = 1 << (i & 31);
    if (c.seen[word] & bit) {
      this.duplicate(model, bench, item, m, b, i, c, v, line);
      return;
    }
    c.seen[word] |= bit;
    if (c.value) {
      if (i >= c.value.length) {
        const grown = new Float64Array(Math.max(i + 1, c.value.length * 2)).fill(Number.NaN);
        grown.set(c.value);
        c.value = grown;
      }
      c.value[i] = v;
    }
    c.n++;
    c.sum += v;
    c.sumSq += v * v;
    const costV = this.extra(cost, "cost", line);
    const tokV = this.extra(tokens, "tokens", line);
    if (!Number.isNaN(costV)) {
      c.costN++;
      c.costSum += costV;
    }
    if (!Number.isNaN(tokV)) {
      c.tokN++;
      c.tokSum += tokV;
    }
    const partsV: TokenParts | undefined = parts
      ? [
          this.extra(parts[0], TOKEN_PART_NAMES[0], line),
          this.extra(parts[1], TOKEN_PART_NAMES[1], line),
          this.extra(parts[2], TOKEN_PART_NAMES[2], line),
        ]
      : undefined;
    this.store?.push(m, b, i, v, costV, tokV, partsV);
  }

  private extra(cell: Cell, what: string, line: number): number {
    if (cell === null || cell === "") return Number.NaN;
    const p = parseScoreCell(cell);
    if (p.kind === "invalid") {
      this.problem(`${this.o.rowLabel ?? "line"} ${line}: ${what} ${p.reason}`);
      return Number.NaN;
    }
    return p.kind === "number" ? p.value : Number.NaN;
  }

  private duplicate(
    model: string,
    bench: string,
    item: string,
    m: number,
    b: number,
    i: number,
    c: CellAcc,
    v: number,
    line: number,
  ): void {
    this.duplicateRows++;
    this.duplicateModels.set(model, (this.duplicateModels.get(model) ?? 0) + 1);
    const policy = this.o.duplicates;
    if (policy === "error") {
      const row = `${this.o.rowLabel ?? "line"} ${line}`;
      this.problem(`${row}: a second result for model "${model}", benchmark "${bench || this.o.benchmarkName}", item "${item}"`);
      return;
    }
    if (policy === "first" || !c.value) return;
    const old = c.value[i];
    let next = old;
    if (policy === "best") next = Math.max(old, v);
    else {
      const key = `${m}:${b}:${i}`;
      const k = this.slotCounts.get(key) ?? 1;
      next = (old * k + v) / (k + 1);
      this.slotCounts.set(key, k + 1);
    }
    c.value[i] = next;
    c.sum += next - old;
    c.sumSq += next * next - old * old;
  }

  finish(): RawTable {
    const { file } = this.o;
    if (this.problemCount > 0) {
      const more = this.problemCount > this.problems.length ? [`... and ${this.problemCount - this.problems.length} more`] : [];
      const dupHint =
        this.duplicateRows > 0 && this.o.duplicates === "error" ? " (repeated items: combine them with --duplicates first|best|mean)" : "";
      throw problemsError(`${file}: invalid per-item rows${dupHint}:`, [...this.problems, ...more], { file }, 60);
    }
    if (this.models.size === 0) throw new InputError(`${file}: no per-item results (only a header?)`, { file });
    const benchNames = [...this.benches.keys()];
    const B = benchNames.length;
    const notes: string[] = [
      `layout ${this.o.layout} (${this.o.reason}): ${thousands(this.rows)} per-item rows aggregated to ${this.models.size} models x ${B} benchmark${B === 1 ? "" : "s"} ` +
        "(score = mean over the items; standard error = sample sd / sqrt(n))",
    ];
    if (this.o.transform === "alpaca-preference") {
      notes.push(
        "AlpacaEval preferences read as P(model beats the reference) = preference - 1 (1 = reference wins, 2 = model wins; 0 or 1.5 = a draw, as alpaca_eval counts it)",
      );
    }
    let unscored = 0;
    let costN = 0;
    let n = 0;
    let tokN = 0;
    const rows: RawRow[] = [...this.models.keys()].map((model, m) => {
      const values = new Float64Array(B).fill(Number.NaN);
      const stderr = new Float64Array(B).fill(Number.NaN);
      const count = new Float64Array(B).fill(Number.NaN);
      const cost = new Float64Array(B).fill(Number.NaN);
      const tokens = new Float64Array(B).fill(Number.NaN);
      for (let b = 0; b < B; b++) {
        const c = this.cells[m][b];
        if (!c) continue;
        unscored += c.unscored;
        if (c.n === 0) continue;
        n += c.n;
        costN += c.costN;
        tokN += c.tokN;
        const mean = c.sum / c.n;
        values[b] = mean;
        count[b] = c.n;
        stderr[b] = c.n > 1 ? Math.sqrt(Math.max(0, (c.sumSq - c.n * mean * mean) / (c.n - 1)) / c.n) : Number.NaN;
        if (c.costN === c.n) cost[b] = c.costSum;
        if (c.tokN === c.n) tokens[b] = c.tokSum;
      }
      const extras: RawRow["extras"] = { stderr, count };
      if (costN > 0) extras.cost = cost;
      if (tokN > 0) extras.tokens = tokens;
      return { model, where: "", values, extras };
    });
    if (unscored > 0) notes.push(`${thousands(unscored)} rows without a score (empty) were not counted as items`);
    if (costN > 0 && costN < n)
      notes.push(`cost known for ${thousands(costN)} of ${thousands(n)} items: cells with any unknown cost have no total cost`);
    if (tokN > 0 && tokN < n) notes.push(`tokens known for ${thousands(tokN)} of ${thousands(n)} items`);
    if (this.duplicateRows > 0) {
      const who = [...this.duplicateModels.entries()].map(([mm, k]) => `${mm} (${k})`).join(", ");
      notes.push(`--duplicates ${this.o.duplicates}: ${this.duplicateRows} repeated (model, benchmark, item) rows: ${who}`);
    }
    const uneven: string[] = [];
    for (let b = 0; b < B; b++) {
      const counts = rows.map((r) => r.extras?.count?.[b] ?? Number.NaN).filter((x) => !Number.isNaN(x));
      const lo = Math.min(...counts);
      const hi = Math.max(...counts);
      if (lo !== hi) uneven.push(`${benchNames[b]} ${lo}-${hi} of ${this.itemIds[b].length}`);
    }
    if (uneven.length > 0) notes.push(`unequal item coverage (items per model, of the distinct items seen): ${uneven.join("; ")}`);
    if (this.o.ignored.length > 0) notes.push(`columns not read: ${this.o.ignored.join(", ")}`);
    const items: ItemResults | undefined = this.store
      ? {
          models: [...this.models.keys()],
          benchmarks: benchNames,
          itemIds: this.itemIds,
          length: this.store.length,
          model: this.store.model.subarray(0, this.store.length),
          benchmark: this.store.benchmark.subarray(0, this.store.length),
          item: this.store.item.subarray(0, this.store.length),
          score: this.store.score.subarray(0, this.store.length),
          ...(this.store.cost ? { cost: this.store.cost.subarray(0, this.store.length) } : {}),
          ...(this.store.tokens ? { tokens: this.store.tokens.subarray(0, this.store.length) } : {}),
          ...this.store.tokenParts(),
        }
      : undefined;
    return {
      source: file,
      adapter: "per-item",
      layout: this.o.layout,
      benchmarks: benchNames,
      benchmarkWhere: benchNames.map(() => ""),
      rows,
      duplicateUnit: "cell",
      ignored: this.o.ignored,
      lowerIsBetter: [],
      notes,
      ...(items ? { items } : {}),
    };
  }
}
