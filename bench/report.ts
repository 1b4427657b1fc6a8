/** The bench's figures: what is recorded per case, and the compact text table. */
import { formatMethods, type MethodsBench } from "./methods.js";
import { formatReading, type ReadingFigures } from "./reading.js";

export interface SettingFigures {
  T: number;
  /** Matches (= points handed out) per contest: the same in every contest. */
  matchesPerContest: number;
  /** One thread, this setting alone: cold (fresh process, best of reps) and warm (steady state). */
  jsSeconds: number;
  jsWarmSeconds: number;
  /** C reference: simulation time (process time minus its setup time), and the whole process. */
  cSeconds?: number;
  cProcessSeconds?: number;
  /** JS throughput / C throughput, one thread (> 1: JS faster): cold and warm JS. */
  ratioToC?: number;
  ratioToCWarm?: number;
  /** Agreement with C: max over models of |E_js - E_c| / (sqrt(2) SE_js), and how many exceed 4. */
  maxZ?: number;
  beyond4?: number;
  /** Sum of E[S] over models (exact: matches per contest). */
  sumExpected: number;
}

export interface CaseFigures {
  id: string;
  title: string;
  note: string;
  models: number;
  rounds: number;
  runs: number;
  tiedPairs: number;
  settings: SettingFigures[];
  /** Cold (fresh process: JIT warm-up included, as a CLI run) and warm (steady state). */
  oneThread: {
    seconds: number;
    contestsPerSec: number;
    matchesPerSec: number;
    warmSeconds: number;
    warmContestsPerSec: number;
    maxRssMB: number;
  };
  /**
   * Cold: fresh workers (their start-up and JIT warm-up included); booted: workers started and
   * loaded before the clock starts, JIT still cold (start-up left out, as the one-thread figure
   * leaves out the process's); warm: the pool's workers reused.
   */
  allThreads: {
    threads: number;
    seconds: number;
    contestsPerSec: number;
    matchesPerSec: number;
    maxRssMB: number;
    speedup: number;
    bootedSeconds: number;
    /** Booted all threads over cold one thread. */
    bootedSpeedup: number;
    warmSeconds: number;
    warmContestsPerSec: number;
    /** Warm all threads over warm one thread. */
    warmSpeedup: number;
  };
  c?: {
    seconds: number;
    setupSeconds: number;
    contestsPerSec: number;
    matchesPerSec: number;
    maxRssMB?: number;
    ratioOneThread: number;
    ratioOneThreadWarm: number;
    ratioAllThreads: number;
  };
  baseline?: { root: string; seconds: number; speedupOverBaseline: number };
}

export interface BenchResults {
  date: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  reps: number;
  /** 1-minute load average when the bench started and ended (other work on the machine skews timings). */
  loadAverage: { start: number; end?: number };
  cCompiler?: string;
  cNote?: string;
  cases: CaseFigures[];
  cli?:
    | { seconds: number; cTotalSeconds?: number; ratio?: number; swissPyRatio: number; helpSeconds: number; command: string }
    | { skipped: string };
  /** Streamed aggregation of a generated per-item file. */
  perItem?: { rows: number; rowsPerSecond: number; peakRssMB: number };
  /** compare and each ranking method at leaderboard scale (bench/methods.ts). */
  methods?: MethodsBench;
  /** Reading wide and long CSVs alone (bench/reading.ts). */
  reading?: ReadingFigures[];
}

export function si(x: number): string {
  if (!Number.isFinite(x)) return "-";
  const units: [number, string][] = [
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [f, u] of units) if (Math.abs(x) >= f) return `${(x / f).toPrecision(3)}${u}`;
  return x.toPrecision(3);
}

