#!/usr/bin/env node
/**
 * The `cuda-modules` executable: runs the command line of `program.ts`. Installed, it runs from
 * `dist/`; from the sources, run it as `node --import tsx src/cli/main.ts`.
 */
import "./program.js";
