/**
 * The floor of the synthetic workload: what plain JSON tooling pays for the same manifest. The
 * JSON text is parsed, validated with ajv against a schema equivalent to synth.nix's
 * declarations, each package's `name` set to its attribute name where absent (the one default a
 * JSON Schema cannot state), and the result serialised again, as our side forces to JSON.
 */
import { Ajv, type ValidateFunction } from "ajv";

const archive = {
  type: "object",
  properties: {
    relative_path: { type: "string" },
    // types.strMatching matches the whole string (builtins.match), hence the anchors.
    sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
    md5: { type: "string", pattern: "^[0-9a-f]{32}$" },
    size: { type: "string" },
  },
  required: ["relative_path", "sha256", "md5", "size"],
  additionalProperties: false,
} as const;

/** synth.nix's `packages` as JSON Schema: `attrsOf package`, each package free-form `attrsOf platform`. */
export const synthSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  additionalProperties: {
    type: "object",
    properties: {
      name: { type: "string" },
      license: { type: "string" },
      version: { type: "string", pattern: "^[0-9]+(\\.[0-9]+)*$" },
    },
    required: ["license", "version"],
    additionalProperties: archive,
  },
} as const;

/** The floor's validator of {@link synthSchema}, compiled once. */
export function compileSynthSchema(): ValidateFunction {
  return new Ajv({ allErrors: true, strict: true }).compile(synthSchema);
}

/**
 * Parses, validates and completes the packages of `text`, and serialises them: the floor's whole
 * work on one input. Throws when the data does not fit the schema.
 * @example floorSynth(JSON.stringify(synthPackages(1)), compileSynthSchema()) // '{"pkg_0":{…,"name":"pkg_0"}}'
 */
export function floorSynth(text: string, validate: ValidateFunction): string {
  const data: unknown = JSON.parse(text);
  if (!validate(data)) throw new Error(`synthetic data does not fit its schema: ${JSON.stringify(validate.errors)}`);
  const packages = data as Record<string, Record<string, unknown>>;
  for (const [name, pkg] of Object.entries(packages)) pkg["name"] ??= name;
  return JSON.stringify(packages);
}
