/**
 * EleutherAI lm-evaluation-harness results: `results_<date>.json` files (v0.4: keys
 * "metric,filter"; v0.3: plain "metric"), one model each, or a directory of them. Each task's
 * metric is chosen by --metric, else by DEFAULT_METRICS; the harness's stderr values and sample
 * counts are kept. Group tasks' subtasks are folded into the group unless --harness-tasks all.
 */
import { InputError, listProblems } from "../errors.js";
import { parseJsonText } from "../json.js";
import { emptyValues, type RawRow, type RawTable } from "../raw.js";
import { type Adapter, type AdapterOptions, extension, type SourceText } from "./types.js";

/** The metric each task is ranked on unless --metric says otherwise: the first the task reports. */
export const DEFAULT_METRICS = [
  "acc_norm",
  "acc",
  "exact_match",
  "pass@1",
  "f1",
  "em",
  "mc2",
  "mc1",
  "mcc",
  "prompt_level_strict_acc",
  "inst_level_strict_acc",
  "bleu",
  "rouge1",
  "rougeL",
  "word_perplexity",
  "byte_perplexity",
  "bits_per_byte",
  "perplexity",
];
/** Filters preferred when a metric has several ("exact_match,strict-match" and ",flexible-extract"). */
const FILTER_ORDER = ["none", "strict-match", "flexible-extract"];
const LOWER_IS_BETTER = new Set(["perplexity", "word_perplexity", "byte_perplexity", "bits_per_byte", "ter"]);
const NOT_METRICS = new Set(["alias", "name", "sample_len", "sample_count", "samples", " "]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

interface MetricKey {
  key: string;
  metric: string;
  filter: string;
}

interface HarnessFile {
  file: string;
  model: string;
  modelFrom: string;
  results: Record<string, Obj>;
  data: Obj;
}

/** Does this JSON value look like a harness results file? */
export function isHarnessResults(v: unknown): v is Obj {
  if (!isObj(v) || !isObj(v.results)) return false;
  const tasks = Object.values(v.results);
  return (
    tasks.length > 0 && tasks.every(isObj) && ("versions" in v || "config" in v || "configs" in v || "n-shot" in v || "group_subtasks" in v)
  );
}

function metricKeys(entry: Obj): MetricKey[] {
  const out: MetricKey[] = [];
  for (const [key, v] of Object.entries(entry)) {
    if (NOT_METRICS.has(key) || !(typeof v === "number" || v === "N/A")) continue;
    const [metric, filter = ""] = key.split(",");
    if (metric.endsWith("_stderr")) continue;
    out.push({ key, metric, filter });
  }
  return out;
}

function parseMetricSpec(spec: string): { task?: string; metric: string; filter?: string } {
  const [lhs, rhs] = spec.includes("=") ? spec.split("=", 2) : [undefined, spec];
  const [metric, filter] = rhs.split(":", 2);
  return { task: lhs?.trim(), metric: metric.trim(), filter: filter?.trim() };
}

function modelName(data: Obj, file: string): [string, string] {
  if (typeof data.model_name === "string" && data.model_name.trim() !== "") return [data.model_name.trim(), "model_name"];
  const cfg = isObj(data.config) ? data.config : {};
  const args = typeof cfg.model_args === "string" ? cfg.model_args : "";
  // The harness's own order (GeneralConfigTracker._get_model_name): peft and delta win over pretrained.
  for (const prefix of ["peft=", "delta=", "pretrained=", "model=", "path=", "engine="]) {
    const at = args.indexOf(prefix);
    if (at >= 0)
      return [
        args
          .slice(at + prefix.length)
          .split(",")[0]
          .trim(),
        `config.model_args ${prefix}`,
      ];
  }
  const parts = file.split(/[\\/]/);
  if (parts.length >= 2) return [parts[parts.length - 2], "its directory name"];
  return [(parts.pop() ?? file).replace(/\.json$/, ""), "its file name"];
}

function readFile(src: SourceText): HarnessFile {
  const data = parseJsonText(src.text, src.file);
  if (!isHarnessResults(data)) {
    throw new InputError(
      `${src.file}: not an lm-evaluation-harness results file (expected {"results": {task: {"acc,none": ..., ...}}, "versions": ..., "config": ...})`,
    );
  }
  const [model, modelFrom] = modelName(data, src.file);
  return { file: src.file, model, modelFrom, results: data.results as Record<string, Obj>, data };
}

/** Subtasks of groups (group_subtasks), or entries whose alias starts with "-" (older v0.4 files). */
function subtasks(f: HarnessFile): Set<string> {
  const out = new Set<string>();
  const gs = f.data.group_subtasks;
  if (isObj(gs)) for (const list of Object.values(gs)) if (Array.isArray(list)) for (const t of list) if (typeof t === "string") out.add(t);
  if (out.size === 0)
    for (const [task, e] of Object.entries(f.results)) if (typeof e.alias === "string" && /^\s*-/.test(e.alias)) out.add(task);
  return out;
}

function chooseMetric(task: string, files: readonly HarnessFile[], prefs: ReturnType<typeof parseMetricSpec>[]): MetricKey {
  const perFile = files.map((f) => metricKeys(f.results[task]));
  const common = perFile[0].filter((k) => perFile.every((keys) => keys.some((x) => x.key === k.key)));
  const pick = (metric: string, filter?: string): MetricKey | undefined => {
    const cands = common.filter((k) => k.metric === metric && (filter === undefined || k.filter === filter));
    for (const f of FILTER_ORDER) {
      const hit = cands.find((k) => k.filter === f);
      if (hit) return hit;
    }
    return [...cands].sort((a, b) => a.filter.localeCompare(b.filter))[0];
  };
  for (const p of prefs.filter((p) => p.task === task)) {
    const hit = pick(p.metric, p.filter);
    if (!hit)
      throw new InputError(
        `--metric ${task}=${p.metric}${p.filter ? `:${p.filter}` : ""}: not reported for task "${task}" by every file (it has: ${common.map((k) => k.key).join(", ")})`,
      );
    return hit;
  }
  for (const p of [...prefs.filter((p) => !p.task), ...DEFAULT_METRICS.map((metric) => ({ metric, filter: undefined }))]) {
    const hit = pick(p.metric, p.filter);
    if (hit) return hit;
  }
  if (common.length > 0) return common[0];
  throw new InputError(
    listProblems(
      `task "${task}": no metric reported by every file that has it:`,
      files.map((f, i) => `${f.file}: ${perFile[i].map((k) => k.key).join(", ") || "(none)"}`),
    ),
  );
}

function numberOrNaN(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
}

export function readHarness(sources: readonly SourceText[], options: AdapterOptions): RawTable {
  if (sources.length === 0) throw new InputError("no lm-evaluation-harness results files found (expected results*.json)");
  const files = sources.map(readFile);
  const source = sources.length === 1 ? sources[0].file : `${sources.length} harness results files`;
  const folded = new Map<string, number>();
  const tasks: string[] = [];
  for (const f of files) {
    const sub = options.harnessTasks === "all" ? new Set<string>() : subtasks(f);
    for (const t of Object.keys(f.results)) {
      if (sub.has(t)) folded.set(t, 1);
      else if (!tasks.includes(t)) tasks.push(t);
    }
  }
  const prefs = (options.metric ?? []).map(parseMetricSpec);
  for (const p of prefs)
    if (p.task && !tasks.includes(p.task))
      throw new InputError(`--metric ${p.task}=${p.metric}: no task "${p.task}" (tasks: ${tasks.join(", ")})`);
  const chosen = tasks.map((t) =>
    chooseMetric(
      t,
      files.filter((f) => t in f.results),
      prefs,
    ),
  );
  const lowerIsBetter: string[] = [];
  tasks.forEach((t, j) => {
    const hib = files
      .map((f) => f.data.higher_is_better)
      .find((h) => isObj(h) && isObj(h[t]) && typeof (h[t] as Obj)[chosen[j].metric] === "boolean");
    const higher = hib ? ((hib as Obj)[t] as Obj)[chosen[j].metric] === true : !LOWER_IS_BETTER.has(chosen[j].metric);
    if (!higher) lowerIsBetter.push(t);
  });
  const B = tasks.length;
  const rows: RawRow[] = files.map((f) => {
    const values = emptyValues(B);
    const stderr = emptyValues(B);
    const count = emptyValues(B);
    tasks.forEach((t, j) => {
      const e = f.results[t];
      if (!e) return;
      const k = chosen[j];
      values[j] = numberOrNaN(e[k.key]);
      const se = k.filter ? `${k.metric}_stderr,${k.filter}` : `${k.metric}_stderr`;
      stderr[j] = numberOrNaN(e[se]);
      const ns = isObj(f.data["n-samples"]) ? (f.data["n-samples"] as Obj)[t] : undefined;
      count[j] = isObj(ns) ? numberOrNaN(ns.effective) : typeof e.sample_len === "number" ? e.sample_len : Number.NaN;
    });
    const date =
      typeof f.data.date === "number" ? new Date(f.data.date * 1000).toISOString().slice(0, 19) : (f.file.split(/[\\/]/).pop() ?? f.file);
    return { model: f.model, where: f.file, variant: date, values, extras: { stderr, count } };
  });
  // A model's runs of different tasks (one file each) are one row; the same task twice is a
  // duplicate for --duplicates.
  const merged: RawRow[] = [];
  const mergedNotes: string[] = [];
  for (const r of rows) {
    const same = merged.find((x) => x.model === r.model && x.values.every((v, j) => Number.isNaN(v) || Number.isNaN(r.values[j])));
    if (!same) {
      merged.push(r);
      continue;
    }
    r.values.forEach((v, j) => {
      if (Number.isNaN(v)) return;
      same.values[j] = v;
      for (const name of ["stderr", "count"] as const) {
        const dst = same.extras?.[name];
        const src = r.extras?.[name];
        if (dst && src) dst[j] = src[j];
      }
    });
    mergedNotes.push(`${r.model}: ${same.where} + ${r.where}`);
    same.where = `${same.where} + ${r.where}`;
  }
  const notes = [
    `lm-evaluation-harness results: ${files.length} file${files.length === 1 ? "" : "s"}, model names from ${[...new Set(files.map((f) => f.modelFrom))].join(", ")}`,
    `metrics: ${tasks.map((t, j) => `${t} ${chosen[j].key}`).join("; ")} (choose with --metric; default order ${DEFAULT_METRICS.slice(0, 5).join(", ")}, ...)`,
  ];
  if (folded.size > 0) notes.push(`${folded.size} subtasks folded into their groups (not benchmarks; --harness-tasks all keeps them)`);
  if (lowerIsBetter.length > 0) notes.push(`lower is better (from the harness's higher_is_better): ${lowerIsBetter.join(", ")}`);
  if (mergedNotes.length > 0) notes.push(`files of one model with different tasks merged: ${mergedNotes.join("; ")}`);
  const missingSe = rows.some((r) => r.extras?.stderr?.some((v, j) => Number.isNaN(v) && !Number.isNaN(r.values[j])));
  if (missingSe) notes.push('some standard errors are "N/A" in the files (kept as unknown)');
  return {
    source,
    adapter: "harness",
    layout: "models-rows",
    benchmarks: tasks,
    benchmarkWhere: tasks.map((t, j) => `task "${t}" (${chosen[j].key})`),
    rows: merged,
    duplicateUnit: "row",
    ignored: [],
    lowerIsBetter,
    notes,
  };
}

export const harnessAdapter: Adapter = {
  name: "harness",
  description: "lm-evaluation-harness results*.json (one per model) or a directory of them",
  sniff(file, head) {
    if (extension(file) !== "json") return undefined;
    try {
      return isHarnessResults(JSON.parse(head.replace(/^\uFEFF/, "")))
        ? 'an lm-evaluation-harness results file ("results" by task, "versions", "config")'
        : undefined;
    } catch {
      return undefined;
    }
  },
  read: readHarness,
};
