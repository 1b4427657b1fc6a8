/** Options of the commands that put CSD beside the other methods (compare, stress, order). */
import { type Command, Option } from "commander";
import type { CompareOver } from "../analysis/compare.js";
import type { RerunSettings } from "../analysis/rerun.js";
import { rankingMethods } from "../rank/index.js";
import type { Normalisation } from "../rank/matrix.js";
import { parseNameList } from "../run/options.js";
import { contestRules, type PreparedRank, prepareRank, SCRIPT_MODE_WARNING } from "../run/rank.js";
import { InputError } from "../table/errors.js";
import { addOutputOptions, addTableOptions, wholeOption } from "./common.js";
import { addSimulationOptions, rankOptionsFrom, type SimulationFlags } from "./simulation-options.js";

/** Contests per setting in each re-ranking of a study (stress, order). */
export const STUDY_RUNS = 5000;

export interface MethodFlags {
  methods?: string;
  over: CompareOver;
  normalise?: Normalisation;
}

export function addMethodOptions(cmd: Command): Command {
  return cmd
    .option("--methods <ids>", `static methods to include (default all): ${rankingMethods.map((m) => m.id).join(", ")}`)
    .addOption(new Option("--over <columns>", "columns the static methods rank on").choices(["benchmarks", "rounds"]).default("benchmarks"))
    .addOption(
      new Option(
        "--normalise <how>",
        "per-column rescaling for every scale-sensitive method (default: each method's own: raw for mean and CVaR, min-max for IQM and optimality gap)",
      ).choices(["none", "minmax", "zscore"]),
    );
}

export function methodIds(flags: MethodFlags): string[] | undefined {
  if (!flags.methods) return undefined;
  const ids = parseNameList(flags.methods, "--methods");
  const unknown = ids.filter((id) => !rankingMethods.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw new InputError(
      `--methods: unknown method ${unknown.map((u) => `"${u}"`).join(", ")} (known: ${rankingMethods.map((m) => m.id).join(", ")})`,
    );
  }
  return ids;
}

/** Whole number option in [min, max], with a message naming the option. */

export function rerunSettings(prepared: PreparedRank, flags: MethodFlags, eloOrders: number): RerunSettings {
  const rules = contestRules(prepared.config);
  return {
    csd: prepared.config.settings.map((s, i) => ({ label: s.label, rules: rules[i] })),
    runs: prepared.config.runs,
    seed: prepared.config.seed,
    methods: methodIds(flags),
    over: flags.over,
    normalisation: flags.normalise,
    eloOrders,
    missing: prepared.roundMissing,
  };
}

/** The options every study command shares (simulation with the study default N, methods, input, output). */
export function addStudyOptions(cmd: Command, examples: string): Command {
  cmd.option("--elo-orders <n>", "random battle orders for Elo in each re-ranking", "20");
  addSimulationOptions(cmd, STUDY_RUNS);
  addMethodOptions(cmd);
  addTableOptions(cmd);
  addOutputOptions(cmd);
  return cmd.addHelpText("after", `\nExamples:\n${examples}`);
}

/** Reads and checks the input of a study and the settings of its re-rankings. */
export function prepareStudy(
  scores: string,
  flags: SimulationFlags & MethodFlags & { eloOrders: string },
): { prepared: PreparedRank; settings: RerunSettings } {
  const prepared = prepareRank(scores, rankOptionsFrom(flags));
  if (prepared.config.elimination === "script") process.stderr.write(`swissround: warning: ${SCRIPT_MODE_WARNING}\n`);
  return { prepared, settings: rerunSettings(prepared, flags, wholeOption(flags.eloOrders, "--elo-orders", 1, 10_000)) };
}
