/** The pipeline core: one result for the CLI's worker threads and the dashboard's own thread, and the worker goes through it. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, it } from "node:test";
import { runPrepared, runShard } from "../src/run/pipeline.js";
import { playRun } from "../src/run/pipeline-core.js";
import { prepareRank } from "../src/run/rank.js";
import { makePart } from "../src/run/shard.js";
import { simulatorHere } from "../src/run/simulate-here.js";
import { ROOT } from "./helpers.js";

const SRC = join(ROOT, "src");
const fixture = (name: string) => join(ROOT, "test", "fixtures", name);

/** Every module `file` loads at run time (type-only imports left out), itself included. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.startsWith(SRC)) return seen;
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?[^;]*?\bfrom\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)) {
    if (m[2]) continue;
    const spec = m[3] ?? m[4];
    runtimeImports(spec.startsWith(".") ? resolve(dirname(file), spec.replace(/\.js$/, ".ts")) : spec, seen);
  }
  return seen;
}

describe("the pipeline core", () => {
  it("with the dashboard's in-thread simulator, gives runPrepared's result exactly (noise and twins included)", async () => {
    const prepared = prepareRank(fixture("long-stderr.csv"), { T: "0,1", runs: 3000, seed: 9 });
    const cli = await runPrepared(prepared, { threads: 2 });
    assert.ok(cli.result.noise, "a table with standard errors has a noise report");
    assert.ok(cli.result.sensitivity, "two settings: the sensitivity with its flat twins");
    const page = await playRun({ ...prepared, noise: cli.result.noise }, simulatorHere);
    assert.deepEqual(page.result, cli.result);
    assert.deepEqual(page.tallies, cli.tallies);
  });

  it("the in-thread simulator plays a shard's chunks as the threads do", async () => {
    const prepared = prepareRank(fixture("models-rows.csv"), { T: "0,1", runs: 200_000, seed: 3 });
    const part = await runShard(prepared, { index: 2, count: 3 }, { threads: 2 });
    const [from, to] = part.shard.chunks;
    assert.ok(to > from, "the shard has chunks");
    const here = await simulatorHere.tallies(prepared, { chunkRange: [from, to] });
    assert.deepEqual(makePart(prepared.config, prepared.notes, { index: 2, count: 3 }, here).tallies, part.tallies);
  });

  it("loads no Node module, so the browser's bundle can hold it", () => {
    const loaded = [...runtimeImports(join(SRC, "run", "pipeline-core.ts"))];
    assert.ok(
      loaded.some((f) => f.endsWith(join("run", "result.ts"))),
      "the walk follows imports",
    );
    assert.deepEqual(
      loaded.filter((f) => !f.startsWith(SRC)),
      [],
    );
    const walked = [...runtimeImports(join(SRC, "run", "pipeline.ts"))];
    assert.ok(
      walked.includes("node:worker_threads") || walked.some((f) => f.startsWith("node:")),
      "the walk sees Node modules where there are",
    );
  });

  it("the dashboard's worker plays its run through the core, not by assembling the result itself", () => {
    const text = readFileSync(join(SRC, "web", "client", "worker.ts"), "utf8");
    assert.match(text, /import \{ playRun \} from "\.\.\/\.\.\/run\/pipeline-core\.js"/);
    assert.match(text, /await playRun\(/);
    assert.doesNotMatch(text, /assembleResult|run\/result\.js|playFlatTwins\b|simulateRun/);
  });
});
