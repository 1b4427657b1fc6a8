import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { InputError } from "../../table/errors.js";
import { createApp } from "./app.js";
import { loadAssets } from "./assets.js";
import type { Dataset } from "./datasets.js";

export const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1"];

export interface ServeOptions {
  host: string;
  port: number;
  datasets: Dataset[];
  maxUploadBytes: number;
  /** The built page (dist/web/). */
  webDir: string;
  /** Longest one table's preparation may run (see app.ts). */
  prepareTimeoutMs?: number;
  /** --bootstrap B (see AppOptions). */
  bootstrap?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host);
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const app = createApp({
    assets: loadAssets(options.webDir),
    datasets: options.datasets,
    maxUploadBytes: options.maxUploadBytes,
    allowedHosts: isLoopback(options.host) ? ["127.0.0.1", "localhost", "[::1]"] : [],
    ...(options.prepareTimeoutMs ? { prepareTimeoutMs: options.prepareTimeoutMs } : {}),
    ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE")
        reject(new InputError(`--port ${options.port}: the port is in use (choose another, or --port 0 for any free port)`));
      else if (e.code === "EADDRNOTAVAIL" || e.code === "ENOTFOUND" || e.code === "EACCES")
        reject(new InputError(`--host ${options.host} --port ${options.port}: cannot listen there (${e.code})`));
      else reject(e);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shown = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shown}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep idle connections open; close them so shutdown is immediate.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}
