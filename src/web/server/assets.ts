/**
 * The built dashboard (dist/web/), read into memory at start-up. Requests are answered from this map
 * by exact name, so no request path ever reaches the file system (no traversal to guard against).
 */
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";

export interface Asset {
  body: Uint8Array;
  type: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Every file under `dir` by URL path ("/index.html", "/assets/x.js"); source maps are left out. */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
  } catch {
    throw new Error(`the dashboard is not built (${dir} is missing): run "npm run build"`);
  }
  for (const file of files) {
    const ext = extname(file);
    if (ext === ".map") continue;
    const urlPath = `/${relative(dir, file).split(sep).join("/")}`;
    assets.set(urlPath, { body: readFileSync(file), type: TYPES[ext] ?? "application/octet-stream" });
  }
  if (!assets.has("/index.html")) throw new Error(`the dashboard is not built (${dir}index.html is missing): run "npm run build"`);
  return assets;
}
