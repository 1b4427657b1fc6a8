/** The same figure reads the same in the CLI and in the HTML report (one formatting module, output/format.ts). */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { FIGURES } from "../src/output/format.js";
import { CLI, OC, OC_PLAN, tmp } from "./report-fixture.js";

const BASE = [OC, "--rounds", OC_PLAN, "--runs", "300", "--threads", "1", "-q"];

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** The body rows of the first table after `heading` in the report, as cell texts. */
function reportTable(html: string, heading: RegExp): string[][] {
  const at = html.search(heading);
  assert.ok(at >= 0, `${heading} in the report`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html.slice(at))?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]));
}

describe("figures: one format in the CLI and the report", () => {
  let html: string;
  before(() => {
    const out = join(tmp(), "report.html");
    cli(["report", ...BASE, "-o", out]);
    html = readFileSync(out, "utf8");
  });

  it("a Kemeny distance is a whole count (a tie's half only when there is one), grouped by thousands", () => {
    assert.equal(FIGURES.count(2119), "2,119");
    assert.equal(FIGURES.count(2119.5), "2,119.5");
    assert.equal(FIGURES.count(7), "7");
  });

  it("the report's Kemeny distances are the CLI's, written the same way", () => {
    const rows = reportTable(html, /<h3>Kemeny distance to the per-column orders/);
    assert.ok(rows.length > 5);
    for (const r of rows) assert.match(r[1], /^\d{1,3}(,\d{3})*(\.5)?$/, `${r[0]}: ${r[1]}`);
    const text = cli(["compare", ...BASE]);
    const block = text.slice(text.indexOf("Kemeny distance to the"));
    const fromCli = [...block.matchAll(/^(\S+)\s+(\d[\d,.]*)\s+(0\.\d{3})$/gm)].map((m) => [m[1], m[2], m[3]]);
    // The static methods do not depend on the simulation: the same distances, the same strings.
    const staticCli = fromCli.filter(([id]) => !id.startsWith("csd")).map(([, d, s]) => `${d} ${s}`);
    const staticReport = rows.filter((r) => !r[0].startsWith("CSD")).map((r) => `${r[1]} ${r[2]}`);
    assert.ok(staticCli.length >= 5);
    assert.deepEqual([...staticReport].sort(), [...staticCli].sort());
  });

  it("the plan's percentile among round orders is a percentage in both", () => {
    const rows = reportTable(html, /<h2>Order of the rounds<\/h2>/);
    assert.ok(rows.length === 35);
    for (const r of rows) assert.match(r[6], /^\d{1,3}%$/, r.join(" | "));
    for (const r of rows) assert.match(r[2], /^\d+\.\d{3}$/, "E[S] with three decimals, as the CLI");
    const text = cli(["order", ...BASE, "--orders", "3"]);
    assert.match(text, /Plan percentile[\s\S]*\s\d{1,3}%\n/);
  });
});
