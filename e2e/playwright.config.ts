import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3123)
// A fresh database for every run: the first test goes through the setup page of an empty install.
const DATA_DIR = process.env.E2E_DATA_DIR ?? `test-results/e2e-data-${Date.now()}`

export const baseURL = `http://127.0.0.1:${PORT}`

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1600, height: 1000 },
  // Debian's Chromium, never a downloaded browser; these flags keep it from calling outside hosts.
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
}

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    locale: 'id-ID',
    // The browser's zone is deliberately not WITA: times must still show in WITA.
    timezoneId: 'Europe/Berlin',
  },
  projects: [
    // Runs first, against the empty install: setup page, users, the first cycle. Never retried:
    // a second attempt would meet an install that is no longer empty.
    { name: 'first-run', testMatch: /first-run\.spec\.ts$/, retries: 0, use: chromium },
    // Need the accounts made above; every test starts a cycle of its own, so these can retry.
    { name: 'board', testMatch: /(board|timers|wall|dashboard|documents|security|csrf|flowchart|templates|audit|english|tasks|cycles|extend|board-view|accounts|phone|a11y|bulk|notes)\.spec\.ts$/, dependencies: ['first-run'], use: chromium },
  ],
  webServer: {
    // The client is built by `npm run test:e2e` before Playwright starts.
    // tsx as a loader, so the server is this one process (its CLI would run it in a grandchild).
    command: `node --import tsx server/index.ts`,
    cwd: '..',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR, LOG_LEVEL: 'warn' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
