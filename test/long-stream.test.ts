/** Long CSV tables are streamed row by row: the same table (and the same errors) as reading the text whole. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { serialize } from "node:v8";
import { InputError } from "../src/table/errors.js";
import { scoreTableFromText } from "../src/table/load.js";
import { readScoreTable } from "../src/table/read.js";
import { ROOT, testData } from "./helpers.js";

const FX = (name: string) => join(ROOT, "test", "fixtures", name);

function outcome(f: () => unknown): unknown {
  try {
    const t = f() as { models: string[]; benchmarks: unknown; scores: Float64Array; extras?: unknown; duplicates?: unknown };
    return { models: t.models, benchmarks: t.benchmarks, scores: Array.from(t.scores), extras: t.extras, duplicates: t.duplicates };
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return { error: e.message };
  }
}

describe("long CSV tables, streamed", () => {
  const dir = mkdtempSync(join(tmpdir(), "swissround-long-"));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const cases: [string, string, object][] = [
    ["fixture", readFileSync(FX("long.csv"), "utf8"), {}],
    ["standard errors", readFileSync(FX("long-stderr.csv"), "utf8"), {}],
    ["a repeated pair: an error", readFileSync(FX("bad-long-dup.csv"), "utf8"), {}],
    ["a repeated pair, --duplicates best", readFileSync(FX("bad-long-dup.csv"), "utf8"), { duplicates: "best" }],
    ["percentages", "model,benchmark,score\na,MMLU,70.5%\nb,MMLU,71%\na,GPQA,40\nb,GPQA,41\n", {}],
    ["a percentage among numbers", "model,benchmark,score\na,MMLU,70.5%\nb,MMLU,71\na,GPQA,40\nb,GPQA,41\n", {}],
    ["empty names, --unnamed drop", "model,benchmark,score\na,MMLU,1\n,MMLU,2\nb,MMLU,3\na,GPQA,1\nb,GPQA,2\n", { unnamed: "drop" }],
    ["empty names", "model,benchmark,score\na,MMLU,1\n,MMLU,2\nb,MMLU,3\n", {}],
    ["text in a score", "model,benchmark,score\na,MMLU,1\nb,MMLU,high\n", {}],
    ["a short row", "model,benchmark,score\na,MMLU,1\nb,MMLU\n", {}],
    ["gaps, --missing later", "model,benchmark,score\na,MMLU,1\nb,MMLU,\na,GPQA,3\nb,GPQA,4\n", {}],
    ["quoted names with commas", 'model,benchmark,score\n"a, large",MMLU,1\nb,"MMLU",2\n', {}],
  ];
  for (const [name, text, options] of cases) {
    it(name, () => {
      const file = write(`${name.replace(/\W+/g, "-")}.csv`, text);
      const whole = outcome(() => scoreTableFromText(text, file, options));
      const streamed = outcome(() => readScoreTable(file, options));
      assert.deepEqual(streamed, whole);
    });
  }

  it("a UTF-16 file (which the streamer cannot decode) is read whole, with the same table", () => {
    const text = readFileSync(FX("long.csv"), "utf8");
    const file = join(dir, "utf16.csv");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    assert.deepEqual(
      outcome(() => readScoreTable(file)),
      outcome(() => scoreTableFromText(text, file)),
    );
  });

  it("names read from a stream are one-byte strings, as from a file read whole (half the memory)", () => {
    // More than a megabyte: Node 20's TextDecoder gave two-byte strings from such chunks.
    const rows = Array.from({ length: 60_000 }, (_, i) => `model-with-a-long-name-${i},MMLU,${i % 100}`);
    const file = write("ascii.csv", `model,benchmark,score\n${rows.join("\n")}\n`);
    const t = readScoreTable(file);
    assert.match(t.notes[0], /streamed/);
    // v8 serialises a one-byte string as its bytes, a two-byte one as twice as many.
    assert.ok(serialize(t.models[0]).length < 2 * t.models[0].length, "a two-byte string");
  });

  it("says it streamed; Epoch's real long table (with --columns) too", () => {
    const file = write("plain.csv", "model,benchmark,score\na,MMLU,1\nb,MMLU,2\n");
    assert.match(readScoreTable(file).notes.join("\n"), /read by the long adapter \(.*\), streamed/);
    const epoch = readScoreTable(testData("epoch-stitching", "derived_long_scores.csv"), {
      columns: { model: "model_version", benchmark: "benchmark", score: "score_fraction" },
      duplicates: "best",
    });
    assert.equal(epoch.models.length, 469);
  });
});
