/** `swissround cost`: cost per attempt, cost-of-pass, Pareto frontiers and CSD under a budget. */
import { type Command, Option } from "commander";
import { OUTCOME_MODES, type OutcomeMode } from "../cost/adjusted.js";
import { analyseCosts, contestOf } from "../cost/analysis.js";
import { BUDGET_ACTIONS, BUDGET_BASES, type BudgetAction, type BudgetBasis, parseBudget } from "../cost/budget.js";
import { costReport } from "../cost/report.js";
import { renderCost } from "../output/render-cost.js";
import { prepareRank } from "../run/rank.js";
import { InputError } from "../table/errors.js";
import { addOutputOptions, addTableOptions, type OutputFlags, outputFormat, outputTo, printNotes, runInputs } from "./common.js";
import { addCostInputOptions, type CostInputFlags, costInputsFrom } from "./cost-options.js";
import { addSimulationOptions, rankOptionsFrom, runWithProgress, type SimulationFlags } from "./simulation-options.js";

interface CostFlags extends SimulationFlags, OutputFlags, CostInputFlags {
  budget?: string;
  budgetPer: BudgetBasis;
  budgetAction: BudgetAction;
}

const EXAMPLES = `
Examples:
  $ swissround cost ../shared/data/aider/polyglot_leaderboard.yml --duplicates suffix
  $ swissround cost runs.jsonl --prices prices.csv --expert-cost 2.5 --format markdown -o cost.md
  $ swissround cost scores.csv --costs costs.csv --budget 0.05 --budget-action mark
  $ swissround cost scores.csv --costs costs.csv --outcomes cost-adjusted

Costs come from per-item costs, per-item prompt/completion(/reasoning) tokens priced with --prices
(USD per million tokens), a cost column in a long table or a --costs file (mean USD per attempt), or
aider's total_cost (0 = unknown). A model whose tokens need pricing but has no price is an error.`;

export function registerCost(program: Command): void {
  const cmd = program
    .command("cost")
    .description("cost per attempt, cost-of-pass, frontier cost-of-pass, Pareto frontiers and CSD under a budget")
    .argument(
      "<scores>",
      "score table with costs (per-item results, a long table with a cost column, aider YAML), or any table with --costs",
    );
  addCostInputOptions(cmd)
    .option("--budget <usd>", "USD limit per attempt (or per pass, --budget-per) a model may cost to play the contest")
    .addOption(
      new Option("--budget-per <basis>", "what the budget limits: cost per attempt or cost-of-pass")
        .choices(BUDGET_BASES as unknown as string[])
        .default("attempt"),
    )
    .addOption(
      new Option("--budget-action <action>", "drop over-budget models before the contest, or only mark them")
        .choices(BUDGET_ACTIONS as unknown as string[])
        .default("drop"),
    );
  addSimulationOptions(cmd);
  // The shared --outcomes gains this command's own mode (the engine plays it as binary on scores per dollar).
  const outcomes = cmd.options.find((o) => o.long === "--outcomes");
  if (outcomes) {
    outcomes.choices(OUTCOME_MODES as unknown as string[]);
    outcomes.description = `${outcomes.description}; cost-adjusted: a round's match won on score per dollar`;
  }
  addTableOptions(cmd);
  addOutputOptions(cmd);
  cmd.addHelpText("after", EXAMPLES).action(async (scores: string, flags: CostFlags) => {
    const format = outputFormat(flags);
    const write = outputTo(flags.output, runInputs([scores], flags));
    const budgetLimit = flags.budget !== undefined ? parseBudget(flags.budget) : undefined;
    if (
      budgetLimit === undefined &&
      (cmd.getOptionValueSource("budgetPer") === "cli" || cmd.getOptionValueSource("budgetAction") === "cli")
    )
      throw new InputError("--budget-per and --budget-action need --budget USD");
    const prepared = prepareRank(scores, rankOptionsFrom(flags));
    const inputs = costInputsFrom(scores, flags, prepared);
    const analysis = analyseCosts(prepared, {
      ...inputs.options,
      ...(budgetLimit !== undefined ? { budget: { limit: budgetLimit, per: flags.budgetPer, action: flags.budgetAction } } : {}),
      outcomes: (flags.outcomes ?? "binary") as OutcomeMode,
    });
    const contest = contestOf(prepared, analysis);
    if (format === "csv" || flags.output) printNotes([...analysis.notes, ...contest.notes], flags.quiet ?? false);
    const { result: csd } = await runWithProgress(contest.prepared, flags);
    const report = costReport({ analysis, csd, inputs: inputs.described, expert: inputs.options.expert, fieldNotes: contest.notes });
    write(renderCost(report, format));
  });
}
