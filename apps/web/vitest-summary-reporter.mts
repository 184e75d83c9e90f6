// Writes reports/jest/web-test.json in the shape tools/jest-summary-reporter.js writes
// ({passed, failed, skipped, suites}), so tools/test.mjs counts the web's Vitest specs in
// its one `N passed, N failed` line. A spec file that fails to load, and an unhandled
// error, each count as one failure (Vitest alone would report no failed test).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'reports', 'jest', 'web-test.json');

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failedHere += 1;
        else skipped += 1;
      }
      failed += failedHere;
      if (failedHere === 0 && module.state() === 'failed') failed += 1;
    }
    if (unhandledErrors.length > 0) failed += 1;
    mkdirSync(dirname(FILE), { recursive: true });
    writeFileSync(FILE, JSON.stringify({ passed, failed, skipped, suites: testModules.length }) + '\n');
  }
}
