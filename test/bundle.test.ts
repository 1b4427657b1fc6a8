/**
 * The command line's bundle (rolldown.config.mjs -> dist/cli/): every file Node starts a worker
 * thread from, and every module a pooled worker loads by URL to call an export by name, must be an
 * entry of its own, named as the code refers to it. A missing one would fail only when that path
 * runs on two or more threads.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { it } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT } from "./helpers.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "client" ? [] : sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

it("every worker file and every module a worker calls by name is an entry of the bundle", async () => {
  const config = (await import(pathToFileURL(join(ROOT, "rolldown.config.mjs")).href)) as { default: { input: Record<string, string> } };
  const entries = new Map(Object.entries(config.default.input).map(([name, file]) => [file, name]));
  const checked: string[] = [];
  for (const file of sourceFiles(join(ROOT, "src"))) {
    const text = readFileSync(file, "utf8");
    const compiled = `dist/${relative(ROOT, file).replace(/\.ts$/, ".js")}`;
    // A module that names itself (import.meta.url) for a pooled worker to load.
    if (/\bmodule: import\.meta\.url\b/.test(text)) {
      assert.ok(entries.has(compiled), `${compiled} is loaded by URL in workers: add it to rolldown.config.mjs's input`);
      checked.push(compiled);
    }
    // A worker file named relative to this one: the bundle resolves it next to the chunk, by its file name.
    for (const m of text.matchAll(/new URL\("\.\/([\w-]+)\.js", import\.meta\.url\)/g)) {
      const target = `${compiled.slice(0, compiled.lastIndexOf("/"))}/${m[1]}.js`;
      assert.equal(entries.get(target), m[1], `${target} (started by ${compiled}) must be the bundle's entry "${m[1]}"`);
      checked.push(target);
    }
  }
  assert.ok(checked.length >= 6, checked.join(" "));
  // And the build wrote them.
  for (const name of entries.values()) assert.ok(existsSync(join(ROOT, "dist", "cli", `${basename(name)}.js`)), `dist/cli/${name}.js`);
});
