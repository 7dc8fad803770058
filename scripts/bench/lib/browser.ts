import { chromium, type Browser } from '@playwright/test'
import { prepareBench, type Bench } from './fixtures'
import { buildClient, startServerProcess, type Scope, type ServerProcess } from './processes'

/** Debian's Chromium, with the flags e2e/playwright.config.ts uses: nothing calls outside hosts. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

/**
 * What the browser scenarios start from: the client built for this run and served by a server of
 * its own, an administrator with a 4-card board, and headless Chromium; all closed with `scope`.
 */
export async function servedClient(scope: Scope, ctx: { log(message: string): void }): Promise<{ server: ServerProcess; bench: Bench; browser: Browser }> {
  const staticDir = buildClient(scope, ctx)
  const server = await startServerProcess(scope, 'server.ts', { DATA_DIR: scope.tempDir('papan-bench-data-'), STATIC_DIR: staticDir })
  const bench = await prepareBench(server, { cards: 4, viewers: 0 })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true })
  scope.defer(() => browser.close())
  return { server, bench, browser }
}
