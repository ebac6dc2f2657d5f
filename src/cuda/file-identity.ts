/**
 * Whether a manifest says of itself what its path says: a `release_label` other than the version
 * in the file name (`redistrib_<version>.json`), or a `release_product` other than the product a
 * folder of the path (or `--product`) names, is an error at the key, since one of the two is wrong
 * and a reviewer must decide which; a `release_product` one edit away from a known product is a
 * warning (it is checked as a product of its own).
 */
import { showOption } from "../lib/index.js";
import { releaseFields, type DescribedFile } from "./data-files.js";
import { finding, type Finding } from "./finding.js";
import { productOneEditAway } from "./products.js";

/** A finding of this check (see `finding.ts`). */
export type IdentityFinding = Finding;

/** A value as messages show it: quoted, and cut when long. */
function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/**
 * The findings of a redistrib manifest's `release_label` and `release_product`, given the
 * product `--product` named, if any.
 * @example checkFileIdentity(described) // [] for every real manifest
 */
export function checkFileIdentity(d: DescribedFile, productOverride?: string): IdentityFinding[] {
  if (d.classified.kind !== "redistrib") return [];
  const { product, label } = releaseFields(d.loaded.data);
  const file = d.loaded.file;
  const findings: IdentityFinding[] = [];
  if (label !== null && d.classified.version !== null && label !== d.classified.version) {
    const at = [...d.mount, "release_label"];
    findings.push(finding("error", at, file,
      `\`release_label' at \`${showOption(at)}' in ${file} is ${shown(label)}, but the file name says version ${d.classified.version}. ` +
      "Name the file after the release (redistrib_<release_label>.json), or correct the label."));
  }
  if (product !== null) {
    const at = [...d.mount, "release_product"];
    const named = productOverride !== undefined ? { by: "--product", name: productOverride } : d.classified.product !== null ? { by: "the folder it is in", name: d.classified.product } : null;
    if (named !== null && named.name !== product) {
      findings.push(finding("error", at, file,
        `\`release_product' at \`${showOption(at)}' in ${file} is ${shown(product)}, but ${named.by} names the product ${JSON.stringify(named.name)}. ` +
        "Put the manifest in its product's folder, or correct `release_product'."));
    }
    const close = productOneEditAway(product);
    if (close !== undefined) {
      findings.push(finding("warning", at, file,
        `\`release_product' at \`${showOption(at)}' in ${file} is ${shown(product)}, which is not a known product; did you mean ${JSON.stringify(close)}? ` +
        `The manifest is checked as a product of its own, ${JSON.stringify(product)}, without the rules of ${JSON.stringify(close)}.`));
    }
  }
  return findings;
}
