/** YAML text -> a plain value, with located errors. */
import { InputError } from "./errors.js";
import { lazyModule } from "./lazy-module.js";

const yaml = lazyModule<typeof import("yaml")>("yaml");

export function parseYamlText(text: string, file: string): unknown {
  const { parse, YAMLParseError } = yaml();
  try {
    return parse(text.replace(/^\uFEFF/, ""), { uniqueKeys: true, maxAliasCount: 100 });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const at = e.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : "";
      throw new InputError(`${file}: malformed YAML${where}: ${e.message.split("\n")[0]}`, { file, row: at?.line });
    }
    throw new InputError(`${file}: malformed YAML: ${(e as Error).message}`, { file });
  }
}
