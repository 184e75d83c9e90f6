#!/usr/bin/env node
// `certgate`: runs the command line from its TypeScript source through SWC, as npm start
// runs the services. The workspace tsconfig maps the @certgate/* imports wherever it is started.
const { join } = require('node:path');

process.env.SWC_NODE_PROJECT ??= join(__dirname, '../../../tsconfig.json');
require('@swc-node/register');
require('../src/main.ts');
