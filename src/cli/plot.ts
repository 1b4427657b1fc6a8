/** `swissround plot`: one chart as an SVG or PNG file, drawn on the server (no browser). */
import { Argument, type Command, Option } from "commander";
import { buildChart, UNAVAILABLE } from "../output/charts/index.js";
import { type ChartSpec, type ChartVariant, FILE_WIDTH } from "../output/charts/types.js";
import { parseNameList } from "../run/options.js";
import { InputError } from "../table/errors.js";
import { addTableOptions, outputTo, runInputs, topFrom } from "./common.js";
import { addCostFileOptions } from "./cost-options.js";
import { addBootstrapOption, type ReportFlags, reportDataFrom } from "./report.js";
import { addSimulationOptions } from "./simulation-options.js";

/** Charts `plot` can draw (cost: when the input has costs). */
export const PLOT_CHARTS = ["intervals", "sensitivity", "robustness", "ranks", "wins", "compare", "cost"] as const;
type PlotChart = (typeof PLOT_CHARTS)[number];

interface PlotFlags extends ReportFlags {
  format?: "svg" | "png";
  output?: string;
  setting?: string;
  round?: string;
  view?: string;
  top?: string;
  models?: string;
  width: string;
  scale: string;
}

function imageFormat(flags: PlotFlags): "svg" | "png" {
  if (flags.format) return flags.format;
  const ext = flags.output ? /\.([^./\\]+)$/.exec(flags.output)?.[1]?.toLowerCase() : undefined;
  if (ext === "svg" || ext === "png") return ext;
  throw new InputError(
    `${flags.output ? `-o ${flags.output}: cannot tell the format from the name; add` : "give"} --format svg or --format png`,
  );
}

function positiveNumber(text: string, option: string, max: number): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    throw new InputError(`${option}: "${text}" is not valid: expected a number above 0 and at most ${max}`);
  return n;
}

/** Checked before simulating: a view option for a chart that has no such views. */
function checkViewFlags(chart: PlotChart, flags: PlotFlags): void {
  if (flags.setting !== undefined && chart !== "ranks" && chart !== "cost" && chart !== "intervals")
    throw new InputError("--setting picks the T setting of the ranks, intervals and cost charts only");
  if (flags.round !== undefined && chart !== "wins") throw new InputError("--round picks the round of the wins chart only");
}

/** The view --setting (ranks) or --round (wins) or --view asks for; the chart's own first view otherwise. */
function pickVariant(spec: ChartSpec, flags: PlotFlags): ChartVariant {
  if (flags.view !== undefined) {
    const want = flags.view.toLowerCase();
    const v = spec.variants.find((x) => x.label.toLowerCase() === want);
    if (!v) throw new InputError(`--view ${flags.view}: this chart's views are ${spec.variants.map((x) => `"${x.label}"`).join(", ")}`);
    return v;
  }
  if (flags.setting !== undefined) {
    const v = spec.variants.find((x) => x.label === `T = ${flags.setting}`);
    if (!v)
      throw new InputError(
        `--setting ${flags.setting}: not a setting of this run (${spec.variants.map((x) => x.label.slice(4)).join(", ")}); the run's settings come from --T`,
      );
    return v;
  }
  if (flags.round !== undefined) {
    const r = flags.round;
    const v =
      r === "all"
        ? spec.variants[0]
        : spec.variants.slice(1).find((x, k) => String(k + 1) === r || x.label.replace(/^round \d+: /, "") === r);
    if (!v)
      throw new InputError(
        `--round ${r}: expected "all", a round number or a round name (${spec.variants
          .slice(1)
          .map((x) => x.label.replace(/^round \d+: /, ""))
          .join(", ")})`,
      );
    return v;
  }
  return spec.variants[spec.initial];
}