const fx = (x: number | undefined, d = 2) => (x === undefined || !Number.isFinite(x) ? "-" : x.toFixed(d));

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatResults(r: BenchResults): string {
  const out: string[] = [];
  out.push(
    `swissround bench - ${r.date} - node ${r.node} - ${r.cpu} x${r.cores} - best of ${r.reps} fresh processes - load avg ${fx(r.loadAverage.start)} -> ${fx(r.loadAverage.end)}`,
  );
  if (r.cCompiler) out.push(`C reference: ${r.cCompiler}, -O3 -march=native`);
  if (r.cNote) out.push(r.cNote);
  out.push("");
  const threads = r.cases[0]?.allThreads.threads ?? 0;
  out.push(
    table(
      [
        "case",
        "N x T",
        "1t contests/s",
        "1t matches/s",
        `${threads}t contests/s`,
        `${threads}t matches/s`,
        `${threads}t/1t`,
        "(booted)",
        "(warm)",
        "C contests/s",
        "JS/C 1t",
        "(warm)",
        `JS/C ${threads}t`,
      ],
      r.cases.map((c) => [
        c.title,
        `${si(c.runs)} x ${c.settings.length}`,
        si(c.oneThread.contestsPerSec),
        si(c.oneThread.matchesPerSec),
        si(c.allThreads.contestsPerSec),
        si(c.allThreads.matchesPerSec),
        fx(c.allThreads.speedup),
        fx(c.allThreads.bootedSpeedup),
        fx(c.allThreads.warmSpeedup),
        c.c ? si(c.c.contestsPerSec) : "-",
        fx(c.c?.ratioOneThread),
        fx(c.c?.ratioOneThreadWarm),
        fx(c.c?.ratioAllThreads),
      ]),
    ),
  );
  out.push("");
  out.push(
    table(
      [
        "case",
        "1t s",
        "1t warm s",
        `${threads}t s`,
        `${threads}t booted s`,
        `${threads}t warm s`,
        "C sim s",
        "C setup s",
        "RSS 1t MB",
        `RSS ${threads}t MB`,
        "C RSS MB",
        "max|z| vs C",
        "|z|>4",
        "tied pairs",
      ],
      r.cases.map((c) => [
        c.title,
        fx(c.oneThread.seconds),
        fx(c.oneThread.warmSeconds),
        fx(c.allThreads.seconds),
        fx(c.allThreads.bootedSeconds),
        fx(c.allThreads.warmSeconds),
        fx(c.c?.seconds),
        fx(c.c?.setupSeconds),
        fx(c.oneThread.maxRssMB, 0),
        fx(c.allThreads.maxRssMB, 0),
        fx(c.c?.maxRssMB, 0),
        c.settings.some((s) => s.maxZ !== undefined) ? fx(Math.max(...c.settings.map((s) => s.maxZ ?? 0))) : "-",
        c.settings.some((s) => s.beyond4 !== undefined)
          ? `${c.settings.reduce((a, s) => a + (s.beyond4 ?? 0), 0)}/${c.models * c.settings.length}`
          : "-",
        String(c.tiedPairs),
      ]),
    ),
  );
  out.push("");
  for (const c of r.cases) {
    const perT = c.settings
      .map(
        (s) =>
          `T=${s.T}: ${fx(s.jsSeconds, 3)}s cold, ${fx(s.jsWarmSeconds, 3)}s warm${s.ratioToC !== undefined ? ` (x${fx(s.ratioToC)} / x${fx(s.ratioToCWarm)} C)` : ""}, sum E[S] ${s.sumExpected} (exact ${s.matchesPerContest})`,
      )
      .join("; ");
    out.push(`${c.title} [${c.note}]: ${perT}`);
    if (c.baseline)
      out.push(
        `  vs baseline engine ${c.baseline.root}: ${fx(c.baseline.seconds)}s -> ${fx(c.oneThread.seconds)}s one thread (x${fx(c.baseline.speedupOverBaseline)})`,
      );
  }
  if (r.cli) {
    out.push("");
    if ("skipped" in r.cli) out.push(`CLI end-to-end: skipped (${r.cli.skipped})`);
    else
      out.push(
        `CLI end-to-end on (a), 3 x 100k contests: ${fx(r.cli.seconds)}s` +
          (r.cli.cTotalSeconds !== undefined
            ? ` vs C ${fx(r.cli.cTotalSeconds)}s for the same contests (3 processes): JS/C speed x${fx(r.cli.ratio)}`
            : "") +
          `; vs the authors' swiss.py (488 s here): x${Math.round(r.cli.swissPyRatio).toLocaleString("en")}; \`swissround --help\` ${fx(r.cli.helpSeconds)}s`,
      );
  }
  if (r.perItem) {
    out.push(
      "",
      `Per-item aggregation (streamed): ${r.perItem.rows.toLocaleString("en")} rows at ${Math.round(r.perItem.rowsPerSecond).toLocaleString("en")} rows/s, peak RSS ${r.perItem.peakRssMB} MB`,
    );
  }
  if (r.reading && r.reading.length > 0) out.push("", formatReading(r.reading));
  if (r.methods) out.push("", formatMethods(r.methods));
  out.push("");
  out.push("1t: simulate(threads: 1) in a fresh process (cold: JIT warm-up included, as a CLI run); warm: the same again in that process.");
  out.push(`${threads}t: simulate over all cores in a fresh process: new workers (start-up and warm-up included), as a CLI run.`);
  out.push(
    `${threads}t booted: the same with the workers started and loaded before the clock starts (JIT still cold), as 1t leaves out the process's start-up.`,
  );
  out.push(`${threads}t warm: the same again in that process, on the worker pool's warm workers (library, server, --precision batches).`);
  out.push(`${threads}t/1t (booted): booted over 1t cold; (warm): warm over warm. RSS: peak of the measuring process.`);
  out.push("JS/C: throughput ratio (> 1: JS faster); C time excludes its setup (reading the round scores, ranking them per round).");
  out.push(
    "|z|: |E_js - E_c| / (sqrt 2 * SE_js) per model and T; for large fields with T > 0 rare early eliminations make the tails heavier than normal.",
  );
  return out.join("\n");
}
