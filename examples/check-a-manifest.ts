// Check manifests as the command does, and print every diagnostic with its position.
// Run: npx tsx examples/check-a-manifest.ts modules/cuda/manifests/redistrib_12.2.2.json
import { either as E } from "fp-ts";
import { checkDataFiles, classifyDataFile } from "cuda-modules";

const files = process.argv.slice(2).map((file) => {
  const classified = classifyDataFile(file);
  if (E.isLeft(classified)) throw new Error(classified.left);
  return classified.right;
});
const { diagnostics } = checkDataFiles(files);
for (const d of diagnostics) {
  const at = d.locations[0];
  console.log(`${at?.file}:${at?.line}:${at?.column} ${d.kind} ${d.path.join(".")}`);
}
console.log(diagnostics.length === 0 ? "valid" : `${diagnostics.length} problems`);
