/**
 * The folders of src/ import one way: each folder only from the layers below it (type imports and
 * dynamic imports included), so the engine stays free of everything above it and no cycle can form.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { it } from "node:test";
import { ROOT } from "./helpers.js";

const SRC = join(ROOT, "src");

/** Lowest first; folders on one line are independent of each other (neither imports the other). */
const LAYERS: string[][] = [
  ["version.ts", "package-files.ts", "digits.ts", "stats", "grid"],
  ["table"],
  ["engine"],
  ["plan"],
  ["rank"],
  ["parallel"],
  ["run"],
  ["analysis", "cost"],
  ["output"],
  ["index.ts", "lib"],
  ["web/shared"],
  ["web/server", "web/client"],
  ["cli"],
];

function unitOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  if (parts.length === 1) return parts[0];
  return parts[0] === "web" ? `web/${parts[1]}` : parts[0];
}

function layerOf(unit: string): number {
  const i = LAYERS.findIndex((l) => l.includes(unit));
  assert.ok(i >= 0, `src/${unit} is in no layer: add it to LAYERS in test/layers.test.ts`);
  return i;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative module a file's text names: static imports and re-exports (types too) and import("..."). */
function importsIn(text: string, file: string): string[] {
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*"(\.[^"]+)"/g),
    ...text.matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g),
  ];
  // Sources name the compiled .js; the file on disk here is the .ts.
  return specs.map((m) => resolve(dirname(file), m[1].replace(/\.js$/, ".ts")));
}

/** Imports that go sideways or up, as messages. */
function violations(file: string, text: string): string[] {
  const from = unitOf(file);
  return importsIn(text, file)
    .filter((target) => unitOf(target) !== from && layerOf(unitOf(target)) >= layerOf(from))
    .map((target) => `${relative(SRC, file)} imports ${relative(SRC, target)} (${from} -> ${unitOf(target)})`);
}

it("src/ folders import only from the layers below them (no cycle; the engine imports nothing above it)", () => {
  const files = sourceFiles(SRC);
  assert.ok(files.length > 100, "the source tree is there");
  const edges = files.flatMap((f) => importsIn(readFileSync(f, "utf8"), f).filter((t) => unitOf(t) !== unitOf(f)));
  assert.ok(edges.length > 100, "imports between folders were found");
  assert.deepEqual(
    files.flatMap((f) => violations(f, readFileSync(f, "utf8"))),
    [],
  );
});

it("the check sees type-only, multi-line, re-exported and dynamic imports that go up or sideways", () => {
  const engineFile = join(SRC, "engine", "example.ts");
  const text = [
    'import type { RankResult } from "../run/result.js";',
    'import {\n  a,\n  b,\n} from "../plan/plan.js";',
    'export { c } from "../table/types.js";',
    'const m = await import("../output/write.js");',
    'import { d } from "./contest.js";',
  ].join("\n");
  assert.deepEqual(violations(engineFile, text), [
    "engine/example.ts imports run/result.ts (engine -> run)",
    "engine/example.ts imports plan/plan.ts (engine -> plan)",
    "engine/example.ts imports output/write.ts (engine -> output)",
  ]);
  assert.deepEqual(violations(join(SRC, "analysis", "x.ts"), 'import { y } from "../cost/types.js";'), [
    "analysis/x.ts imports cost/types.ts (analysis -> cost)",
  ]);
  assert.equal(unitOf(join(SRC, "web", "client", "main.ts")), "web/client");
});
