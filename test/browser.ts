/** Shared by the browser tests: Debian's Chromium through playwright-core, the dashboard server, artefacts. */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { ROOT } from "./helpers.js";
import { CLI } from "./report-fixture.js";

export const CHROMIUM = "/usr/bin/chromium";
/** Screenshots and downloads the tests keep (git-ignored). */
export const ARTIFACTS = join(ROOT, "test-artifacts");

/**
 * Why the browser tests cannot run, or undefined when they can. In CI (CI=true) a missing Chromium
 * is a failure, not a skip: .ci/run installs it.
 */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const why = `${CHROMIUM} is missing (install it: apt-get install -y chromium)`;
  assert.ok(process.env.CI !== "true", `browser tests need Chromium in CI: ${why}`);
  return why;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export interface Dashboard {
  url: string;
  stop(): Promise<void>;
}

/** `swissround serve --port 0`, resolved once it prints its URL. */
export function startDashboard(args: string[] = []): Promise<Dashboard> {
  const child: ChildProcess = spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /dashboard at (http:\/\/\S+\/)/.exec(out);
      if (m)
        resolve({
          url: m[1],
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGINT");
            }),
        });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}
