/** `setDefaultModuleLocation`: names the file of a module that does not name its own. */

/**
 * Wraps `module` so that it (and what it imports) is reported as coming from `file`, unless it
 * gives its own `_file`.
 * @example setDefaultModuleLocation("site.nix", { port: 80 })
 */
export function setDefaultModuleLocation(file: string, module: unknown): { _file: string; imports: unknown[] } {
  return { _file: file, imports: [module] };
}
