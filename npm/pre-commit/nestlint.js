#!/usr/bin/env node
// pre-commit's `language: node` hook (nestlint-node) installs the package.json
// at the repository root, which depends on the nestlint npm package at the
// release's version; this runs nestlint's launcher from there.
'use strict';
require('nestlint/bin/nestlint.js');
