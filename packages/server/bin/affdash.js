#!/usr/bin/env node
// The affdash CLI: see `affdash --help`.
import '../dist/cli/index.js';
