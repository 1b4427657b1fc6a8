/**
 * EleutherAI lm-evaluation-harness results files (v0.4: keys "metric,filter"; v0.3: plain
 * "metric"), one model (at one checkpoint) each, or a directory or glob of them, recognised by
 * content whatever their names. Each task's metric is chosen by --metric, else by DEFAULT_METRICS;
 * a task that reports no score metric (crows_pairs' bias measures) is left out with a note. The
 * harness's stderr values and sample counts are kept. Group tasks' subtasks are folded into the
 * group unless --harness-tasks all. A model evaluated at several checkpoints keeps each one apart
 * (name@revision), and a task run with different few-shot counts becomes one benchmark per count.
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
const LOWER_IS_BETTER = new Set(["perplexity", "ppl", "word_perplexity", "byte_perplexity", "bits_per_byte", "ter"]);
/** Metrics that are scores, better one way or the other: anything else (a bias measure) is not ranked unless --metric names it. */
const SCORE_METRICS = new Set([...DEFAULT_METRICS, ...LOWER_IS_BETTER]);
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
  /** The checkpoint (model_args revision=...), when the file names one. */
  revision?: string;
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

/** model_args's value for a key ("revision" in "pretrained=EleutherAI/pythia-1b,revision=step1000"). */
function modelArg(data: Obj, key: string): string | undefined {
  const cfg = isObj(data.config) ? data.config : {};
  const args = typeof cfg.model_args === "string" ? cfg.model_args : "";
  const hit = args.split(",").find((a) => a.trim().startsWith(`${key}=`));
  return hit?.slice(hit.indexOf("=") + 1).trim() || undefined;
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
  // Nothing in the file names the model (the harness's own regression outputs): its file name does.
  return [(file.split(/[\\/]/).pop() ?? file).replace(/\.json$/i, ""), "the file name (the file names no model)"];
}

function readFile(src: SourceText): HarnessFile {
  const data = src.value ?? parseJsonText(src.text, src.file);
  if (!isHarnessResults(data)) {
    throw new InputError(
      `${src.file}: not an lm-evaluation-harness results file (expected {"results": {task: {"acc,none": ..., ...}}, "versions": ..., "config": ...})`,
      { file: src.file },
    );
  }
  const [model, modelFrom] = modelName(data, src.file);
  const revision = modelArg(data, "revision");
  return { file: src.file, model, modelFrom, ...(revision ? { revision } : {}), results: data.results as Record<string, Obj>, data };
}

/** A model at several checkpoints: each file's model becomes name@revision (the same name at one checkpoint stays as it is). */
function keepCheckpoints(files: HarnessFile[]): string | undefined {
  const revisions = new Map<string, Set<string>>();
  for (const f of files) {
    const set = revisions.get(f.model) ?? new Set<string>();
    set.add(f.revision ?? "");
    revisions.set(f.model, set);
  }
  const several = [...revisions.entries()].filter(([, set]) => set.size > 1);
  if (several.length === 0) return undefined;
  const named = new Set(several.map(([m]) => m));
  for (const f of files) if (named.has(f.model)) f.model = `${f.model}@${f.revision ?? "(no revision)"}`;
  const shown = several.slice(0, 3).map(([m, set]) => `${m} (${set.size})`);
  return `models at several checkpoints are kept apart as name@revision: ${shown.join(", ")}${several.length > 3 ? `, ... (${several.length} models)` : ""}`;
}

/** The few-shot count of a task in a file: v0.4's "n-shot", or v0.3's config.num_fewshot. */
function shotsOf(f: HarnessFile, task: string): string {
  const n = isObj(f.data["n-shot"]) ? (f.data["n-shot"] as Obj)[task] : undefined;
  if (typeof n === "number" || typeof n === "string") return String(n);
  const cfg = isObj(f.data.config) ? f.data.config : {};
  return typeof cfg.num_fewshot === "number" ? String(cfg.num_fewshot) : "";
}

