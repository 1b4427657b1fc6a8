import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./helpers.js";
import { CLI, FIXTURES, OC, OC_PLAN, tmp } from "./report-fixture.js";

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
