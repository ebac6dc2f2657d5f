/**
 * The CUDA variants of a redistrib manifest, checked against each package's `cuda_variant` list:
 * the option types accept any `cuda<…>` key, as a set of archives; this check holds the keys and
 * the list to each other, as a reviewer would. An archive for a variant the list leaves out would
 * never be built, and a listed variant without archives promises a build that does not exist.
 * A platform entry that holds a flat archive beside variant archives (NVIDIA published one, cuDNN
 * 9.27.0's `windows-arm64`) is a warning: Nixpkgs builds from the variant's archive.
 */
import { archiveFields, platformEntryLayout, variantKeyPattern } from "../../modules/generic/manifests/variants/index.js";
import { closestNames, isAttrs, showOption } from "../lib/index.js";
import { finding, type Finding } from "./finding.js";
import { packageKeys, releaseKeys } from "./manifest-keys.js";

type Json = Record<string, unknown>;

/** A finding of this check (see `finding.ts`). */
export type VariantFinding = Finding;

/** The form a `cuda_variant` entry takes: a CUDA major (`12`), a major.minor release (`13.1`) or a whole version. */
const variantPattern = /^[0-9]+(?:\.[0-9]+){0,2}$/;


/** `` `name' at `path' in file `` — how every finding starts. */
function at(path: readonly string[], file: string | undefined): string {
  return `\`${path[path.length - 1]}' at \`${showOption(path)}'${file ? ` in ${file}` : ""}`;
}

/** The path of the `index`-th entry of a package's `cuda_variant`, as the engine names list entries. */
function listEntryPath(packagePath: readonly string[], index: number): string[] {
  return [...packagePath, "cuda_variant", `[definition 1-entry ${index + 1}]`];
}

/** The findings of one package at `path`. */
function checkPackage(pkg: Json, path: readonly string[], file: string | undefined): VariantFinding[] {
  const findings: VariantFinding[] = [];
  const listed = Array.isArray(pkg["cuda_variant"]) ? (pkg["cuda_variant"] as unknown[]) : null;
  const listedKeys = new Set<string>();
  listed?.forEach((variant, i) => {
    if (typeof variant !== "string") return; // the option type reports it
    const entryPath = listEntryPath(path, i);
    if (!variantPattern.test(variant)) {
      findings.push(finding("error", entryPath, file, `The entry ${JSON.stringify(variant)} of \`${showOption([...path, "cuda_variant"])}'${file ? ` in ${file}` : ""} is not a CUDA variant: write a CUDA major ("12") or a major.minor release ("13.1").`));
    } else if (listedKeys.has(`cuda${variant}`)) {
      findings.push(finding("error", entryPath, file, `\`${showOption([...path, "cuda_variant"])}'${file ? ` in ${file}` : ""} lists ${JSON.stringify(variant)} twice; remove one.`));
    }
    listedKeys.add(`cuda${variant}`);
  });

  const usedKeys = new Set<string>();
  for (const [platform, entry] of Object.entries(pkg)) {
    if (packageKeys.has(platform)) continue;
    const layout = platformEntryLayout(entry);
    if (layout === null) continue;
    const platformPath = [...path, platform];
    if (layout === "flat") {
      if (listed !== null) {
        findings.push(finding("warning", platformPath, file,
          `${at(platformPath, file)} is a single archive, but the package lists \`cuda_variant' (${JSON.stringify(listed)}): a build looks for a variant's archive here and, finding none, leaves the platform out, as Nixpkgs does. ` +
          "Nest the archive under its variant key (cuda<variant>), or remove `cuda_variant' if the package has no variants."));
      }
      continue;
    }
    const variantKeys = Object.keys(entry as Json).filter((k) => !archiveFields.has(k));
    for (const key of variantKeys) {
      const keyPath = [...platformPath, key];
      usedKeys.add(key);
      if (!variantKeyPattern.test(key)) {
        const close = closestNames(key, [...listedKeys, ...archiveFields]).slice(0, 1);
        findings.push(finding("error", keyPath, file,
          `${at(keyPath, file)} is neither an archive field (${[...archiveFields].join(", ")}) nor a CUDA variant (cuda<major> or cuda<major>.<minor>, as cuda12 or cuda13.1). ` +
          (close.length > 0 ? `Did you mean \`${close[0]}'?` : "Correct the name.")));
      } else if (!listedKeys.has(key)) {
        const variant = variantKeyPattern.exec(key)![1]!;
        findings.push(finding("error", keyPath, file,
          `${at(keyPath, file)} is an archive for CUDA variant ${variant}, which ` +
          (listed === null ? `the package does not declare: it has no \`cuda_variant' list. Add "cuda_variant": [${JSON.stringify(variant)}] to the package` : `the package's \`cuda_variant' (${JSON.stringify(listed)}) does not list. Add ${JSON.stringify(variant)} to \`cuda_variant'`) +
          ", or remove the archive."));
      }
    }
    if (layout === "mixed") findings.push(mixedEntry(entry as Json, platformPath, variantKeys.filter((k) => variantKeyPattern.test(k)), file));
  }

  listed?.forEach((variant, i) => {
    if (typeof variant !== "string" || !variantPattern.test(variant) || usedKeys.has(`cuda${variant}`)) return;
    findings.push(finding("error", listEntryPath(path, i), file,
      `\`${showOption([...path, "cuda_variant"])}'${file ? ` in ${file}` : ""} lists ${JSON.stringify(variant)}, but no platform of the package has a \`cuda${variant}' archive. ` +
      `Add the archives, or remove ${JSON.stringify(variant)} from \`cuda_variant'.`));
  });
  return findings;
}

/** The warning of a platform entry holding a flat archive beside variant archives. */
function mixedEntry(entry: Json, path: readonly string[], variants: readonly string[], file: string | undefined): VariantFinding {
  const flat = typeof entry["relative_path"] === "string" ? ` (${entry["relative_path"]})` : "";
  const used = variants.map((v) => {
    const archive = entry[v];
    const where = isAttrs(archive) && typeof archive["relative_path"] === "string" ? ` (${archive["relative_path"]})` : "";
    return `\`${v}'${where}`;
  });
  return finding("warning", path, file,
    `${at(path, file)} mixes a flat archive${flat} with variant archives (${variants.join(", ")}) in one object. ` +
    `A build uses the variant's archive, ${used.join(" or ")}, and ignores the flat one, as Nixpkgs does. ` +
    "If the file is NVIDIA's as published, keep it (strict CI can allow the warning); in a file of your own, move the flat archive under its variant key.");
}

/**
 * The findings of the CUDA variants of the redistrib manifest `data` (unchecked, so that this runs
 * where the option types found errors too), whose option path is `base`.
 * @example checkVariants(data, ["newer", "manifests", "cudnn", "9.27.0"], "redistrib_9.27.0.json") // one warning, at cudnn.windows-arm64
 */
export function checkVariants(data: unknown, base: readonly string[], file?: string): VariantFinding[] {
  if (!isAttrs(data)) return [];
  return Object.entries(data).flatMap(([pname, pkg]) => (releaseKeys.has(pname) || !isAttrs(pkg) ? [] : checkPackage(pkg, [...base, pname], file)));
}
