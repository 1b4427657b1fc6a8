/**
 * Builds the dashboard (src/web/client -> dist/web) and, with --mode report, the chart runtime that
 * every HTML report inlines (dist/web/report-runtime.js, one self-contained script).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const client = fileURLToPath(new URL("./src/web/client/", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web/", import.meta.url));

// ECharts keeps development-only checks behind process.env.NODE_ENV; a library build would leave them in.
const define = { "process.env.NODE_ENV": JSON.stringify("production") };

export default defineConfig(({ mode }) =>
  mode === "report"
    ? {
        publicDir: false,
        logLevel: "warn",
        define,
        build: {
          outDir,
          emptyOutDir: false,
          sourcemap: false,
          lib: { entry: `${client}report-runtime.ts`, formats: ["iife"], name: "SwissroundReport", fileName: () => "report-runtime.js" },
        },
      }
    : {
        root: client,
        base: "/",
        define,
        publicDir: false,
        logLevel: "warn",
        worker: { format: "es" },
        build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
      },
);
