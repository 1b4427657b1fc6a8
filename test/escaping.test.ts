/** Names from the data are escaped for every medium they reach: terminal, Markdown, CSV, HTML, SVG, PNG, messages. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { markdownSafe, messageSafe, spreadsheetSafe, terminalSafe, xmlSafe } from "../src/output/escape.js";
import { CLI, ROOT } from "./helpers.js";

const NAMES = [
  '=HYPERLINK("http://x","y")',
  "\u001b[31mred\u001b]0;title\u0007",
  "*bold* <img src=x onerror=alert(1)> | pipe",
  "line\nbreak",
  "ctrl\u0001char",
  "@sum",
  "-2+3",
  "rtl\u202eevil",
];

/** Control characters a terminal would act on (newline aside). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostileCsv(): string {
  const dir = mkdtempSync(join(tmpdir(), "swissround-names-"));
  const file = join(dir, "hostile.csv");
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = NAMES.map((n, i) => `${q(n)},${10 + i * 3},${50 - i * 2},${(i * 7) % 30}`);
  writeFileSync(file, `model,MMLU,${q("=cmd|calc")},${q("<b>GSM</b>")}\n${rows.join("\n")}\n`);
  return file;
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("escaping names per medium", () => {
  const file = hostileCsv();

  it("terminal tables and inspect: no control character reaches the terminal", () => {
    for (const out of [run("rank", file, "--runs", "300", "--T", "0"), run("inspect", file)]) {
      assert.equal(out.code, 0, out.stderr);
      assert.doesNotMatch(out.stdout, RAW_CONTROL);
      assert.doesNotMatch(out.stderr, RAW_CONTROL);
    }
    const r = run("rank", file, "--runs", "300", "--T", "0");
    assert.match(r.stdout, /\\x1b\[31mred\\x1b\]0;title\\x07/);
    assert.match(r.stdout, /line\\nbreak/);
    assert.match(r.stdout, /rtl\\u202eevil/);
  });

  it("Markdown: one row per model with the right number of cells, no raw HTML, names as text", () => {
    const r = run("rank", file, "--runs", "300", "--T", "0", "--format", "markdown");
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /<img|<b>/);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    const rows = r.stdout.split("\n").filter((l) => /^\| \d+ \|/.test(l));
    assert.equal(rows.length, NAMES.length);
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length - 2, 10, row);
    assert.match(r.stdout, /\\\*bold\\\* &lt;img src=x onerror=alert\(1\)&gt; \\\| pipe/);
    // Each free-text line is its own paragraph (a blank line after it).
    assert.match(r.stdout, /^# .*\n\nRounds .*\n\nNote: /m);
  });

  it("CSV: formulas neutralised with an apostrophe, numbers left alone, names otherwise intact", () => {
    const r = run("rank", file, "--runs", "300", "--T", "0", "--format", "csv");
    assert.equal(r.code, 0, r.stderr);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const models = rows.map((x) => x.model);
    assert.ok(models.includes(`'=HYPERLINK("http://x","y")`));
    assert.ok(models.includes("'@sum"));
    assert.ok(models.includes("'-2+3"));
    assert.ok(models.includes("line\nbreak"));
    assert.ok(models.every((m) => !/^[=+\-@\t\r]/.test(m)));
    assert.ok(rows.every((x) => Number.isFinite(Number(x.expectedScore))));
  });

  it("HTML report, SVG and PNG: escaped, well-formed, rendered", () => {
    const dir = mkdtempSync(join(tmpdir(), "swissround-names-out-"));
    const html = join(dir, "r.html");
    assert.equal(run("report", file, "--runs", "300", "-q", "-o", html).code, 0);
    const page = readFileSync(html, "utf8");
    assert.doesNotMatch(page, /<img src=x/);
    assert.doesNotMatch(page, RAW_CONTROL);
    for (const chart of ["sensitivity", "wins", "ranks"]) {
      const svg = join(dir, `${chart}.svg`);
      const r = run("plot", chart, file, "--runs", "300", "-q", "-o", svg);
      assert.equal(r.code, 0, r.stderr);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
      assert.doesNotMatch(readFileSync(svg, "utf8"), /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      const png = run("plot", chart, file, "--runs", "300", "-q", "-o", join(dir, `${chart}.png`));
      assert.equal(png.code, 0, png.stderr);
    }
  });

  it("error messages: controls shown as escapes, an offending value clipped to 200 characters", () => {
    const dir = mkdtempSync(join(tmpdir(), "swissround-names-err-"));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, `model,MMLU\na,1\nb,${"z".repeat(5000)}\u001b[2J\n`);
    const r = run("rank", bad);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    assert.ok(r.stderr.length < 1000, `message of ${r.stderr.length} characters`);
    assert.match(r.stderr, /\.\.\. \(\d+ more characters\)/);
  });
});

describe("the escapes themselves", () => {
  it("terminal, Markdown, spreadsheet, XML, messages", () => {
    assert.equal(terminalSafe("a\u001b[0mb\nc\td"), "a\\x1b[0mb\\nc\\td");
    assert.equal(terminalSafe("a\nb", true), "a\nb");
    assert.equal(markdownSafe("a|b *c* <d> [e](f) `g` #h _i_ E[S]"), "a\\|b \\*c\\* &lt;d&gt; \\[e](f) \\`g\\` \\#h \\_i\\_ E[S]");
    for (const [s, out] of [
      ["=1+1", "'=1+1"],
      ["+cmd", "'+cmd"],
      ["-2", "-2"],
      ["-1.5e3", "-1.5e3"],
      ["@x", "'@x"],
      ["\tx", "'\tx"],
      ["plain", "plain"],
    ])
      assert.equal(spreadsheetSafe(s), out, s);
    assert.equal(xmlSafe("<t>a\u0001b</t>"), "<t>a\ufffdb</t>");
    const long = messageSafe(`bad value "${"x".repeat(300)}" here`);
    assert.match(long, /^bad value "x{200}\.\.\. \(100 more characters\)" here$/);
  });
});
