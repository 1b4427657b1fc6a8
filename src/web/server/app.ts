/**
 * The dashboard's HTTP surface (Hono): the built page from memory, the start-up datasets by id, and
 * one endpoint that checks a table with the CLI's own pipeline. No request names a path to open.
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { DUPLICATE_POLICIES } from "../../table/duplicates.js";
import { InputError } from "../../table/errors.js";
import { MISSING_POLICIES } from "../../table/missing.js";
import { megabytes, tooLargeMessage } from "../shared/limits.js";
import type { DatasetsResponse, PrepareResponse } from "../shared/protocol.js";
import type { Asset } from "./assets.js";
import type { Dataset } from "./datasets.js";
import { type FileRef, safeName } from "./prepare.js";
import { PrepareTimeout, prepareOnThread } from "./prepare-thread.js";

export interface AppOptions {
  assets: Map<string, Asset>;
  datasets: Dataset[];
  /** Largest table or plan accepted, in bytes. */
  maxUploadBytes: number;
  /** Host names the page may be reached by (loopback by default); empty = any (a non-loopback --host). */
  allowedHosts: string[];
  /** Longest a table's preparation may run on its thread before it is stopped (default 60 s). */
  prepareTimeoutMs?: number;
  /** serve --bootstrap B: every run's bootstrap, computed on the server while preparing it. */
  bootstrap?: number;
}

export const DEFAULT_PREPARE_TIMEOUT_MS = 60_000;

/**
 * A request that changes state must come from the server's own page: a browser names the page that
 * sent it in Origin (and Sec-Fetch-Site), so a page on another site cannot post to a local server.
 * Clients that send neither (curl, scripts) are not browsers and are let through.
 */
function crossOrigin(c: Context): string | undefined {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site: ${site}`;
  const origin = c.req.header("origin");
  if (origin === undefined) return undefined;
  const own = `${new URL(c.req.url).protocol}//${c.req.header("host") ?? ""}`;
  return origin === own ? undefined : `Origin ${origin}`;
}

const requestSchema = z.object({
  source: z.union([z.object({ dataset: z.string().max(64) }), z.literal("upload")]),
  settings: z.object({
    T: z.string().max(10_000),
    runs: z.string().max(32),
    seed: z.string().max(32),
    elimination: z.enum(["paper", "script"]),
    missing: z.enum(MISSING_POLICIES).optional(),
    duplicates: z.enum(DUPLICATE_POLICIES).optional(),
  }),
});

const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function fail(c: Context, error: string, status: 400 | 403 | 404 | 413 | 503) {
  return c.json({ ok: false, error } satisfies PrepareResponse, status);
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const datasets = new Map(options.datasets.map((d) => [d.id, d]));
  const limit = options.maxUploadBytes;

  app.use("*", async (c, next) => {
    const host = (c.req.header("host") ?? "").replace(/:\d+$/, "");
    // A page on another site cannot reach a loopback server through a rebound DNS name.
    if (options.allowedHosts.length > 0 && !options.allowedHosts.includes(host)) return c.text("unknown host", 403);
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Content-Security-Policy", CSP);
  });

  app.get("/api/datasets", (c) => {
    const list = options.datasets.map((d) => ({
      id: d.id,
      label: d.label,
      missing: d.options.missing ?? "error",
      duplicates: d.options.duplicates ?? "error",
    }));
    return c.json({ datasets: list, initial: list[0]?.id ?? "", maxUploadBytes: limit } satisfies DatasetsResponse);
  });

  // A table and a plan, each up to the limit, plus the form's own overhead.
  const limited = bodyLimit({
    maxSize: 2 * limit + 65_536,
    onError: (c) => fail(c, `the upload is larger than the dashboard accepts (${megabytes(limit)} per file)`, 413),
  });
  app.use("/api/*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const other = crossOrigin(c);
      if (other) return fail(c, `cross-origin request refused (${other}): use the dashboard's own page`, 403);
    }
    await next();
  });

  app.post("/api/prepare", limited, async (c) => {
    let request: z.infer<typeof requestSchema>;
    let form: Record<string, string | File>;
    try {
      form = (await c.req.parseBody()) as Record<string, string | File>;
      request = requestSchema.parse(JSON.parse(String(form.request)));
    } catch {
      return fail(c, "malformed request (expected the dashboard's form)", 400);
    }
    const files: Record<"scores" | "plan", File | undefined> = {
      scores: form.scores instanceof File ? form.scores : undefined,
      plan: form.plan instanceof File ? form.plan : undefined,
    };
    for (const f of Object.values(files)) if (f && f.size > limit) return fail(c, tooLargeMessage(safeName(f.name), f.size, limit), 413);
    const dataset = request.source === "upload" ? undefined : datasets.get(request.source.dataset);
    if (request.source !== "upload" && !dataset) return fail(c, `no dataset "${safeName(request.source.dataset)}"`, 404);
    if (!dataset && !files.scores) return fail(c, "no score table in the upload", 400);
    const upload = async (f: File): Promise<FileRef> => ({ upload: { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } });
    const scores = dataset ? dataset.scores : await upload(files.scores as File);
    const plan = files.plan ? await upload(files.plan) : dataset?.plan;
    try {
      const input = {
        scores,
        plan,
        settings: request.settings,
        options: dataset?.options,
        ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}),
      };
      const run = await prepareOnThread(input, options.prepareTimeoutMs ?? DEFAULT_PREPARE_TIMEOUT_MS);
      return c.json({ ok: true, run } satisfies PrepareResponse);
    } catch (e) {
      if (e instanceof InputError) return fail(c, e.message, 400);
      if (e instanceof PrepareTimeout) return fail(c, `${e.message}: try a smaller table, or the command line (swissround rank)`, 503);
      throw e;
    }
  });

  app.get("*", (c) => {
    const asset = options.assets.get(c.req.path === "/" ? "/index.html" : c.req.path);
    if (!asset) return c.text("not found", 404);
    c.header("Content-Type", asset.type);
    c.header("Cache-Control", "no-cache");
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });

  app.onError((e, c) => c.json({ ok: false, error: `internal error (please report it): ${e.message}` } satisfies PrepareResponse, 500));
  return app;
}
