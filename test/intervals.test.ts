/** Data uncertainty in the figures: --bootstrap in report and plot, the intervals chart, and labels that use the intervals. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildChart } from "../src/output/charts/index.js";
import { renderSvg } from "../src/output/charts/render.js";
import { buildReportData, distributionsOf } from "../src/output/report/data.js";
import { renderReport } from "../src/output/report/document.js";
import { runPrepared } from "../src/run/pipeline.js";
import { prepareRank } from "../src/run/rank.js";
import type { RankResult } from "../src/run/result.js";
import { testData } from "./helpers.js";
import { bundledData, CLI, OC, tmp } from "./report-fixture.js";

const ITEMS = testData("mmlu-pro", "mmlu_pro_item_correct.csv");
type Bars = { type: string; name?: string; data: (number | { value: [number, string] })[] }[];

describe("the intervals chart", () => {
  let result: RankResult;
  let data: Awaited<ReturnType<typeof bundledData>>;
  before(async () => {
    const prepared = prepareRank(ITEMS, { T: "0,2", runs: 2000, seed: 5 });
    const run = await runPrepared(prepared, { threads: 1, bootstrap: 20 });
    result = run.result;
    data = buildReportData({ result, distributions: distributionsOf(result, run.tallies), roundScores: prepared.roundScores });
  });

  it("draws each model's E[S] with its bootstrap interval, one view per T, opening on the harshest", () => {
    const spec = buildChart("intervals", data);
    assert.ok(spec);
    assert.deepEqual(
      spec.variants.map((v) => v.label),
      ["T = 0", "T = 2"],
    );
    assert.equal(spec.initial, 1);
    const series = spec.variants[1].option.series as unknown as Bars;
    const [base, span, ...groups] = series;
    // One scatter series per label: every model's point is in exactly one of them.
    const points = new Map(groups.flatMap((g) => (g.data as { value: [number, string] }[]).map((p) => [p.value[1], p.value[0]] as const)));
    const boot = new Map(result.uncertainty?.settings[1].models.map((m) => [m.model, m]));
    const names = (spec.variants[1].option.yAxis as { data: string[] }).data;
    assert.equal(names.length, 29);
    names.forEach((name, i) => {
      const b = boot.get(name);
      assert.ok(b);
      assert.ok(Math.abs((base.data[i] as number) - b.low) < 1e-3, `${name}: low end`);
      assert.ok(Math.abs((base.data[i] as number) + (span.data[i] as number) - b.high) < 1e-3, `${name}: high end`);
      const point = result.results[1].models.find((m) => m.model === name)?.expectedScore ?? Number.NaN;
      assert.ok(Math.abs((points.get(name) ?? Number.NaN) - point) < 1e-3, `${name}: its point`);
    });
    assert.match(spec.caption, /bootstrap's 95% percentile interval/);
    const svg = renderSvg(spec.variants[1], 900);
    assert.match(svg, /^<svg/);
    assert.ok(svg.includes("gemini-1.5-pro-002_5shots"));
  });

  it("without --bootstrap, says its intervals are the Monte Carlo's alone", async () => {
    const plain = await bundledData(500);
    const spec = buildChart("intervals", plain);
    assert.ok(spec);
    assert.match(spec.caption, /Monte Carlo 95% interval alone .* --bootstrap/);
  });

  it("the leaderboard shows the bootstrap intervals, and says which interval it shows", () => {
    const html = renderReport(data, "/* runtime */");
    const top = result.results[1].models[0];
    const b = result.uncertainty?.settings[1].models.find((m) => m.model === top.model);
    assert.ok(b);
    assert.ok(html.includes(`[${b.low.toFixed(3)}, ${b.high.toFixed(3)}]`) || html.includes(`[${b.low.toFixed(2)}, ${b.high.toFixed(2)}]`));
    assert.match(html, /95% bootstrap interval \[low, high\]/);
  });

  it("the robustness scatter draws each model's data interval of Delta E", () => {
    const spec = buildChart("robustness", data);
    assert.ok(spec);
    const series = spec.variants[0].option.series as unknown as { name?: string; data: unknown[] }[];
    const bars = series.find((x) => x.name === "95% interval (data)");
    assert.ok(bars, "an interval series");
    assert.equal(bars.data.length, 3 * 29, "two ends and a break per model");
    assert.match(spec.caption, /95% bootstrap interval of Delta E/);
  });

  it("labels take the data's intervals into account: a label's whole Delta E interval lies beyond its twin's", () => {
    const s = result.sensitivity;
    assert.ok(s);
    assert.match(s.rule, /95% bootstrap interval of Delta E/);
    for (const m of s.models) {
      assert.ok(m.deltaInterval, m.model);
      if (m.label === "specialist") assert.ok(m.deltaInterval[1] < (m.twin?.deltaE ?? 0), m.model);
      if (m.label === "generalist") assert.ok(m.deltaInterval[0] > (m.twin?.deltaE ?? 0), m.model);
    }
  });
});

describe("report and plot --bootstrap", () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

  it("report --bootstrap writes the data's intervals into the leaderboard and the chart", () => {
    const out = join(tmp(), "r.html");
    const r = cli([
      "report",
      ITEMS,
      "--T",
      "0,2",
      "--runs",
      "1000",
      "--bootstrap",
      "10",
      "--threads",
      "1",
      "--no-compare",
      "--no-studies",
      "-q",
      "-o",
      out,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(out, "utf8");
    assert.match(html, /95% bootstrap interval/);
    assert.match(html, /id="intervals"/);
  });

  it("plot intervals --bootstrap draws an SVG; a table without items or errors is refused with rank's message", () => {
    const out = join(tmp(), "i.svg");
    const r = cli(["plot", "intervals", ITEMS, "--T", "0,2", "--runs", "1000", "--bootstrap", "10", "--threads", "1", "-q", "-o", out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(out, "utf8"), /^<svg/);
    const bad = cli(["plot", "intervals", OC, "--runs", "300", "--bootstrap", "10", "-q", "--format", "svg"]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--bootstrap: .* has no per-item results, standard errors or item counts/);
  });
});
