/**
 * Data files given to `plan` and `eval`, as `check` takes them (manifests, feature manifests,
 * release lists): each is checked first (its diagnostics printed as `check` prints them), then
 * stands in place of the bundled file of the same product, kind and version (or, for a release
 * list, of the same products), so that a reviewer sees the pull request's data evaluated.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { checkDataFiles, classifyDataFile, type ClassifiedFile } from "../cuda/check-files.js";
import { describeDataFile, manifestOptionPath, type DescribedFile } from "../cuda/data-files.js";
import type { ManifestData, ReleasesData } from "../cuda/evaluate.js";
import { bundledManifests, bundledNewerManifests, bundledReleaseLists, projectRoot, readDefinitionFile, SourceIndex, type MountedFile } from "../load/index.js";
import { formatHuman } from "./format/human.js";
import { safeText } from "./safe-text.js";
import { useColour } from "./colour.js";

/** The data an evaluation is made from: the bundled files, with the given ones in their place. */
export interface EvaluationData {
  /** Manifests, defined where the modules put them. */
  readonly manifests: readonly ManifestData[];
  /** The bundled manifests of `modules/newer`, defined as the generic product's. */
  readonly newerManifests: readonly ManifestData[];
  readonly releases: readonly ReleasesData[];
  /** Where each file's content is defined, for the positions of diagnostics and `--option`. */
  readonly mounts: readonly MountedFile[];
  /**
   * The option paths each file defines something under: its mount, or `<product>` for each
   * product of a release list (which is mounted at the root).
   */
  readonly claims: readonly MountedFile[];
}

/** Where `plan` and `eval` write their diagnostics. */
export interface DataArgumentsIo {
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Whether `file` is named as a data file (`redistrib_<version>`, `feature_<version>`, `releases`). */
export function isDataFileName(file: string): boolean {
  return E.isRight(classifyDataFile(file));
}

const keyOf = (product: string, kind: string, version: string) => `${product}\u0000${kind}\u0000${version}`;

/** A bundled file's text, read only when a position in it is asked for. */
function bundledIndex(file: string): SourceIndex {
  return new SourceIndex(file, () => readFileSync(path.join(projectRoot, file), "utf8"));
}

/**
 * The bundled data with `files` in place of the bundled files they stand for; or the exit status
 * when a file cannot be classified (2) or does not check (1), its diagnostics written to stderr.
 * @example evaluationData(["pr/redistrib_12.9.0.json"], {}, io) // right({ manifests: [… the PR's 12.9.0 …], … })
 */
export function evaluationData(files: readonly string[], options: { readonly product?: string; readonly color?: boolean }, io: DataArgumentsIo, command: string): E.Either<number, EvaluationData> {
  const classified: ClassifiedFile[] = [];
  for (const file of files) {
    const result = classifyDataFile(file);
    if (E.isLeft(result)) {
      io.stderr.write(safeText(`cuda-modules ${command}: ${result.left}\n`));
      return E.left(2);
    }
    classified.push(result.right);
  }
  if (classified.length > 0) {
    const { diagnostics } = checkDataFiles(classified, options.product === undefined ? {} : { product: options.product });
    if (diagnostics.length > 0) {
      const readText = (file: string) => {
        try {
          return readFileSync(file, "utf8");
        } catch {
          return undefined;
        }
      };
      io.stderr.write(formatHuman(diagnostics, classified.length, { colour: useColour(io.stderr, options.color), readText }));
      if (diagnostics.some((d) => d.severity === "error")) return E.left(1);
    }
  }

  const given: DescribedFile[] = [];
  for (const c of classified) {
    const read = readDefinitionFile(c.path);
    if (E.isLeft(read)) return E.left(1); // checked above; only a file changed meanwhile gets here
    given.push(describeDataFile(c, read.right, options.product));
  }
  const replaced = new Set(given.filter((d) => d.classified.kind !== "releases").map((d) => keyOf(d.product, d.classified.kind, d.version)));
  const replacedLists = new Set(given.filter((d) => d.classified.kind === "releases").flatMap((d) => (typeof d.loaded.data === "object" && d.loaded.data !== null ? Object.keys(d.loaded.data) : [])));

  const bundled = bundledManifests().filter((m) => !replaced.has(keyOf(m.product, m.kind, m.version)));
  const bundledNewer = bundledNewerManifests().filter((m) => !replaced.has(keyOf(m.product, m.kind, m.version)));
  const lists = bundledReleaseLists().filter((l) => !replacedLists.has(l.product));
  const givenManifests: ManifestData[] = given.flatMap((d) =>
    d.classified.kind === "releases" ? [] : [{ product: d.product, kind: d.classified.kind, version: d.version, file: d.loaded.file, data: d.loaded.data }],
  );
  const givenLists: ReleasesData[] = given.filter((d) => d.classified.kind === "releases").map((d) => ({ file: d.loaded.file, data: d.loaded.data }));

  const mounts: MountedFile[] = [
    ...bundled.map((m) => ({ index: bundledIndex(m.file), prefix: manifestOptionPath(m.product, m.kind, m.version, m.data) })),
    ...bundledNewer.map((m) => ({ index: bundledIndex(m.file), prefix: ["newer", "manifests", m.product, m.version] })),
    ...lists.map((l) => ({ index: bundledIndex(l.file), prefix: [] })),
    ...given.map((d) => ({ index: d.loaded.index, prefix: [...d.mount] })),
  ];
  const claims: MountedFile[] = mounts.flatMap((m) => {
    if (m.prefix.length > 0) return [m];
    const list = [...lists, ...givenLists].find((l) => l.file === m.index.file);
    const products = list !== undefined && typeof list.data === "object" && list.data !== null ? Object.keys(list.data) : [];
    return products.map((product) => ({ index: m.index, prefix: [product] }));
  });
  return E.right({ manifests: [...bundled, ...givenManifests], newerManifests: bundledNewer, releases: [...lists, ...givenLists], mounts, claims });
}
