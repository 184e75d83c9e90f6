// The browser suites (apps/web/e2e/*.e2e-spec.ts): a real certgate, headless Chromium.
module.exports = require('../../jest.preset.js').jestConfig(__dirname, 'e2e');
