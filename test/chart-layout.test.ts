/**
 * Figures a paper can use as they are, at 35, 48 and 340 models: titles and axis titles, nothing left
 * out silently, names cut in the middle and never clipped, no two texts overlapping (boxes computed
 * from the SVG), no two lines alike.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { spreadLabels } from "../src/output/charts/compare.js";
import { buildCharts } from "../src/output/charts/index.js";
import { placeLabels } from "../src/output/charts/labels.js";
import { renderSvg } from "../src/output/charts/render.js";
import { MAX_NAME_WIDTH, seriesLook } from "../src/output/charts/style.js";
import { middleEllipsis, shortNames, textWidth } from "../src/output/charts/text.js";
import type { ChartOption, ChartSpec } from "../src/output/charts/types.js";
import type { ReportData } from "../src/output/report/data.js";
import { FIELD_SIZES, fieldData } from "./chart-fields.js";
import { overlappingTexts, svgTexts, textsOutside } from "./svg-text.js";

type Axis = { name?: string; type?: string; data?: string[] };
type Series = { type: string; name?: string; symbol?: string; lineStyle?: { color?: string; type?: string }; data: unknown[] };
const axes = (o: ChartOption) => [o.xAxis, o.yAxis] as unknown as Axis[];
const titleOf = (o: ChartOption) => o.title as { text?: string; subtext?: string };

describe("text measure", () => {
  it("cuts long names in the middle, keeping the organisation and the size", () => {
    const name = "MaziyarPanahi/calme-2.4-rys-78b-merged-and-finetuned-Instruct-v2";
    const cut = middleEllipsis(name, 160, 11);
    assert.ok(textWidth(cut, 11) <= 160, cut);
    assert.match(cut, /^MaziyarPanahi\S*\u2026\S*-Instruct-v2$/);
    assert.equal(middleEllipsis("gpt2", 160, 11), "gpt2");
  });

  it("keeps short labels distinct when two names share both ends", () => {
    const a = "org/model-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-one-7B";
    const b = "org/model-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab-one-7B";
    const [x, y] = shortNames([a, b], 120, 11);
    assert.notEqual(x, y);
  });

  it("places labels around a crowded cluster without overlap, and says which got none", () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ x: 200 + (i % 6) * 6, y: 200 + Math.floor(i / 6) * 6, text: `model-${i}` }));
    const placed = placeLabels(points, { x0: 0, y0: 0, x1: 400, y1: 400 }, 4);
    const boxes = placed.filter((p) => p !== undefined).map((p) => p.box);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        assert.ok(boxes[i].x1 <= boxes[j].x0 || boxes[j].x1 <= boxes[i].x0 || boxes[i].y1 <= boxes[j].y0 || boxes[j].y1 <= boxes[i].y0);
    assert.ok(boxes.length > 0 && boxes.length < 30, `${boxes.length} of 30 placed`);
  });

  it("spreads end labels at least a line apart", () => {
    const shifts = spreadLabels([10, 10, 10, 40]);
    const ys = [10, 10, 10, 40].map((y, i) => y + shifts[i]).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) assert.ok(ys[i] - ys[i - 1] >= 12);
  });

  it("gives 49 series 49 different looks", () => {
    const looks = new Set(Array.from({ length: 49 }, (_, n) => JSON.stringify(seriesLook(n))));
    assert.equal(looks.size, 49);
    assert.ok(!JSON.stringify([...looks]).includes("#F0E442"), "no yellow on white");
  });
});

for (const n of FIELD_SIZES) {
  describe(`figures at ${n} models (Open LLM Leaderboard v2)`, () => {
    let data: ReportData;
    let specs: ChartSpec[];
    before(async () => {
      data = await fieldData(n);
      specs = buildCharts(data);
    });

    it("every chart: a title on the figure, and named axes", () => {
      assert.deepEqual(
        specs.map((s) => s.id),
        ["intervals", "sensitivity", "robustness", "ranks", "wins", "compare"],
      );
      for (const s of specs)
        for (const v of s.variants) {
          assert.ok((titleOf(v.option).text ?? "").length > 5, `${s.id}/${v.label}: title`);
          for (const a of axes(v.option)) assert.ok((a.name ?? "").length > 0, `${s.id}/${v.label}: axis title`);
        }
    });

    it("a chart that leaves models out says so on the figure, with how to choose", () => {
      for (const s of specs) {
        const rows = s.variants[0].option.yAxis as unknown as Axis;
        const drawn = rows.type === "category" ? (rows.data?.length ?? 0) : n;
        // Compare holds 30 lines; robustness draws every point and counts the unnamed ones (tested below).
        if (s.id === "compare" || s.id === "robustness") continue;
        if (drawn < n) {
          assert.ok(s.leftOut, `${s.id}: draws ${drawn} of ${n} and says so`);
          assert.match(s.leftOut, new RegExp(`top ${drawn} of ${n} models .*--top N / --models`));
          assert.equal(titleOf(s.variants[0].option).subtext, s.leftOut);
        } else assert.equal(s.leftOut, undefined, `${s.id}: draws all ${n}`);
      }
      const compare = specs.find((s) => s.id === "compare");
      assert.equal(compare?.leftOut !== undefined, n > 30);
    });

    it("names on the axes are at most the margin's width and all distinct", () => {
      for (const s of specs)
        for (const a of axes(s.variants[0].option)) {
          if (a.type !== "category" || s.id === "compare") continue;
          const names = a.data ?? [];
          assert.equal(new Set(names).size, names.length, `${s.id}: distinct`);
          for (const l of names) assert.ok(textWidth(l, 11) <= MAX_NAME_WIDTH + 1, `${s.id}: ${l}`);
        }
    });

    it("no two texts overlap and none runs off the figure (boxes from the SVG)", () => {
      for (const s of specs)
        for (const v of s.variants.slice(0, 2)) {
          const svg = renderSvg(v, 1000);
          const [, w, h] = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg)?.map(Number) ?? [];
          const texts = svgTexts(svg);
          assert.deepEqual(overlappingTexts(texts), [], `${s.id}/${v.label}`);
          assert.deepEqual(textsOutside(texts, w, h), [], `${s.id}/${v.label}`);
        }
    });

    it("robustness: every point named, or the figure counts the unnamed ones", () => {
      const s = specs.find((x) => x.id === "robustness") as ChartSpec;
      const o = s.variants[0].option;
      const points = (o.series as unknown as Series[])
        .filter((x) => x.type === "scatter")
        .flatMap((x) => x.data as { label: { show: boolean } }[]);
      assert.equal(points.length, n);
      const unnamed = points.filter((p) => !p.label.show).length;
      if (unnamed === 0) assert.equal(titleOf(o).subtext, undefined);
      else assert.match(titleOf(o).subtext ?? "", new RegExp(`${n - unnamed} of ${n} points named; ${unnamed} left unnamed`));
    });

    it("compare: no two lines look alike", () => {
      const s = specs.find((x) => x.id === "compare") as ChartSpec;
      const lines = (s.variants[0].option.series as unknown as Series[]).map((x) =>
        JSON.stringify([x.lineStyle?.color, x.lineStyle?.type, x.symbol]),
      );
      assert.equal(new Set(lines).size, lines.length);
    });
  });
}
