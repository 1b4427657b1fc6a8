import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { ReportData } from "../src/output/report/data.js";
import { renderReport, reportBody } from "../src/output/report/document.js";
import { CHARTS_SCRIPT_ID, type ChartPayload } from "../src/output/report/figures.js";
import { readReportRuntime } from "../src/output/report/runtime-file.js";
import { ROOT } from "./helpers.js";
import { bundledData, CLI, FIXTURES, OC, OC_PLAN, reportDataFor, syntheticTable, tmp } from "./report-fixture.js";

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function payloadOf(html: string): ChartPayload[] {
  const m = new RegExp(`<script type="application/json" id="${CHARTS_SCRIPT_ID}">(.*?)</script>`, "s").exec(html);
  assert.ok(m, "the chart payload is inline");
  return JSON.parse(m[1]) as ChartPayload[];
}

describe("the HTML report", () => {
  let data: ReportData;
  let html: string;
  before(async () => {
    data = await bundledData(2000, "0,1,2", true);
    html = renderReport(data, readReportRuntime());
  });

  it("is one self-contained file: no external script, style, image or font", () => {
    assert.doesNotMatch(html, /<script[^>]+src=/i);
    assert.doesNotMatch(html, /<link[^>]+href=/i);
    assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//i);
    assert.doesNotMatch(html, /@import|url\(\s*['"]?https?:/i);
    assert.ok(
      html.includes(
        readReportRuntime()
          .slice(0, 200)
          .replace(/<\/(script)/gi, "<\\/$1"),
      ),
      "the chart runtime is inlined",
    );
  });

  it("has every section, a table of contents that points at them, and a placeholder for every chart", () => {
    for (const id of [
      "summary",
      "leaderboard",
      "intervals",
      "sensitivity",
      "robustness",
      "ranks",
      "wins",
      "compare",
      "agreement",
      "plan",
      "details",
    ]) {
      assert.match(html, new RegExp(`<section id="${id}">`), id);
      assert.match(html, new RegExp(`<a href="#${id}">`), `toc ${id}`);
    }
    const payload = payloadOf(html);
    assert.deepEqual(
      payload.map((p) => p.id),
      ["intervals", "sensitivity", "robustness", "ranks", "wins", "compare"],
    );
    for (const p of payload) assert.match(html, new RegExp(`data-chart="${p.id}"`));
    assert.match(html, /<select data-chart-select="ranks">/);
    assert.match(html, /<select data-chart-select="wins">/);
    // The agreement section ends with every ranking's Kemeny distance, the consensus closest.
    const kemeny = /<h3>Kemeny distance to the per-column orders \((\d+) pairwise battles\)<\/h3>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(
      html,
    );
    assert.ok(kemeny, "the Kemeny distance table is in the report");
    assert.match(kemeny[2], /^\s*<tr><td>Kemeny consensus</);
  });

  it("leaderboard: every model once, with E[S] +/- its 95% interval at each T, rank, tier and label", () => {
    const section = /<section id="leaderboard">(.*?)<\/section>/s.exec(html)?.[1] ?? "";
    const rows = section.match(/<tr>/g)?.length ?? 0;
    assert.equal(rows - 1, 35, "35 rows after the header");
    for (const h of ["Rank", "Model", "Tier", "Label", "E[S] T = 0", "E[S] T = 2", "Delta E", "P(first)", "Final rank"])
      assert.ok(section.includes(`>${h}</th>`), h);
    const top = data.result.results[2].models[0];
    assert.ok(
      section.includes(`${top.expectedScore.toFixed(3)} <span class="pm">&plusmn; ${(1.96 * top.standardError).toFixed(3)}</span>`),
    );
    assert.deepEqual([...new Set(Object.values(data.tiers.byModel))].sort(), [1, 2, 3, 4]);
    assert.match(section, /class="label label-(generalist|balanced|specialist)"/);
    assert.match(section, /Tier \(computed from E\[S\] at T = 2, 4 tiers\)/);
  });

  it("escapes what comes from the input: a model name cannot inject markup or end a script", async () => {
    const dir = tmp();
    const file = join(dir, "evil.csv");
    writeFileSync(file, 'model,a,b\n"<img src=x onerror=alert(1)></script>",1,2\nplain,2,1\nthird,0,0\n');
    const evil = renderReport(await reportDataFor(file, { runs: 100, seed: 1, T: "0,1" }), "/* runtime */");
    assert.ok(!evil.includes("<img src=x"));
    assert.ok(evil.includes("&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;"));
    const names = payloadOf(evil).flatMap((p) => JSON.stringify(p.variants[0].option));
    assert.ok(
      names.some((s) => s.includes("<img src=x onerror=alert(1)></script>")),
      "the payload carries the name intact",
    );
  });

  it("leaves out the sections whose study was not computed, and shows studies that were", async () => {
    const plain = await bundledData(500, "0,2");
    const body = reportBody({
      ...plain,
      studies: [{ id: "corruption", title: "Corruption study", caption: "what and how", columns: ["Model", "Shift"], rows: [["a", 1.5]] }],
    });
    assert.doesNotMatch(body.html, /<section id="compare">|<section id="agreement">/);
    assert.match(body.html, /<section id="study-corruption"><h2>Corruption study<\/h2>/);
    assert.ok(body.toc.some(([id]) => id === "study-corruption"));
    const single = reportBody(await bundledData(500, "1"));
    assert.match(
      single.html,
      /<section id="robustness"><h2>Robustness<\/h2>\n<p class="unavailable">Not drawn: the robustness scatter needs at least two T settings/,
    );
  });
});

describe("swissround report", () => {
  it("writes the report atomically and says where", () => {
    const out = join(tmp(), "report.html");
    const r = cli(["report", OC, "--rounds", OC_PLAN, "--runs", "1000", "--title", "Test <report>", "-o", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote the report to /);
    const html = readFileSync(out, "utf8");
    assert.match(html, /<title>Test &lt;report&gt;<\/title>/);
    assert.equal(payloadOf(html).length, 6);
  });

  it("leaves the slow method comparison out of large fields, and says so", () => {
    const out = join(tmp(), "big.html");
    const r = cli(["report", syntheticTable(310, 2), "--runs", "50", "--threads", "1", "-q", "-o", out]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, "utf8");
    assert.match(
      html,
      /<section id="compare"><h2>Method comparison<\/h2>\n<p class="unavailable">Not drawn: the method comparison is left out above 300 models \(this field has 310\); add --compare/,
    );
    assert.deepEqual(
      payloadOf(html).map((p) => p.id),
      ["intervals", "sensitivity", "robustness", "ranks", "wins"],
    );
  });

  it("bad input: the same message as rank, exit 2, no file", () => {
    const out = join(tmp(), "report.html");
    const r = cli(["report", "bad-values.csv", "-o", out], FIXTURES);
    const rank = cli(["rank", "bad-values.csv"], FIXTURES);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, rank.stderr);
    assert.equal(existsSync(out), false);
    const badT = cli(["report", OC, "--T", "0,x", "-o", out]);
    assert.equal(badT.code, 2);
    assert.match(badT.stderr, /--T: "x" is not a whole number/);
    assert.equal(existsSync(out), false);
  });
});

describe("report studies", () => {
  it("includes the corruption, order and leave-one-out studies for small fields, and leaves them out on request", () => {
    const dir = tmp();
    const withStudies = join(dir, "with.html");
    const r = spawnSync(
      process.execPath,
      [CLI, "report", join(ROOT, "test", "fixtures", "models-rows.csv"), "--runs", "500", "--no-compare", "-q", "-o", withStudies],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(withStudies, "utf8");
    for (const id of ["study-corruption", "study-order", "study-leave-one-out"]) assert.ok(html.includes(`id="${id}"`), id);
    const without = join(dir, "without.html");
    const r2 = spawnSync(
      process.execPath,
      [
        CLI,
        "report",
        join(ROOT, "test", "fixtures", "models-rows.csv"),
        "--runs",
        "500",
        "--no-compare",
        "--no-studies",
        "-q",
        "-o",
        without,
      ],
      { encoding: "utf8" },
    );
    assert.equal(r2.status, 0, r2.stderr);
    assert.ok(!readFileSync(without, "utf8").includes('id="study-corruption"'));
  });
});
