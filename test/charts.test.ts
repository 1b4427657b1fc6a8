import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { buildChart, buildCharts } from "../src/output/charts/index.js";
import { displayOrder } from "../src/output/charts/input.js";
import { renderSvg, svgToPng } from "../src/output/charts/render.js";
import { MAX_CHART_MODELS } from "../src/output/charts/sensitivity.js";
import type { ChartOption, ChartSpec } from "../src/output/charts/types.js";
import { MAX_WIN_MODELS, winMatrices } from "../src/output/charts/win-matrix.js";
import type { ReportData } from "../src/output/report/data.js";
import { roundScores } from "./helpers.js";
import { bundledData, reportDataFor, syntheticTable } from "./report-fixture.js";

type Series = { type: string; name?: string; data: unknown[] };
const seriesOf = (o: ChartOption) => o.series as unknown as Series[];
const axis = (o: ChartOption, which: "xAxis" | "yAxis") => o[which] as unknown as { data?: string[] };

function spec(data: ReportData, id: Parameters<typeof buildChart>[0]): ChartSpec {
  const s = buildChart(id, data);
  assert.ok(s, `${id} should be drawn`);
  return s;
}

describe("chart options", () => {
  let data: ReportData;
  before(async () => {
    data = await bundledData(2000, "0,1,2", true);
  });

  it("are plain JSON (no functions), so the page, the report and the SVG renderer draw the same thing", () => {
    const specs = buildCharts(data);
    assert.deepEqual(
      specs.map((s) => s.id),
      ["intervals", "sensitivity", "robustness", "ranks", "wins", "compare"],
    );
    for (const s of specs) {
      assert.ok(s.caption.length > 80, `${s.id}: a caption that says what and how`);
      assert.ok(s.variants.length >= 1 && s.initial < s.variants.length);
      for (const v of s.variants) {
        assert.deepEqual(JSON.parse(JSON.stringify(v.option)), v.option, `${s.id}/${v.label} survives JSON`);
        assert.ok(v.height >= 240, `${s.id}/${v.label} height`);
      }
    }
  });

  it("sensitivity: one row per model in the order of E[S] at the harshest T, one marker series per T", () => {
    const s = spec(data, "sensitivity");
    const o = s.variants[0].option;
    assert.deepEqual(axis(o, "yAxis").data, displayOrder(data.result));
    const scatter = seriesOf(o).filter((x) => x.type === "scatter");
    assert.deepEqual(
      scatter.map((x) => x.name),
      ["T = 0", "T = 1", "T = 2"],
    );
    const t2 = new Map(data.result.results[2].models.map((m) => [m.model, m.expectedScore]));
    type Point = { name: string; value: [number, string] };
    for (const { name, value } of scatter[2].data as Point[]) assert.ok(Math.abs(value[0] - (t2.get(name) ?? Number.NaN)) < 1e-4);
    const first = (scatter[2].data as Point[]).map((d) => d.value[0]);
    assert.deepEqual(
      first,
      [...first].sort((a, b) => b - a),
      "descending at the harshest T",
    );
    assert.match(s.caption, /N = 2,000/);
    assert.match(s.caption, /ordered by E\[S\] at the harshest setting, T = 2/);
  });

  it("robustness: one point per model at (E[S|T=0], Delta E), coloured by its label, with the fitted line", () => {
    const s = spec(data, "robustness");
    const series = seriesOf(s.variants[0].option);
    const points = series
      .filter((x) => x.type === "scatter")
      .flatMap((x) => (x.data as { name: string; value: [number, number] }[]).map((d) => ({ ...d, label: x.name })));
    const sens = data.result.sensitivity;
    assert.ok(sens);
    assert.equal(points.length, sens.models.length);
    for (const m of sens.models) {
      const p = points.find((q) => q.name === m.model);
      assert.ok(p);
      assert.equal(p.label, m.label);
      assert.ok(Math.abs(p.value[0] - m.baseline) < 1e-4 && Math.abs(p.value[1] - m.deltaE) < 1e-4);
    }
    const line = series.find((x) => x.type === "line");
    assert.ok(line);
    // The dashed line joins the flat twins, each at its own level.
    const twins = sens.models.map((m) => m.twin).filter((t) => t !== undefined);
    assert.equal((line.data as unknown[]).length, twins.length);
    for (const [x, y] of line.data as [number, number][])
      assert.ok(twins.some((t) => Math.abs(t.baseline - x) < 1e-3 && Math.abs(t.deltaE - y) < 1e-3));
    assert.match(s.caption, /Label rule: /);
  });

  it("robustness needs two T settings; the reason is given instead", async () => {
    const one = await bundledData(500, "1");
    assert.equal(buildChart("robustness", one), undefined);
    assert.equal(
      buildCharts(one).some((c) => c.id === "robustness"),
      false,
    );
  });

  it("ranks: one view per T, opening on the harshest; each model's shares add up to 1", () => {
    const s = spec(data, "ranks");
    assert.deepEqual(
      s.variants.map((v) => v.label),
      ["T = 0", "T = 1", "T = 2"],
    );
    assert.equal(s.initial, 2);
    for (const v of s.variants) {
      const rows = axis(v.option, "yAxis").data ?? [];
      assert.equal(rows.length, 35);
      const sums = new Array<number>(rows.length).fill(0);
      for (const [, y, share] of seriesOf(v.option)[0].data as [number, number, number][]) sums[y] += share;
      for (const total of sums) assert.ok(Math.abs(total - 1) < 1e-3, `row sums to ${total}`);
    }
  });

  it("wins: all rounds, then one view per round, in the leaderboard's order", () => {
    const s = spec(data, "wins");
    assert.deepEqual(
      s.variants.map((v) => v.label),
      ["all rounds", ...data.result.config.plan.rounds.map((r, k) => `round ${k + 1}: ${r.name}`)],
    );
    assert.deepEqual(axis(s.variants[0].option, "yAxis").data, displayOrder(data.result));
  });

  it("compare: drawn only with a comparison, from CSD at the harshest T on the left", async () => {
    const s = spec(data, "compare");
    assert.equal(axis(s.variants[0].option, "xAxis").data?.[0], "CSD E[S] T=2");
    assert.equal(buildChart("compare", await bundledData(500)), undefined);
  });

  it("large fields: charts draw the best models, position columns are merged, and the captions say so", async () => {
    const big = await reportDataFor(syntheticTable(250, 3), { runs: 64, seed: 3, T: "0,1" });
    const sens = spec(big, "sensitivity");
    assert.equal(axis(sens.variants[0].option, "yAxis").data?.length, MAX_CHART_MODELS);
    assert.match(
      sens.caption,
      new RegExp(`top ${MAX_CHART_MODELS} of 250 models by E\\[S\\] at T = 1; --top N / --models a,b,c to choose`),
    );
    assert.equal(sens.leftOut, `top ${MAX_CHART_MODELS} of 250 models by E[S] at T = 1; --top N / --models a,b,c to choose`);
    // On the figure itself, not only in the caption.
    assert.equal((sens.variants[0].option.title as { subtext?: string }).subtext, sens.leftOut);
    const ranks = spec(big, "ranks");
    const columns = axis(ranks.variants[0].option, "xAxis").data ?? [];
    assert.ok(columns.length <= 100 && columns[0] === "1-3", `${columns.length} columns, first ${columns[0]}`);
    assert.match(ranks.caption, /grouped 3 to a column/);
    const wins = spec(big, "wins");
    assert.equal(axis(wins.variants[0].option, "yAxis").data?.length, MAX_WIN_MODELS);
    assert.match(wins.caption, /top 60 of 250 models/);
    assert.equal((wins.variants[0].option.title as { subtext?: string }).subtext, wins.leftOut);
  });
});