const EXAMPLES = `
Examples:
  $ swissround plot sensitivity data/opencompass_2024-08-29.csv --rounds data/opencompass.rounds.json -o sensitivity.svg
  $ swissround plot robustness scores.csv --T 0,2 --format png -o robustness.png
  $ swissround plot ranks scores.csv --T 0,1,2 --setting 1 -o ranks-T1.png
  $ swissround plot wins scores.csv --round 3 -o wins-round3.svg
  $ swissround plot intervals test/data/mmlu-pro/mmlu_pro_item_correct.csv --bootstrap 200 -o intervals.svg

Charts: intervals (E[S] per model with a 95% interval: the bootstrap's with --bootstrap B, else Monte
Carlo only; --setting picks T), sensitivity (E[S] per T, models ordered by E[S] at the largest T), robustness (Delta E against
E[S] at T = 0), ranks (final-rank distribution heatmap), wins (pairwise win matrix, all rounds or one),
compare (each model's rank under every method of swissround compare), cost (cost per attempt against
E[S], one view per T, Pareto frontier drawn; needs costs: see swissround cost --help; --setting picks T).`;

export function registerPlot(program: Command): void {
  const cmd = program
    .command("plot")
    .description("draw one chart as SVG or PNG without a browser")
    .addArgument(new Argument("<chart>", "the chart to draw").choices(PLOT_CHARTS))
    .argument("<scores>", "score table: CSV/TSV/JSON (as for rank)");
  addSimulationOptions(cmd);
  addBootstrapOption(cmd);
  addCostFileOptions(cmd);
  addTableOptions(cmd)
    .addOption(new Option("--format <format>", "image format (default: from the -o extension)").choices(["svg", "png"]))
    .option("-o, --output <file>", "write to this file (atomically); SVG may go to stdout")
    .option("--setting <T>", "ranks, intervals and cost charts: the T setting to draw (default: the harshest)")
    .option("--round <round>", "wins chart: all, a round number (1 = first) or a round name (default: all)")
    .option("--view <name>", 'a view by its name, e.g. sensitivity --view "Delta E" (the paper\'s bar chart)')
    .option("--top <n>", "draw the best N models (default: as many as the chart holds, the best first)")
    .option("--models <names>", "draw these models, comma-separated (instead of the best)")
    .option("--width <px>", "image width in pixels (square matrices may need more)", String(FILE_WIDTH))
    .option("--scale <x>", "PNG pixels per SVG pixel", "2")
    .addHelpText("after", EXAMPLES)
    .action(async (chart: PlotChart, scores: string, flags: PlotFlags) => {
      const format = imageFormat(flags);
      checkViewFlags(chart, flags);
      if (format === "png" && !flags.output)
        throw new InputError("--format png needs -o FILE (binary output is not written to a terminal)");
      const write = outputTo(flags.output, runInputs([scores], flags));
      const width = positiveNumber(flags.width, "--width", 20_000);
      const scale = positiveNumber(flags.scale, "--scale", 8);
      // Only the compare chart needs the other methods.
      // ECharts and resvg load while the workers simulate (module loading is the main thread's job).
      const renderer = import("../output/charts/render.js");
      // Only this chart's inputs: the other methods only for the compare chart, never the studies.
      if (flags.top !== undefined && flags.models !== undefined)
        throw new InputError("--top and --models both choose the models: give one");
      const top = topFrom(flags);
      const models = flags.models !== undefined ? parseNameList(flags.models, "--models") : undefined;
      const choose = top !== undefined || models ? { ...(top !== undefined ? { top } : {}), ...(models ? { models } : {}) } : undefined;
      const data = await reportDataFrom(
        scores,
        { ...flags, compare: chart === "compare", studies: false },
        { charts: [chart], ...(choose ? { choose } : {}) },
      );
      const spec = buildChart(chart, data);
      if (!spec) throw new InputError(`${chart}: ${UNAVAILABLE[chart]}`);
      const variant = pickVariant(spec, flags);
      // Never silently: what the figure leaves out, and how to choose, on stderr too.
      if (spec.leftOut && !flags.quiet) process.stderr.write(`swissround: the ${chart} chart draws ${spec.leftOut}\n`);
      const { renderSvg, svgToPng } = await renderer;
      const svg = renderSvg(variant, width);
      const content = format === "svg" ? svg : svgToPng(svg, scale);
      write(content);
      if (flags.output && !flags.quiet) process.stderr.write(`swissround: wrote the ${chart} chart to ${flags.output}\n`);
    });
}
