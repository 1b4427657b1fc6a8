/** What -o (and --out) may and may not do to the file system, in every command, end to end. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI, ROOT } from "./helpers.js";

const OC = join(ROOT, "data", "opencompass_2024-08-29.csv");
/** So many contests that a command which did its work before checking -o would not finish within the timeout. */
const FOREVER = ["--runs", "1000000000"];

function run(args: string[], timeout = 60_000) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT, timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

const tmp = () => mkdtempSync(join(tmpdir(), "swissround-out-"));

describe("-o: what stands at the path is respected", () => {
  it("a symlink: its target is written, the link stays a link", () => {
    const dir = tmp();
    const target = join(dir, "target.json");
    writeFileSync(target, "old");
    symlinkSync(target, join(dir, "link.json"));
    const r = run(["rank", OC, "--runs", "500", "-q", "-o", join(dir, "link.json")]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(join(dir, "link.json")).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, "link.json")), target);
    assert.match(readFileSync(target, "utf8"), /"results"/);
  });

  it("an existing file keeps its mode when replaced", () => {
    const dir = tmp();
    const out = join(dir, "ranking.json");
    writeFileSync(out, "old");
    chmodSync(out, 0o640);
    const r = run(["rank", OC, "--runs", "500", "-q", "-o", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(statSync(out).mode & 0o777, 0o640);
    assert.match(readFileSync(out, "utf8"), /"results"/);
  });

  it("a read-only file is refused before any work and left as it was", () => {
    const dir = tmp();
    const out = join(dir, "keep.json");
    writeFileSync(out, "keep me");
    chmodSync(out, 0o444);
    const r = run(["rank", OC, ...FOREVER, "-o", out]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /-o .*keep\.json: the file is read-only/);
    assert.equal(readFileSync(out, "utf8"), "keep me");
  });

  it("the input file (or a hard link to it, or the round plan) is never the output", () => {
    const dir = tmp();
    const scores = join(dir, "scores.csv");
    writeFileSync(scores, readFileSync(OC));
    for (const out of [scores, join(dir, ".", "scores.csv")]) {
      const r = run(["rank", scores, ...FOREVER, "--format", "json", "-o", out]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /is an input of this run/);
    }
    const plan = join(ROOT, "data", "opencompass.rounds.json");
    const r = run(["rank", scores, "--rounds", plan, ...FOREVER, "--format", "json", "-o", plan]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is an input of this run/);
    assert.equal(readFileSync(scores, "utf8"), readFileSync(OC, "utf8"));
  });

  it("a directory, a missing directory: exit 2 with the path and the reason, before any work", () => {
    const dir = tmp();
    const cases: [string, RegExp][] = [
      [dir, /is a directory; give a file name/],
      [join(dir, "missing", "out.json"), /the directory .*missing does not exist/],
      ["", /-o: the file name is empty/],
    ];
    for (const [out, pattern] of cases) {
      const r = run(["rank", OC, ...FOREVER, "-o", out]);
      assert.equal(r.code, 2, `${out}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /internal error/);
    }
  });

  it("devices are written directly, never replaced: /dev/null stays a device; /dev/full is 'no space left' (exit 2)", () => {
    const r = run(["rank", OC, "--runs", "500", "-q", "--format", "json", "-o", "/dev/null"]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync("/dev/null").isCharacterDevice());
    const full = run(["rank", OC, "--runs", "500", "-q", "--format", "json", "-o", "/dev/full"]);
    assert.equal(full.code, 2, full.stderr);
    assert.match(full.stderr, /-o \/dev\/full: cannot write: no space left on the device \(ENOSPC\)/);
    assert.ok(lstatSync("/dev/full").isCharacterDevice());
  });

  it("a FIFO is written to (a reader at the other end gets the output)", async () => {
    const dir = tmp();
    const fifo = join(dir, "pipe");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return; // no mkfifo: nothing to test here
    const reader = spawn("cat", [fifo]);
    let got = "";
    reader.stdout.on("data", (d) => {
      got += String(d);
    });
    const closed = new Promise((resolve) => reader.on("close", resolve));
    const r = run(["rank", OC, "--runs", "500", "-q", "--format", "json", "-o", fifo]);
    await closed;
    assert.equal(r.code, 0, r.stderr);
    assert.match(got, /"results"/);
    assert.ok(lstatSync(fifo).isFIFO());
  });
});

describe("every command checks its output path before any work", () => {
  const dir = tmp();
  const missing = join(dir, "no-such-dir", "out");
  mkdirSync(join(dir, "parts"));
  const cases: [string, string[]][] = [
    ["rank", ["rank", OC, ...FOREVER, "-o", `${missing}.json`]],
    ["rank --shard --out", ["rank", OC, ...FOREVER, "--shard", "1/2", "--out", `${missing}.json`]],
    ["compare", ["compare", OC, ...FOREVER, "-o", `${missing}.json`]],
    ["stress", ["stress", OC, ...FOREVER, "-o", `${missing}.json`]],
    ["order", ["order", OC, ...FOREVER, "-o", `${missing}.json`]],
    ["report", ["report", OC, ...FOREVER, "-o", `${missing}.html`]],
    ["plot", ["plot", "sensitivity", OC, ...FOREVER, "-o", `${missing}.svg`]],
    ["cost", ["cost", OC, ...FOREVER, "-o", `${missing}.json`]],
    ["merge", ["merge", join(dir, "parts", "a.json"), "-o", `${missing}.json`]],
    ["inspect", ["inspect", OC, "-o", `${missing}.txt`]],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const r = run(args, 30_000);
      assert.equal(r.timedOut, false, "the command started its work before checking the output path");
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /no-such-dir does not exist/);
      assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
    });
  }
});
