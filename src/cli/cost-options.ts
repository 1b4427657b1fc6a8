/** The cost input options (`cost`, and `report`/`plot` for the cost chart) and the files they name. */
import { type Command, Option } from "commander";
import { analyseCosts, type CostOptions } from "../cost/analysis.js";
import type { ReasoningTokens } from "../cost/attempts.js";
import { chartDataOf, hasTableCosts } from "../cost/chart-data.js";
import { costFiguresFromText } from "../cost/cost-figures.js";
import { parseExpertCost } from "../cost/expert.js";
import { parsePriceTable } from "../cost/prices.js";
import type { CostInputs } from "../cost/report.js";
import { SUCCESS_SCALES, type SuccessScaleOption } from "../cost/success.js";
import type { CostChartData } from "../output/charts/input.js";
import type { PreparedRank } from "../run/prepare.js";
import { readTextFile } from "../table/read.js";
import { readOptionsFrom, type TableFlags } from "./common.js";

export interface CostInputFlags extends TableFlags {
  prices?: string;
  costs?: string;
  expertCost?: string;
  successScale?: SuccessScaleOption;
  reasoningTokens?: ReasoningTokens;
}

/** The options that say where costs come from (report and plot take only these). */
export function addCostFileOptions(cmd: Command): Command {
  return cmd
    .option("--prices <file>", "price table (CSV/JSON/YAML): model, input and output USD per million tokens, for per-item token counts")
    .option("--costs <file>", "cost figures (CSV/JSON): model, benchmark, cost = mean USD per attempt")
    .addOption(
      new Option("--reasoning-tokens <how>", "separate: reasoning tokens are added to the completion tokens; included: already in them")
        .choices(["separate", "included"])
        .default("separate"),
    );
}

export function addCostInputOptions(cmd: Command): Command {
  return addCostFileOptions(cmd)
    .option("--expert-cost <usd>", "a human expert's USD per problem (always succeeds): one amount, or BENCHMARK=USD,...")
    .addOption(
      new Option("--success-scale <scale>", "the score of a certain success: auto (0-1 or 0-100 from the values), 1 or 100")
        .choices(SUCCESS_SCALES as unknown as string[])
        .default("auto"),
    );
}

export interface CostInputsRead {
  options: CostOptions;
  described: Omit<CostInputs, "expertCost">;
}

/** Reads --prices, --costs and the score table's own cost column (long tables). Throws InputError. */
export function costInputsFrom(scores: string, flags: CostInputFlags, prepared: PreparedRank): CostInputsRead {
  const { table } = prepared;
  const benchmarks = table.benchmarks.map((b) => b.name);
  const onlyBenchmark = benchmarks.length === 1 ? benchmarks[0] : undefined;
  const prices = flags.prices ? parsePriceTable(readTextFile(flags.prices, "price table"), flags.prices) : undefined;
  const costFile = flags.costs
    ? costFiguresFromText(readTextFile(flags.costs, "cost file"), flags.costs, { required: true, onlyBenchmark })
    : undefined;
  const costColumn =
    table.adapter === "long"
      ? costFiguresFromText(readTextFile(scores, "score table"), scores, {
          required: false,
          columns: readOptionsFrom(flags).columns,
          onlyBenchmark,
        })
      : undefined;
  const expert = flags.expertCost ? parseExpertCost(flags.expertCost, benchmarks) : undefined;
  const reasoning = flags.reasoningTokens ?? "separate";
  return {
    options: {
      ...(prices ? { prices } : {}),
      ...(costFile ? { costFile } : {}),
      ...(costColumn ? { costColumn } : {}),
      ...(expert ? { expert } : {}),
      reasoning,
      successScale: flags.successScale ?? "auto",
    },
    described: {
      ...(prices ? { prices: prices.source } : {}),
      ...(costFile ? { costFile: costFile.source } : {}),
      ...(costColumn ? { costColumn: `${costColumn.source}: column "${costColumn.column}"` } : {}),
      reasoningTokens: reasoning,
      successScale: flags.successScale ?? "auto",
    },
  };
}

/** Each model's cost per attempt for the report's cost chart; undefined when the input has no cost at all. */
export function costChartData(scores: string, flags: CostInputFlags, prepared: PreparedRank): CostChartData | undefined {
  const inputs = costInputsFrom(scores, flags, prepared);
  const given = flags.prices !== undefined || flags.costs !== undefined || inputs.options.costColumn !== undefined;
  if (!given && !hasTableCosts(prepared.table)) return undefined;
  return chartDataOf(analyseCosts(prepared, inputs.options).models);
}
