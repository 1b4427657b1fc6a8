/**
 * The command line as a few CommonJS files (dist/cli/), bundled from tsc's output in dist/src/.
 * Node 20 took about 45 ms to load the 83 ES modules `rank` needs, file by file: a tenth of the
 * paper's run (29 x 12, N = 100,000). Measured in docs/performance.md. The library (dist/src/) is
 * not bundled.
 *
 * Entries besides the CLI: the files Node starts worker threads from (by URL, next to the code
 * that starts them), and the modules whose functions a pooled worker calls by export name
 * (parallel/protocol.ts, IndexedJob): as entries their exports keep their names, in whichever
 * file holds their code (the one import.meta.url names there).
 */
const DIST = "dist/src";

/** Packages loaded from node_modules at run time (lazily, most of them); commander is bundled. */
const bundled = new Set(["commander"]);
const isPackage = (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("\0");

export default {
  input: {
    swissround: `${DIST}/cli/bin.js`,
    worker: `${DIST}/parallel/worker.js`,
    "prepare-worker": `${DIST}/web/server/prepare-worker.js`,
    "bootstrap-threads": `${DIST}/run/bootstrap-threads.js`,
    "methods-threads": `${DIST}/analysis/methods-threads.js`,
    "rerank-threads": `${DIST}/analysis/rerank-threads.js`,
    "twins-threads": `${DIST}/run/twins-threads.js`,
  },
  platform: "node",
  external: (id) => isPackage(id) && !bundled.has(id) && !id.startsWith("commander/"),
  output: {
    dir: "dist/cli",
    cleanDir: true,
    format: "cjs",
    entryFileNames: "[name].js",
    chunkFileNames: "[name]-[hash].js",
    sourcemap: true,
  },
  plugins: [
    {
      name: "commonjs-folder",
      // dist/cli/*.js are CommonJS inside a "type": "module" package.
      generateBundle() {
        this.emitFile({ type: "asset", fileName: "package.json", source: '{ "type": "commonjs" }\n' });
      },
    },
  ],
};
