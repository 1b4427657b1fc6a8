/**
 * Start-up: a command loads only its own modules (the report's charts, compare's methods and the
 * dashboard's server stay unloaded for `rank`), while top-level help still lists every command.
 * Checked on the command line as shipped (the bundle in dist/cli/, whose files start each module's
 * code with a "// dist/src/<module>" line) and on tsc's output in dist/src/.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { threadsAsked } from "../src/cli/early-workers.js";
import { parseThreads } from "../src/run/options.js";
import { InputError } from "../src/table/errors.js";
import { CLI, ROOT } from "./helpers.js";

const UNBUNDLED = join(ROOT, "dist", "src", "cli", "main.js");

/** Prints each ES module's file URL (synchronously: hooks run on their own thread, and on Node 24 buffered writes were lost at exit). */
const ESM_HOOK =
  "data:text/javascript," +
  encodeURIComponent(
    'import { writeSync } from "node:fs"; export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith("file:")) writeSync(2, "LOADED " + r.url + "\\n"); return r; }',
  );

/** Prints each CommonJS file as Node compiles it (the bundle is CommonJS). */
const tmp = mkdtempSync(join(tmpdir(), "swissround-startup-"));
const CJS_HOOK = join(tmp, "hook.cjs");
writeFileSync(
  CJS_HOOK,
  'const M = require("node:module"); const c = M.prototype._compile; M.prototype._compile = function (code, file) { require("node:fs").writeSync(2, "LOADED " + file + "\\n"); return c.call(this, code, file); };\n',
);
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], flags: string[], cli: string): { loadedFiles: string[]; stdout: string } {
  const r = spawnSync(process.execPath, ["--no-warnings", ...flags, cli, ...args], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const loadedFiles = r.stderr
    .split("\n")
    .filter((l) => l.startsWith("LOADED "))
    .map((l) => l.slice("LOADED ".length).replace(/^file:\/\//, ""));
  return { loadedFiles, stdout: r.stdout };
}

/** The project's modules (paths under dist/src/) a CLI run loads, and its standard output. */
const LOADERS: Record<string, (args: string[]) => { modules: string[]; stdout: string }> = {
  "the bundle (dist/cli)": (args) => {
    const { loadedFiles, stdout } = run(args, ["--require", CJS_HOOK], CLI);
    const files = loadedFiles.filter((f) => f.includes("/dist/cli/"));
    assert.ok(files.length > 0, "the bundle's files were loaded");
    const modules = files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/^\/\/ dist\/src\/(.+\.js)$/gm)].map((m) => m[1]));
    return { modules: [...new Set(modules)], stdout };
  },
  "tsc's output (dist/src)": (args) => {
    const { loadedFiles, stdout } = run(args, ["--experimental-loader", ESM_HOOK], UNBUNDLED);
    const modules = loadedFiles.filter((f) => f.includes("/dist/src/")).map((f) => f.slice(f.indexOf("/dist/src/") + "/dist/src/".length));
    return { modules: [...new Set(modules)], stdout };
  },
};

for (const [name, loaded] of Object.entries(LOADERS)) {
  describe(`start-up of ${name}`, () => {
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
}

describe("worker threads started before the command line loads", () => {
  it("as many as the command will play on: --threads N, else every core; none for other commands or help", () => {
    assert.equal(threadsAsked(["rank", "scores.csv"], 8), 8);
    assert.equal(threadsAsked(["report", "scores.csv", "--threads", "3"], 8), 3);
    assert.equal(threadsAsked(["compare", "scores.csv", "--threads=2"], 8), 2);
    assert.equal(threadsAsked(["rank", "scores.csv", "--threads", "1"], 8), 1);
    // A value the command refuses starts nothing (the command then says what is wrong).
    assert.equal(threadsAsked(["rank", "scores.csv", "--threads", "many"], 8), 1);
    assert.equal(threadsAsked(["rank", "scores.csv", "--threads", "0"], 8), 1);
    assert.equal(threadsAsked(["rank", "scores.csv", "--threads", "1025"], 8), 1);
    assert.throws(() => parseThreads("1025"), InputError);
    assert.equal(threadsAsked(["rank", "scores.csv", "--threads", "1024"], 8), 1024);
    assert.doesNotThrow(() => parseThreads("1024"));
    assert.equal(threadsAsked(["rank", "--help"], 8), 1);
    assert.equal(threadsAsked(["rank", "-h"], 8), 1);
    assert.equal(threadsAsked(["rank", "--", "--threads", "1"], 8), 8);
    for (const other of ["inspect", "merge", "serve", "--help", "--version"]) assert.equal(threadsAsked([other, "x"], 8), 1, other);
  });

  /** Worker threads a CLI run started (each compiles the bundle's worker.js once). */
  function workersOf(args: string[]): number {
    const { loadedFiles } = run(args, ["--require", CJS_HOOK], CLI);
    return loadedFiles.filter((f) => f.endsWith("/dist/cli/worker.js")).length;
  }
  const fixture = join(ROOT, "bench", "fixtures", "mmlu-pro-29x12.csv");

  it("`rank --threads 2` starts one worker, the one the contests then use; --threads 1 starts none", () => {
    assert.equal(workersOf(["rank", fixture, "--T", "0,1", "--runs", "2000", "--threads", "2", "-q"]), 1);
    assert.equal(workersOf(["rank", fixture, "--T", "0,1", "--runs", "2000", "--threads", "1", "-q"]), 0);
  });
});
