#!/usr/bin/env -S node --import tsx
/** The `cuda-modules` executable: runs the command line of `program.ts`. */
import "./program.js";
