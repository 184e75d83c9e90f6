// Debian's Chromium, driven by playwright-core: the one place of its path, its flags and
// the rule for a suite when it is missing (Playwright's own browser download cannot work here).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/**
 * `describe` for a browser suite. Without Chromium a local run skips it and says so; in
 * CI (`CI=true`, where `.ci/run` installs Chromium) it runs and fails, so a missing
 * browser can never pass for a green suite.
 */
export function describeInBrowser(suite: string, name: string, body: () => void): void {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return describe(name, body);
  process.stdout.write(`${suite}: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
  describe.skip(name, body);
}