/** A task run with different few-shot counts across the files becomes one benchmark per count: "arc_easy (5-shot)". */
function splitByShots(files: HarnessFile[]): string | undefined {
  const shots = new Map<string, Set<string>>();
  for (const f of files)
    for (const t of Object.keys(f.results)) {
      const set = shots.get(t) ?? new Set<string>();
      set.add(shotsOf(f, t));
      shots.set(t, set);
    }
  const split = new Set([...shots.entries()].filter(([, s]) => s.size > 1).map(([t]) => t));
  if (split.size === 0) return undefined;
  for (const f of files) {
    const renamed: Record<string, Obj> = {};
    for (const [t, e] of Object.entries(f.results)) renamed[split.has(t) ? `${t} (${shotsOf(f, t) || "?"}-shot)` : t] = e;
    f.results = renamed;
  }
  return `${split.size} tasks run with different few-shot counts are one benchmark per count ("${[...split][0]} (0-shot)", ...)`;
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

function chooseMetric(task: string, files: readonly HarnessFile[], prefs: ReturnType<typeof parseMetricSpec>[]): MetricKey | undefined {
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
        { code: "invalid-option", option: "metric" },
      );
    return hit;
  }
  for (const p of [...prefs.filter((p) => !p.task), ...DEFAULT_METRICS.map((metric) => ({ metric, filter: undefined }))]) {
    const hit = pick(p.metric, p.filter);
    if (hit) return hit;
  }
  const score = common.find((k) => SCORE_METRICS.has(k.metric));
  if (score) return score;
  // Only measures that are not scores (crows_pairs: likelihood_difference, pct_stereotype): left out, said in a note.
  if (common.length > 0) return undefined;
  // The file at fault: the first that reports no metric at all ("(none)"); files that only share none have no one culprit.
  const empty = files.find((_, i) => perFile[i].length === 0);
  throw new InputError(
    listProblems(
      `task "${task}": no metric reported by every file that has it:`,
      files.map((f, i) => `${f.file}: ${perFile[i].map((k) => k.key).join(", ") || "(none)"}`),
    ),
    empty ? { file: empty.file } : {},
  );
}

function numberOrNaN(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
}

export function readHarness(sources: readonly SourceText[], options: AdapterOptions): RawTable {
  if (sources.length === 0) throw new InputError("no lm-evaluation-harness results files found (expected results*.json)");
  const files = sources.map(readFile);
  const source = sources.length === 1 ? sources[0].file : `${sources.length} harness results files`;
  const fileNotes = [keepCheckpoints(files), splitByShots(files)].filter((n): n is string => n !== undefined);
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
      throw new InputError(`--metric ${p.task}=${p.metric}: no task "${p.task}" (tasks: ${tasks.join(", ")})`, {
        code: "invalid-option",
        option: "metric",
      });
  const picked = tasks.map((t) =>
    chooseMetric(
      t,
      files.filter((f) => t in f.results),
      prefs,
    ),
  );
  const notScores = tasks.filter((_, j) => picked[j] === undefined);
  if (notScores.length > 0) {
    const kept = tasks.filter((_, j) => picked[j] !== undefined);
    const metricsOf = (t: string) => metricKeys(files.find((f) => t in f.results)?.results[t] ?? {}).map((k) => k.key);
    fileNotes.push(
      `tasks without a score metric left out: ${notScores.map((t) => `${t} (${metricsOf(t).join(", ")})`).join("; ")}; rank one with --metric TASK=METRIC`,
    );
    tasks.splice(0, tasks.length, ...kept);
  }
  const chosen = picked.filter((k): k is MetricKey => k !== undefined);
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
  notes.push(...fileNotes);
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
    ignored: notScores,
    lowerIsBetter,
    notes,
  };
}

export const harnessAdapter: Adapter = {
  name: "harness",
  description: "lm-evaluation-harness results*.json (one per model) or a directory of them",
  options: ["metric", "harnessTasks"],
  detect(file, head) {
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
