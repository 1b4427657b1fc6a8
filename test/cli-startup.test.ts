/**
 * Start-up: a command loads only its own modules (the report's charts, compare's methods and the
 * dashboard's server stay unloaded for `rank`), while top-level help still lists every command.
 * The modules a process loads are read from a module-resolution hook that prints each file URL
 * (synchronously: hooks run on their own thread, and on Node 24 buffered writes were lost at exit).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./helpers.js";

const CLI = join(ROOT, "dist", "src", "cli", "main.js");
const HOOK =
  "data:text/javascript," +
  encodeURIComponent(
    'import { writeSync } from "node:fs"; export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith("file:")) writeSync(2, "LOADED " + r.url + "\\n"); return r; }',
  );

/** The project's own modules (paths under dist/src) a CLI run loads, and its standard output. */
function loaded(args: string[]): { modules: string[]; stdout: string } {
  const r = spawnSync(process.execPath, ["--no-warnings", "--experimental-loader", HOOK, CLI, ...args], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const modules = r.stderr
    .split("\n")
    .filter((l) => l.startsWith("LOADED ") && l.includes("/dist/src/"))
    .map((l) => l.slice(l.indexOf("/dist/src/") + "/dist/src/".length));
  return { modules: [...new Set(modules)], stdout: r.stdout };
}

describe("start-up", () => {
  it("`rank` loads its own modules, not the charts, the methods, the cost analysis or the server", () => {
    const { modules, stdout } = loaded(["rank", "--help"]);
    assert.match(stdout, /--rank-distribution/);
    assert.ok(modules.includes("cli/rank.js"), modules.join(" "));
    assert.ok(modules.includes("run/pipeline.js"));
    for (const other of [
      "cli/report.js",
      "cli/compare.js",
      "output/charts/index.js",
      "rank/kemeny.js",
      "cost/analysis.js",
      "web/server/prepare.js",
    ])
      assert.ok(!modules.includes(other), `rank loaded ${other}`);
  });

  it("top-level help lists every command (and loads their modules to do so)", () => {
    const { modules, stdout } = loaded(["--help"]);
    for (const command of ["rank", "report", "plot", "serve", "compare", "cost", "stress", "order", "merge", "inspect"]) {
      assert.match(stdout, new RegExp(`\\n  ${command} `), `help lists ${command}`);
      assert.ok(modules.includes(`cli/${command}.js`), `cli/${command}.js`);
    }
  });
});
