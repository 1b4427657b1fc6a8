/**
 * A dependency loaded the first time it is needed, synchronously (Node only: none of the modules
 * that use this is in the dashboard's browser bundle). Commands that never read YAML, a round plan
 * or a price table then do not pay for yaml (about 15 ms) or zod (about 45 ms) at start-up.
 */
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= load(id) as T;
    return loaded;
  };
}
