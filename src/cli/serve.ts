import type { Command } from "commander";
import { WEB_DIST } from "../output/report/runtime-file.js";
import { InputError } from "../table/errors.js";
import { bundledDataset, type Dataset, fileDataset } from "../web/server/datasets.js";
import { prepareForDashboard } from "../web/server/prepare.js";
import { addTableOptions, readOptionsFrom, type TableFlags, wholeOption } from "./common.js";

interface ServeFlags extends TableFlags {
  bootstrap?: string;
  rounds?: string;
  host: string;
  port: string;
  maxUpload: string;
  prepareTimeout: string;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_MAX_UPLOAD_MB = 16;

function port(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535)
    throw new InputError(`--port: "${text}" is not valid: expected a port number from 0 (any free port) to 65535`);
  return n;
}

function megabytes(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 1024)
    throw new InputError(`--max-upload: "${text}" is not valid: expected a size in MB above 0 and at most 1024`);
  return Math.round(n * 1_048_576);
}

const EXAMPLES = `
Examples:
  $ swissround serve                                  (the bundled OpenCompass data)
  $ swissround serve scores.csv --rounds plan.json --port 9000
  $ swissround serve test/data/mmlu-pro/mmlu_pro_item_correct.csv --bootstrap 100

Open the printed URL. The page simulates in your browser (a Web Worker running the same engine and
seeds as the CLI), so the same seed gives the same numbers. Stop with Ctrl+C.`;

export function registerServe(program: Command): void {
  const cmd = program
    .command("serve")
    .description("open a local dashboard: load a table, reorder rounds, change T, N, seed and mode, download the report")
    .argument("[scores]", "a score table to open first (CSV/TSV/JSON, as for rank)")
    .option("--rounds <plan>", "round plan JSON for the score table")
    .option("--host <host>", "address to listen on (anything but loopback exposes the dashboard to your network)", "127.0.0.1")
    .option("--port <n>", "port to listen on (0 = any free port)", String(DEFAULT_PORT))
    .option("--max-upload <MB>", "largest table or plan the page may load", String(DEFAULT_MAX_UPLOAD_MB))
    .option("--prepare-timeout <s>", "longest the server may spend reading and checking one table (on its own thread)", "60")
    .option(
      "--bootstrap <B>",
      "B bootstrap resamples of the data for every run, computed on the server (within --prepare-timeout): intervals in the leaderboard and charts, labels that take them into account",
    );
  addTableOptions(cmd)
    .addHelpText("after", EXAMPLES)
    .action(async (scores: string | undefined, flags: ServeFlags) => {
      if (flags.rounds && !scores) throw new InputError("--rounds needs a score table (swissround serve SCORES --rounds PLAN)");
      const maxUploadBytes = megabytes(flags.maxUpload);
      const timeout = Number(flags.prepareTimeout);
      if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 86_400)
        throw new InputError(`--prepare-timeout: "${flags.prepareTimeout}" is not valid: expected seconds above 0 and at most 86400`);
      const bootstrap = flags.bootstrap ? wholeOption(flags.bootstrap, "--bootstrap", 2, 100_000) : undefined;
      const datasets: Dataset[] = [bundledDataset()];
      if (scores) {
        const file = fileDataset(scores, flags.rounds, readOptionsFrom(flags));
        // Bad input fails here, exactly as `rank` would fail, before anything listens.
        prepareForDashboard({ ...file, settings: { T: "0", runs: "2", seed: "0", elimination: "paper" } });
        datasets.unshift(file);
      }
      // The HTTP stack loads only here, so other commands start fast.
      const { isLoopback, startServer } = await import("../web/server/start.js");
      if (!isLoopback(flags.host)) {
        process.stderr.write(`swissround: warning: listening on ${flags.host}: anyone who can reach this address can use the dashboard\n`);
      }
      const server = await startServer({
        host: flags.host,
        port: port(flags.port),
        datasets,
        maxUploadBytes,
        webDir: WEB_DIST,
        prepareTimeoutMs: timeout * 1000,
        ...(bootstrap ? { bootstrap } : {}),
      });
      process.stdout.write(`swissround: dashboard at ${server.url} (Ctrl+C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          process.stderr.write("swissround: stopping the dashboard\n");
          server.close().then(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
