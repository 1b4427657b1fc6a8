/** Long steps say what they are doing: progress with the step, done of total and time left; --progress for logs. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { terminalProgress } from "../src/cli/progress.js";
import { shareIndexed } from "../src/parallel/share.js";
import { CLI, ROOT } from "./helpers.js";

const OC = join(ROOT, "data", "opencompass_2024-08-29.csv");

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

it("a progress line: silent off a terminal unless forced, plain lines when forced, redrawn in place on a terminal", async () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const quiet = fakeStream(false);
  const p = terminalProgress("step", { stream: quiet.stream });
  await wait(1050);
  p.update(5, 10);
  assert.deepEqual(quiet.written, []);
  const forced = fakeStream(false);
  const f = terminalProgress("stress: re-ranking", { stream: forced.stream, force: true, unit: "re-rankings" });
  await wait(20);
  f.update(5, 10); // asked for: from the first update on
  f.update(6, 10); // within 5 s of the last line: nothing
  f.finish();
  assert.equal(forced.written.length, 1);
  assert.match(forced.written[0], /^swissround: stress: re-ranking: 50% \(5 of 10 re-rankings, (about \d+ s|under a second) left\)\n$/);
  const tty = fakeStream(true);
  const t = terminalProgress("simulating", { stream: tty.stream });
  await wait(1050);
  t.update(3, 4);
  t.finish();
  assert.match(tty.written[0], /^\rsimulating: 75% \(3 of 4 contests/);
  assert.equal(tty.written[1], "\r\u001b[K");
});

it("a batch shared among threads reports the items claimed by every thread, ending at the total", async () => {
  const seen: [number, number][] = [];
  const results = await shareIndexed(
    { name: "test", module: "", pull: "" },
    null,
    50,
    1,
    undefined,
    (_req, next) => {
      const out: [number, number][] = [];
      for (let i = next(); i < 50; i = next()) out.push([i, i * i]);
      return out;
    },
    (done, total) => seen.push([done, total]),
  );
  assert.equal(results[7], 49);
  assert.deepEqual(seen[seen.length - 1], [50, 50]);
  assert.ok(seen.every(([d, t], i) => t === 50 && (i === 0 || d >= seen[i - 1][0])));
});

it("stress --progress writes progress lines into a log (stderr not a terminal)", () => {
  const r = spawnSync(
    process.execPath,
    [CLI, "stress", OC, "--trials", "2", "--runs", "1000", "--progress", "--format", "json", "-o", join(tmpdir(), "stress-progress.json")],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /swissround: stress: re-ranking: \d+% \(\d+ of \d+ re-rankings/);
});
