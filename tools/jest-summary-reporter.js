// Writes reports/jest/<project>-<kind>.json so tools/test.mjs can print one total line
// for all suites. A suite that fails to compile counts as one failed test: Jest alone
// would report it only as a failed suite with zero failed tests.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(_globalConfig, options) {
    this.file = path.join(__dirname, '..', 'reports', 'jest', options.file);
  }

  onRunComplete(_contexts, results) {
    const brokenSuites = results.testResults.filter((s) => s.testExecError || (s.failureMessage && s.numFailingTests === 0)).length;
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + brokenSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
    };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(summary) + '\n');
  }
}

module.exports = SummaryReporter;