describe("win matrices", () => {
  // Three models, three rounds: a > b > c in round 1, c > b > a in round 2, a = b (within 0.5) > c in round 3.
  const rs = roundScores([
    [3, 1, 5.2],
    [2, 2, 5],
    [1, 3, 1],
  ]);
  const w = winMatrices(rs, ["a", "b", "c"], ["r1", "r2", "r3"], ["a", "b", "c"], 0.5);

  it("count a higher round score as a win and a difference within the tolerance as half", () => {
    assert.deepEqual(w.rounds[0].matrix, [
      [0.5, 1, 1],
      [0, 0.5, 1],
      [0, 0, 0.5],
    ]);
    assert.deepEqual(w.rounds[1].matrix, [
      [0.5, 0, 0],
      [1, 0.5, 0],
      [1, 1, 0.5],
    ]);
    assert.deepEqual(w.rounds[2].matrix, [
      [0.5, 0.5, 1],
      [0.5, 0.5, 1],
      [0, 0, 0.5],
    ]);
  });

  it("average over the rounds, and every pair's two shares add up to 1", () => {
    assert.ok(Math.abs(w.overall[0][1] - 1.5 / 3) < 1e-12);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) assert.ok(Math.abs(w.overall[i][j] + w.overall[j][i] - 1) < 1e-12);
  });

  it("follow the display order and keep only the models shown", () => {
    const top2 = winMatrices(rs, ["a", "b", "c"], ["r1", "r2", "r3"], ["c", "a", "b"], 0, 2);
    assert.deepEqual(top2.models, ["c", "a"]);
    assert.equal(top2.fieldSize, 3);
    assert.deepEqual(top2.rounds[0].matrix, [
      [0.5, 0],
      [1, 0.5],
    ]);
  });
});

describe("server-side rendering", () => {
  it("draws an SVG with the models' names, and a PNG at the chosen scale", async () => {
    const data = await bundledData(500);
    const svg = renderSvg(spec(data, "sensitivity").variants[0], 800);
    assert.match(svg, /^<svg[^>]*width="800"/);
    assert.ok(svg.includes("GPT-4o-20240513"));
    const png = svgToPng(svg, 2);
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    const width = Buffer.from(png).readUInt32BE(16);
    assert.equal(width, 1600);
  });
});
