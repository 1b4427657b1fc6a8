/** `swissround merge`: combine shard files into the single run's result. */
import type { Command } from "commander";
import { renderRank } from "../output/render-rank.js";
import { assembleResult } from "../run/result.js";
import { mergeParts, parsePart } from "../run/shard.js";
import { readTextFile } from "../table/read.js";
import { addOutputOptions, addTopOption, type OutputFlags, outputFormat, outputTo, topFrom } from "./common.js";

export function registerMerge(program: Command): void {
  const cmd = program
    .command("merge")
    .description("merge the shard files of one sharded run into its ranking (identical to the unsharded run)")
    .argument("<parts...>", "shard files written by: swissround rank ... --shard i/n --out FILE");
  addOutputOptions(cmd);
  addTopOption(cmd);
  cmd
    .addHelpText("after", "\nExample:\n  $ swissround merge part1.json part2.json part3.json --format json -o ranking.json")
    .action((files: string[], flags: OutputFlags & { top?: string }) => {
      const format = outputFormat(flags);
      const top = topFrom(flags);
      const write = outputTo(flags.output, files);
      const parts = files.map((file) => ({ file, part: parsePart(readTextFile(file, "shard file"), file) }));
      const { config, notes, tallies, twins } = mergeParts(parts);
      write(renderRank(assembleResult(config, tallies, notes, twins), format, { top }));
    });
}
