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
