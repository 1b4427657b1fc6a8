import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import * as lib from "../src/index.js";
import { VERSION } from "../src/version.js";
import { ROOT } from "./helpers.js";

it("the version in the code equals package.json's", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  assert.equal(VERSION, pkg.version);
});

it("the library entry point exposes the pipeline and the engine", () => {
  for (const name of ["rank", "prepareRank", "scoreTableFromText", "simulate", "playContests", "pointsPerContest", "renderRank"]) {
    assert.equal(typeof (lib as Record<string, unknown>)[name], "function", name);
  }
});
