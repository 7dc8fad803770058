import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test'
import { io } from 'socket.io-client'
import { PASSWORD, USERS, cardsOf, expect, moveAlong, test } from './helpers'

/*
 * The wall display: a TV opens /wall/<token> and shows one cycle live. It has no login, so each
 * test makes a token over the administrator's API and opens the wall in a context of its own.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface Created {
  token: string
  path: string
  display: { id: string }
}

async function createDisplay(admin: APIRequestContext, cycleId: string, label = 'TV Ruang Perencanaan'): Promise<Created> {
  const res = await admin.post('/api/displays', { data: { cycleId, label } })
  expect(res.status(), await res.text()).toBe(201)
  return (await res.json()) as Created
}

async function openWall(browser: Browser, url: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  // No storage state: the TV is signed in as nobody.
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

async function expectWallLive(page: Page): Promise<void> {
  await expect(page.getByTestId('wall')).toHaveAttribute('data-status', 'live')
  await expect(page.getByTestId('wall')).toHaveAttribute('data-connected', 'true')
}

test('the wall shows a move made on a board live, with the ticker and the flash', async ({ browser, admin, cycle, socketFor }) => {
  const { path: wallPath } = await createDisplay(admin, cycle.id)
  const wall = await openWall(browser, wallPath)
  try {
    await expectWallLive(wall)
    await expect(wall.getByTestId('wall-title')).toHaveText(cycle.title)
    await expect(wall.getByTestId('wall-sop')).toHaveText('Monitoring/Evaluasi Internal Capaian Kinerja')
    await expect(wall).toHaveTitle('TV Ruang Perencanaan · Papan SOP')
    await expect(wall.getByTestId('wall-unit-ppik')).toHaveAttribute('data-step', '1')
    await expect(wall.getByTestId('wall-steps')).toHaveText('0/52 tahap')
    await expect(wall.getByTestId('wall-clock')).toHaveText(/^\d{2}\.\d{2}\s*WITA$/)

    const sekretaris = await socketFor(USERS.sekretaris)
    await moveAlong(sekretaris, cycle.id, 'ppik', [{ step: 2, lane: 'kepala_bidang' }])

    const ppik = wall.getByTestId('wall-unit-ppik')
    await expect(ppik).toHaveAttribute('data-step', '2')
    await expect(ppik).toHaveAttribute('data-lane', 'kepala_bidang')
    await expect(ppik).toHaveAttribute('data-moved', 'true')
    await expect(ppik).toContainText('Pengumpulan data')
    await expect(ppik).toContainText('Kepala Bidang')
    const top = wall.getByTestId('wall-ticker-item').first()
    await expect(top).toContainText('PPIK')
    await expect(top).toContainText('1 → 2')
    await expect(top).toContainText('Kepala Bidang')
    // The TV names no one: it does not even receive who moved the card.
    await expect(top).not.toContainText(USERS.sekretaris.name)
    await expect(wall.getByTestId('wall-steps')).toHaveText('1/52 tahap')
    // The flash fades by itself.
    await expect(ppik).toHaveAttribute('data-moved', 'false', { timeout: 5000 })
  } finally {
    await wall.context().close()
  }
})

/** Fails with the element's description when a key text sticks out of the screen, its parent or its own box. */
async function expectNothingOverflows(page: Page, minChecked: number): Promise<void> {
  const report = await page.evaluate(() => {
    const doc = document.documentElement
    const vw = window.innerWidth
    const vh = window.innerHeight
    const problems: string[] = []
    if (doc.scrollWidth > vw || doc.scrollHeight > vh) problems.push(`document ${doc.scrollWidth}×${doc.scrollHeight} > ${vw}×${vh}`)
    const fits = [...document.querySelectorAll<HTMLElement>('[data-fit]')]
    for (const el of fits) {
      const what = `${el.className || el.tagName} "${(el.textContent ?? '').trim().slice(0, 40)}"`
      const box = el.getBoundingClientRect()
      if (box.left < -0.5 || box.top < -0.5 || box.right > vw + 0.5 || box.bottom > vh + 0.5) problems.push(`${what} leaves the viewport`)
      const parent = el.parentElement?.getBoundingClientRect()
      if (parent && (box.left < parent.left - 0.5 || box.right > parent.right + 0.5 || box.top < parent.top - 0.5 || box.bottom > parent.bottom + 0.5)) {
        problems.push(`${what} leaves its parent`)
      }
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) problems.push(`${what} is cut: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`)
    }
    return { problems, checked: fits.length }
  })
  expect(report.checked).toBeGreaterThanOrEqual(minChecked)
  expect(report.problems).toEqual([])
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`fits ${viewport.width}×${viewport.height} without scrolling or cut text`, async ({ browser, admin, cycle, socketFor }, testInfo) => {
    // Fill the ticker (more than it shows) and spread the cards over the steps, one overdue-prone lane each.
    const sekretaris = await socketFor(USERS.sekretaris)
    await moveAlong(sekretaris, cycle.id, 'ppik', [{ step: 2, lane: 'kepala_bidang' }])
    await moveAlong(sekretaris, cycle.id, 'psdm', [{ step: 2, lane: 'kasubag_program' }])
    await moveAlong(sekretaris, cycle.id, 'mpk', [{ step: 2, lane: 'kepala_bidang' }])
    const adminSocket = await socketFor(USERS.admin)
    await moveAlong(adminSocket, cycle.id, 'sekretariat', [
      { step: 2, lane: 'kepala_bidang' },
      { step: 3, lane: 'kasubag_program' },
      { step: 4, lane: 'kasubag_program' },
      { step: 5, lane: 'kepala_seksi' },
      { step: 6, lane: 'kasubag_program' },
      { step: 7, lane: 'kasubag_program' },
      { step: 8, lane: 'kasubag_program' },
    ])
    const { path: wallPath } = await createDisplay(admin, cycle.id, 'TV Ruang Perencanaan Lantai 2')
    const wall = await openWall(browser, wallPath, viewport)
    try {
      await expectWallLive(wall)
      await expect(wall.getByTestId('wall-ticker-item')).toHaveCount(8)
      await expectNothingOverflows(wall, 40)
      await wall.screenshot({ path: testInfo.outputPath(`wall-${viewport.width}x${viewport.height}.png`) })
      await testInfo.attach(`wall ${viewport.width}×${viewport.height}`, { path: testInfo.outputPath(`wall-${viewport.width}x${viewport.height}.png`), contentType: 'image/png' })
      // Readable from 5 m: no text smaller than 28 px at 1080 lines (56 px at 2160).
      const smallest = await wall.getByTestId('wall').evaluate((root) => {
        let min = { px: Infinity, text: '' }
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement
          if (!el || !node.textContent?.trim() || el.closest('.sr-only') || el.getClientRects().length === 0) continue
          const px = parseFloat(getComputedStyle(el).fontSize)
          if (px < min.px) min = { px, text: node.textContent.trim().slice(0, 40) }
        }
        return min
      })
      expect(smallest.px, `"${smallest.text}"`).toBeGreaterThanOrEqual((28 * viewport.height) / 1080)

    } finally {
      await wall.context().close()
    }
  })
}

