import { defineConfig } from '@playwright/test'

/**
 * Browser journeys against a running suite (GATEWAY_URL): the system tests start it and run these
 * (BrowserJourneysIT); by hand, `GATEWAY_URL=http://localhost:8080 npx playwright test` after ./run.
 * Chromium is Debian's (/usr/bin/chromium): no browser is downloaded.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'target/playwright',
  timeout: 420_000, // the officer journey waits on events through four services on 2 busy cores
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.GATEWAY_URL ?? 'http://localhost:8080',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium' }],
})
