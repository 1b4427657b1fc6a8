/**
 * Price tables: model -> USD per million input (prompt) and output (completion) tokens. Pure: the
 * caller reads the file. Accepted shapes (every one checked with zod, every problem located):
 * - CSV/TSV with columns model, input, output (aliases below);
 * - JSON or YAML: an object keyed by model ({"gpt-4o": {"input": 2.5, "output": 10}}), optionally
 *   under "models" or "prices", or an array of rows ([{"model": "gpt-4o", "input": 2.5, "output": 10}]).
 * A price is never guessed: a model missing here is an error wherever its tokens need pricing.
 */
import { extension, isYaml } from "../table/adapters/types.js";
import { normaliseName } from "../table/columns.js";
import { parseCsv } from "../table/csv.js";
import { InputError, problemsError } from "../table/errors.js";
import { parseJsonText } from "../table/json.js";
import { lazyModule } from "../table/lazy-module.js";
import { parseScoreCell } from "../table/numbers.js";
import { parseYamlText } from "../table/yaml.js";

export interface ModelPrice {
  /** USD per million prompt (input) tokens. */
  input: number;
  /** USD per million completion (output) tokens; reasoning tokens are priced here too. */
  output: number;
  /** Where the entry is ("line 3", 'model "gpt-4o"'), for messages. */
  where: string;
}

export interface PriceTable {
  source: string;
  prices: Map<string, ModelPrice>;
}

/** Field names accepted for each price, compared after normaliseName. */
const ALIASES = {
  model: ["model", "name", "model_name", "model_id"],
  input: ["input", "input_price", "input_per_million", "input_usd_per_million", "prompt", "prompt_price", "input_per_mtok"],
  output: ["output", "output_price", "output_per_million", "output_usd_per_million", "completion", "completion_price", "output_per_mtok"],
} as const;
type Field = keyof typeof ALIASES;

const zod = lazyModule<typeof import("zod")>("zod");

/** The price table's shapes, built on first use (zod loads lazily). */
function buildSchemas() {
  const { z } = zod();
  const price = z.number({ error: "expected a number (USD per million tokens)" }).nonnegative("a price cannot be negative");
  return {
    entry: z.object({ input: price, output: price }).strict(),
    row: z.object({ model: z.string().trim().min(1, "the model name is empty"), input: price, output: price }).strict(),
    objectOfEntries: z.record(z.string(), z.unknown()),
  };
}

let cachedSchemas: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => {
  cachedSchemas ??= buildSchemas();
  return cachedSchemas;
};

const EXPECTED = 'expected CSV columns model,input,output or JSON {"MODEL": {"input": USD, "output": USD}, ...} (USD per million tokens)';

function fieldOf(key: string): Field | undefined {
  const n = normaliseName(key);
  return (Object.keys(ALIASES) as Field[]).find((f) => (ALIASES[f] as readonly string[]).includes(n));
}

/** Renames aliased keys to model/input/output; unknown keys stay (and the strict schema names them). */
function canonical(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[fieldOf(k) ?? k] = v;
  return out;
}

function issues(error: import("zod").ZodError, where: string): string[] {
  return error.issues.map((i) => `${where}${i.path.length ? `, field "${i.path.join(".")}"` : ""}: ${i.message}`);
}

type Row = { model: string; input: number; output: number; where: string };

