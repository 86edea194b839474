// Prints one closing line for CI from vitest JSON reports: "tests: N passed, N failed, N skipped".
// Plain Node (CI runs it before anything is compiled), so it parses its arguments itself, as strictly as
// api/src/lib/cli.ts does for the TypeScript commands.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const usage = `Usage: node scripts/test-summary.mjs REPORT.json ...

Prints each vitest JSON report's counts and one closing line "tests: N passed, N failed, N skipped";
exits 1 when a report is missing, a test failed or nothing passed.

Options:
  -h, --help  Show this help and exit.
`;
let files;
try {
  const parsed = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (parsed.values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  files = parsed.positionals;
} catch (err) {
  process.stderr.write(
    `test-summary: ${err.message}\nRun \`node scripts/test-summary.mjs --help\` for usage.\n`,
  );
  process.exit(2);
}
if (files.length === 0) {
  process.stderr.write(`test-summary: no report given\n\n${usage}`);
  process.exit(2);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`test-summary: missing ${file}`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(
    `${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
  );
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
