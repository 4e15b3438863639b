#!/usr/bin/env node
"use strict";
// The command runs the compiled TypeScript in lib/, which `npm ci` builds through the prepare script.
const { exitStatus, watchForClosedOutput } = require("../lib/cli/io.js");
watchForClosedOutput();
require("../lib/cli/main.js").main(process.argv.slice(2)).then((code) => {
  process.exitCode = exitStatus(code);
});