function fromValue(value: unknown, file: string): { rows: Row[]; problems: string[] } {
  const problems: string[] = [];
  const rows: Row[] = [];
  let data = value;
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    const o = data as Record<string, unknown>;
    const inner = o.models ?? o.prices;
    if (inner !== undefined) data = inner;
  }
  if (Array.isArray(data)) {
    data.forEach((row, i) => {
      const where = `element [${i}]`;
      const parsed =
        typeof row === "object" && row !== null && !Array.isArray(row)
          ? schemas().row.safeParse(canonical(row as Record<string, unknown>))
          : undefined;
      if (!parsed) problems.push(`${where}: expected an object with model, input and output`);
      else if (!parsed.success) problems.push(...issues(parsed.error, where));
      else rows.push({ ...parsed.data, where });
    });
    return { rows, problems };
  }
  const obj = schemas().objectOfEntries.safeParse(data);
  if (!obj.success) throw new InputError(`${file}: not a price table (${EXPECTED})`, { file });
  for (const [model, entry] of Object.entries(obj.data)) {
    const where = `model "${model}"`;
    const parsed =
      typeof entry === "object" && entry !== null && !Array.isArray(entry)
        ? schemas().entry.safeParse(canonical(entry as Record<string, unknown>))
        : undefined;
    if (!parsed) problems.push(`${where}: expected {"input": USD, "output": USD}`);
    else if (!parsed.success) problems.push(...issues(parsed.error, where));
    else if (model.trim() === "") problems.push(`${where}: the model name is empty`);
    else rows.push({ model: model.trim(), ...parsed.data, where });
  }
  return { rows, problems };
}

function fromCsv(text: string, file: string): { rows: Row[]; problems: string[] } {
  const rec = parseCsv(text, file, extension(file) === "tsv" ? "\t" : undefined);
  const cols = rec.columns.map(fieldOf);
  const problems: string[] = [];
  for (const f of ["model", "input", "output"] as const) {
    if (!cols.includes(f))
      throw new InputError(`${file}: no "${f}" column (its columns: ${rec.columns.join(", ")}; ${EXPECTED})`, { file, row: 1, column: f });
  }
  const extra = rec.columns.filter((_, i) => cols[i] === undefined);
  if (extra.length > 0)
    throw new InputError(`${file}: unknown columns ${extra.map((c) => `"${c}"`).join(", ")} (${EXPECTED})`, {
      file,
      row: 1,
      column: extra[0],
    });
  const rows: Row[] = [];
  for (const r of rec.rows) {
    const get = (f: Field) => r.cells[cols.indexOf(f)];
    const model = String(get("model") ?? "").trim();
    if (model === "") {
      problems.push(`${r.where}, column "model": the model name is empty`);
      continue;
    }
    const nums = (["input", "output"] as const).map((f) => {
      const p = parseScoreCell(get(f));
      const col = rec.columns[cols.indexOf(f)];
      if (p.kind === "number" && p.value >= 0) return p.value;
      problems.push(
        `${r.where}, column "${col}": ${p.kind === "number" ? `${p.value} is negative` : p.kind === "missing" ? "no price" : p.reason} (expected USD per million tokens, >= 0)`,
      );
      return Number.NaN;
    });
    if (!nums.some(Number.isNaN)) rows.push({ model, input: nums[0], output: nums[1], where: r.where });
  }
  return { rows, problems };
}

/** Text of a price file -> the checked table. Throws InputError naming the file, row and field. */
export function parsePriceTable(text: string, file: string): PriceTable {
  const ext = extension(file);
  const read =
    ext === "json"
      ? fromValue(parseJsonText(text, file), file)
      : isYaml(file)
        ? fromValue(parseYamlText(text, file), file)
        : fromCsv(text, file);
  const problems = [...read.problems];
  const prices = new Map<string, ModelPrice>();
  for (const r of read.rows) {
    const seen = prices.get(r.model);
    if (seen) problems.push(`${r.where}: model "${r.model}" is priced twice (also at ${seen.where})`);
    else prices.set(r.model, { input: r.input, output: r.output, where: r.where });
  }
  if (problems.length > 0) throw problemsError(`${file}: invalid price table (${EXPECTED}):`, problems, { file });
  if (prices.size === 0) throw new InputError(`${file}: the price table has no models (${EXPECTED})`, { file });
  return { source: file, prices };
}

/** USD of one call: prompt x input price + completion x output price, prices per million tokens. */
export function priceOf(p: ModelPrice, prompt: number, completion: number): number {
  return (prompt * p.input + completion * p.output) / 1e6;
}