test('a revoked token is refused: the open wall says so at once, and so does a new one', async ({ browser, admin, cycle }) => {
  const { path: wallPath, display } = await createDisplay(admin, cycle.id)
  const wall = await openWall(browser, wallPath)
  try {
    await expectWallLive(wall)
    const res = await admin.delete(`/api/displays/${display.id}`)
    expect(res.status()).toBe(204)
    await expect(wall.getByTestId('wall-invalid')).toBeVisible({ timeout: 5000 })
    await expect(wall.getByTestId('wall-invalid')).toContainText('Tautan layar ini tidak berlaku')

    const again = await wall.context().newPage()
    await again.goto(wallPath)
    await expect(again.getByTestId('wall-invalid')).toBeVisible()
    await again.goto('/wall/bukan-token-yang-sah')
    await expect(again.getByTestId('wall-invalid')).toBeVisible()
  } finally {
    await wall.context().close()
  }
})

// ---- a server of the test's own, to stop and start again ----

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

function startServer(port: number, dataDir: string, testInfo: TestInfo): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
  delete env.FERRETDB_PORT
  delete env.MONGODB_URI
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr?.on('data', (chunk: Buffer) => void testInfo.attach('server stderr', { body: chunk, contentType: 'text/plain' }).catch(() => {}))
  return child
}

async function waitHealthy(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server at ${url} did not come up`)
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

test('shows "Terputus sejak" while its server is down and recovers by itself when it is back', async ({ browser, playwright }, testInfo) => {
  test.setTimeout(60_000)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dataDir = testInfo.outputPath('data')
  mkdirSync(dataDir, { recursive: true })
  let server = startServer(port, dataDir, testInfo)
  const api = await playwright.request.newContext({ baseURL: url, extraHTTPHeaders: { Origin: url } })
  let wall: Page | undefined
  try {
    await waitHealthy(url)
    const setup = await api.post('/api/setup', { data: { name: 'Admin Restart', username: 'admin', role: 'kepala_badan', unitId: null, password: PASSWORD } })
    expect(setup.status(), await setup.text()).toBe(201)
    const cycleRes = await api.post('/api/cycles', { data: { year: 2031, quarter: 1, units: [{ id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' }] } })
    expect(cycleRes.status(), await cycleRes.text()).toBe(201)
    const cycle = ((await cycleRes.json()) as { cycle: { id: string } }).cycle
    const { path: wallPath } = await createDisplay(api, cycle.id)

    wall = await openWall(browser, url + wallPath)
    await expectWallLive(wall)
    await expect(wall.getByTestId('wall-unit-ppik')).toHaveAttribute('data-step', '1')

    await stopServer(server)
    const badge = wall.getByTestId('wall-offline')
    await expect(badge).toBeVisible({ timeout: 5000 })
    await expect(badge).toHaveText(/Terputus sejak \d{2}\.\d{2}/)
    await expectNothingOverflows(wall, 10)
    await wall.screenshot({ path: testInfo.outputPath('wall-disconnected.png') })

    server = startServer(port, dataDir, testInfo)
    await waitHealthy(url)
    // Back without a reload: the badge goes and a move made after the restart arrives.
    await expect(badge).toBeHidden({ timeout: 15_000 })
    await expectWallLive(wall)

    const sid = (await api.storageState()).cookies.find((c) => c.name === 'papan_sid')?.value ?? ''
    const socket = io(url, { extraHeaders: { cookie: `papan_sid=${sid}` }, transports: ['websocket'], reconnection: false })
    try {
      const joined = await socket.timeout(5000).emitWithAck('board:join', { cycleId: cycle.id })
      if (!joined.ok) throw new Error(JSON.stringify(joined.error))
      const [card] = cardsOf(joined.data)
      if (!card) throw new Error('no card')
      const ack = await socket.timeout(5000).emitWithAck('card:move', { opId: randomUUID(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
      if (!ack.ok) throw new Error(JSON.stringify(ack.error))
    } finally {
      socket.disconnect()
    }
    await expect(wall.getByTestId('wall-unit-ppik')).toHaveAttribute('data-step', '2')
  } finally {
    await wall?.context().close()
    await api.dispose()
    await stopServer(server)
  }
})
