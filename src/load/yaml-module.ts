/**
 * The `yaml` package, loaded when a YAML file is first read: most runs read only JSON, and
 * loading it costs a command about a tenth of its start-up time.
 */
import { createRequire } from "node:module";

type YamlModule = typeof import("yaml");

const require = createRequire(import.meta.url);
let loaded: YamlModule | undefined;

/** The `yaml` package's exports. @example yaml().isMap(node) */
export function yaml(): YamlModule {
  return (loaded ??= require("yaml") as YamlModule);
}
