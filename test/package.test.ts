import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import ts from "typescript";
import * as lib from "../src/index.js";
import { VERSION } from "../src/version.js";
import { ROOT } from "./helpers.js";

it("the version in the code equals package.json's", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  assert.equal(VERSION, pkg.version);
});

/** The root's runtime exports: the pipeline a user calls, not the internals (those are behind subpaths). */
const ROOT_EXPORTS = [
  "DEFAULT_RUNS",
  "DEFAULT_SEED",
  "InputError",
  "compareRun",
  "prepareRanking",
  "rankingMethods",
  "readReportRuntime",
  "readScoreTable",
  "renderCompare",
  "renderRank",
  "renderReport",
  "reportData",
  "runRanking",
  "runRankingWithTallies",
  "scoreTable",
  "scoreTableFromText",
];

it("the library's root exports the pipeline, and nothing else at run time", () => {
  assert.deepEqual(Object.keys(lib).sort(), [...ROOT_EXPORTS].sort());
});

it("every root export has a doc comment with an @example", () => {
  const program = ts.createProgram([join(ROOT, "src", "index.ts")], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(ROOT, "src", "index.ts"));
  assert.ok(file);
  const moduleSymbol = checker.getSymbolAtLocation(file);
  assert.ok(moduleSymbol);
  const missing: string[] = [];
  const checked: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    if (!ROOT_EXPORTS.includes(exported.name)) continue;
    checked.push(exported.name);
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker));
    const example = symbol.getJsDocTags(checker).some((t) => t.name === "example");
    if (docs.trim() === "" || !example) missing.push(exported.name);
  }
  assert.deepEqual(checked.sort(), [...ROOT_EXPORTS].sort());
  assert.deepEqual(missing, []);
});

it("the subpaths resolve through the package's exports", async () => {
  const pipeline = await import("swissround/pipeline");
  const engine = await import("swissround/engine");
  const methods = await import("swissround/methods");
  for (const [name, value] of [
    ["pipeline.prepareRank", pipeline.prepareRank],
    ["pipeline.runShard", pipeline.runShard],
    ["pipeline.mergeParts", pipeline.mergeParts],
    ["engine.playContests", engine.playContests],
    ["engine.simulate", engine.simulate],
    ["engine.pointsPerContest", engine.pointsPerContest],
    ["methods.compareRankings", methods.compareRankings],
    ["methods.corruptionStudy", methods.corruptionStudy],
  ] as const)
    assert.equal(typeof value, "function", name);
  const render = await import("swissround/render");
  assert.equal(typeof render.renderSvg, "function");
});
