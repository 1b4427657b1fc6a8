/**
 * Runs the CLI in this process and, at exit, writes its peak RSS (worker threads included) on a
 * last stderr line `BENCH {"maxRssMB":...,"code":...}`: spawnSync reports no resource usage of a child.
 *
 *   node dist/bench/cli-child.js dist/cli/swissround.js compare FILE ...
 */
import { pathToFileURL } from "node:url";

const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
process.on("exit", (code) => {
  process.stderr.write(`\nBENCH ${JSON.stringify({ maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), code })}\n`);
});
await import(pathToFileURL(cli).href);
