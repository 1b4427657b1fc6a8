import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./helpers.js";
import { CLI, FIXTURES, OC, OC_PLAN, syntheticTable, tmp } from "./report-fixture.js";
import { overlappingTexts, svgTexts } from "./svg-text.js";

const BASE = [OC, "--rounds", OC_PLAN, "--runs", "300", "--threads", "1", "-q"];

function plot(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, "plot", ...args], { encoding: "utf8", cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("swissround plot", () => {
  for (const chart of ["intervals", "sensitivity", "robustness", "ranks", "wins", "compare"]) {
    it(`${chart}: an SVG file with the models' names`, () => {
      const out = join(tmp(), `${chart}.svg`);
      const r = plot([chart, ...BASE, "-o", out]);
      assert.equal(r.code, 0, r.stderr);
      const svg = readFileSync(out, "utf8");
      assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.ok(svg.includes("Claude-3.5-Sonnet"));
    });
  }

  it("PNG from the extension, at --scale pixels per SVG pixel", () => {
    const out = join(tmp(), "sensitivity.png");
    const r = plot(["sensitivity", ...BASE, "--width", "600", "--scale", "1.5", "-o", out]);
    assert.equal(r.code, 0, r.stderr);
    const png = readFileSync(out);
    assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
    assert.equal(png.readUInt32BE(16), 900);
  });

  it("SVG to stdout when there is no -o", () => {
    const r = plot(["robustness", ...BASE, "--format", "svg"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<svg/);
  });

  it("--setting and --round pick the view", () => {
    const t1 = plot(["ranks", ...BASE, "--setting", "1", "--format", "svg"]);
    const t2 = plot(["ranks", ...BASE, "--format", "svg"]);
    assert.equal(t1.code, 0, t1.stderr);
    assert.notEqual(t1.stdout, t2.stdout, "T = 1 differs from the default (T = 2)");
    const byNumber = plot(["wins", ...BASE, "--round", "2", "--format", "svg"]);
    const byName = plot(["wins", ...BASE, "--round", "knowledge", "--format", "svg"]);
    assert.equal(byNumber.code, 0, byNumber.stderr);
    assert.equal(byNumber.stdout, byName.stdout);
    assert.notEqual(byNumber.stdout, plot(["wins", ...BASE, "--round", "all", "--format", "svg"]).stdout);
  });

  it("never drops models silently: the figure and stderr say how many are drawn and how to choose", () => {
    const field = syntheticTable(80, 4);
    const r = plot(["wins", field, "--runs", "200", "--threads", "1", "--format", "svg"]);
    assert.equal(r.code, 0, r.stderr);
    const note = "top 60 of 80 models by E[S] at T = 2; --top N / --models a,b,c to choose";
    assert.ok(r.stderr.includes(`swissround: the wins chart draws ${note}`), r.stderr);
    assert.ok(r.stdout.includes(note.replace(/[&<>]/g, "")), "the subtitle is on the figure");
    const all = plot(["wins", field, "--runs", "200", "--threads", "1", "--top", "80", "--format", "svg"]);
    assert.ok(all.stderr.includes("the wins chart draws 60 chosen of 80 models (the chart holds 60"), all.stderr);
  });

  it("cost (aider polyglot): every frontier point named, no text over another, the unnamed ones counted on the figure", () => {
    const aider = join(ROOT, "test", "data", "aider", "polyglot_leaderboard.yml");
    const r = plot(["cost", aider, "--duplicates", "best", "--runs", "300", "--threads", "1", "-q", "--format", "svg"]);
    assert.equal(r.code, 0, r.stderr);
    const texts = svgTexts(r.stdout);
    assert.deepEqual(overlappingTexts(texts), []);
    const named = /(\d+) of (\d+) points named; (\d+) left unnamed/.exec(r.stdout);
    if (named) assert.ok(Number(named[1]) >= 40, `${named[1]} of ${named[2]} named`);
    // The frontier's ends: the cheapest and the best model.
    for (const m of ["gpt-4o-mini-2024-07-18", "gpt-5 (high)"])
      assert.ok(
        texts.some((t) => t.text === m),
        m,
      );
  });

  it("--top and --models choose the models; an unknown name fails before simulating", () => {
    const top = plot(["sensitivity", ...BASE, "--top", "5", "--format", "svg"]);
    assert.equal(top.code, 0, top.stderr);
    assert.ok(top.stdout.includes("5 chosen of 35 models"));
    const two = plot(["sensitivity", ...BASE, "--models", "Claude-3.5-Sonnet,GPT-4o-20240513", "--format", "svg"]);
    assert.equal(two.code, 0, two.stderr);
    assert.ok(two.stdout.includes("Claude-3.5-Sonnet") && two.stdout.includes("GPT-4o-20240513"));
    assert.ok(!two.stdout.includes("Qwen2-72B-Chat"), "only the chosen models");
    const bad = plot(["sensitivity", ...BASE, "--models", "Claude-3.5-Sonnet,nope", "--format", "svg"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--models: not in the table: "nope"/);
    const both = plot(["sensitivity", ...BASE, "--models", "a", "--top", "3", "--format", "svg"]);
    assert.match(both.stderr, /--top and --models both choose the models/);
  });

  it('--view "Delta E": the paper\'s bar chart, titled', () => {
    const r = plot(["sensitivity", ...BASE, "--view", "Delta E", "--format", "svg"]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.includes("Delta E per model"));
    const bad = plot(["sensitivity", ...BASE, "--view", "pie", "--format", "svg"]);
    assert.match(bad.stderr, /--view pie: this chart's views are "E\[S\] per T", "Delta E"/);
  });

  const errors: [string, string[], RegExp][] = [
    ["an unknown chart", ["pie", ...BASE], /value 'pie' is invalid for argument 'chart'/],
    ["PNG without -o", ["ranks", ...BASE, "--format", "png"], /--format png needs -o FILE/],
    ["a name that says no format", ["ranks", ...BASE, "-o", "x.gif"], /cannot tell the format/],
    [
      "--setting on another chart",
      ["wins", ...BASE, "--setting", "1", "-o", "x.svg"],
      /--setting picks the T setting of the ranks, intervals and cost charts only/,
    ],
    [
      "a setting the run does not have",
      ["ranks", ...BASE, "--setting", "5", "-o", "x.svg"],
      /--setting 5: not a setting of this run \(0, 1, 2\)/,
    ],
    [
      "a round the plan does not have",
      ["wins", ...BASE, "--round", "poetry", "-o", "x.svg"],
      /--round poetry: expected "all", a round number or a round name/,
    ],
    [
      "robustness with one T",
      ["robustness", ...BASE, "--T", "1", "-o", "x.svg"],
      /robustness: the robustness scatter needs at least two T settings/,
    ],
    ["a bad --width", ["ranks", ...BASE, "--width", "-3", "-o", "x.svg"], /--width: "-3" is not valid/],
  ];
  for (const [what, args, message] of errors) {
    it(`exit 2 and no file for ${what}`, () => {
      const dir = tmp();
      const r = plot(args, dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(existsSync(join(dir, "x.svg")), false);
    });
  }

  it("a bad table gets rank's message", () => {
    const r = plot(["sensitivity", "bad-values.csv", "-o", "x.svg"], FIXTURES);
    const rank = spawnSync(process.execPath, [CLI, "rank", "bad-values.csv"], { encoding: "utf8", cwd: FIXTURES });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, rank.stderr);
    assert.equal(existsSync(join(FIXTURES, "x.svg")), false);
  });
});
