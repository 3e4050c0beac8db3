// Lints every .py file under a folder with Ruff's WebAssembly build (E and F rules, one thread,
// as @astral-sh/ruff-wasm-nodejs runs), the way bench/peer-ruff.sh times it against keel.
// Usage: node bench/peer-ruff.mjs RUFF_WASM_MODULE_DIR FOLDER
// Prints one line: files, diagnostics, milliseconds spent reading and linking the files.
import { createRequire } from "node:module";
import { readdirSync, readFileSync, lstatSync } from "node:fs";
import { join } from "node:path";

const [moduleDir, root] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const ruff = require(join(moduleDir, "node_modules/@astral-sh/ruff-wasm-nodejs"));

// The folders keel never audits (ProjectDiscovery.DEFAULT_EXCLUDED_DIRS), so both read the same files.
const skip = new Set([".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules",
  "build", "dist", "__pycache__", "site-packages", ".mypy_cache", ".pytest_cache", ".ruff_cache",
  ".eggs", ".keel_cache"]);

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) {
      if (!skip.has(name) && !name.endsWith(".egg-info")) walk(p, out);
    } else if (st.isFile() && name.endsWith(".py")) {
      out.push(p);
    }
  }
  return out;
}

const start = process.hrtime.bigint();
const workspace = new ruff.Workspace({ lint: { select: ["E", "F"] } }, ruff.PositionEncoding.Utf16);
let diagnostics = 0;
const files = walk(root, []);
for (const f of files) {
  diagnostics += workspace.check(readFileSync(f, "utf8")).length;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`${files.length} files ${diagnostics} diagnostics ${ms.toFixed(0)} ms ruff ${ruff.Workspace.version()}`);
