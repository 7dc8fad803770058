import { randomUUID } from 'node:crypto'
import type { BrowserContext, Page } from '@playwright/test'
import { PASSWORD, USERS, cardOf, cardsOf, cellOf, expect, expectBoardLive, expectCardAt, test } from './helpers'

/*
 * The built app under its Content-Security-Policy: every page, with its charts, drag and drop and
 * live socket, runs without one violation; and text with HTML or script in it shows as text.
 */

interface Violation {
  page: string
  what: string
}

/** Records every CSP violation a page of `context` reports (event and console), and every dialog. */
async function watchViolations(context: BrowserContext): Promise<Violation[]> {
  const seen: Violation[] = []
  await context.exposeFunction('__papanCspViolation', (v: Violation) => seen.push(v))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __papanCspViolation: (v: { page: string; what: string }) => void }).__papanCspViolation
      void report({ page: location.pathname, what: `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}` })
    })
  })
  context.on('page', (page) => watchPage(page, seen))
  for (const page of context.pages()) watchPage(page, seen)
  return seen
}

function watchPage(page: Page, seen: Violation[]): void {
  page.on('console', (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) seen.push({ page: page.url(), what: msg.text() })
  })
  // An injected script that ran would most likely announce itself with alert().
  page.on('dialog', (dialog) => {
    seen.push({ page: page.url(), what: `dialog: ${dialog.message()}` })
    void dialog.dismiss()
  })
}

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script><b>tebal</b>'

test('every page runs under the Content-Security-Policy without a violation', async ({ browser, admin, cycle, socketFor }) => {
  const context = await browser.newContext()
  const violations = await watchViolations(context)
  const page = await context.newPage()

  // The policy is on the app shell itself.
  const shell = await page.goto('/login')
  const csp = shell?.headers()['content-security-policy'] ?? ''
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ]) {
    expect(csp, `CSP has ${directive}`).toContain(directive)
  }
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).not.toContain('unsafe-eval')
  expect(shell?.headers()['x-frame-options']).toBe('DENY')

  // Login through the form.
  await page.getByLabel('Nama pengguna').fill(USERS.admin.username)
  await page.getByLabel('Kata sandi').fill(PASSWORD)
  await page.getByRole('button', { name: 'Masuk' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Siklus' })).toBeVisible()

  // The board: live socket, a drag, the card panel.
  await page.goto(`/cycles/${cycle.id}`)
  await expectBoardLive(page, cycle.title)
  await cardOf(page, 'ppik').dragTo(cellOf(page, 2, 'kepala_bidang'))
  await expectCardAt(page, 'ppik', 2, 'kepala_bidang')
  await expect(cardOf(page, 'ppik')).not.toHaveClass(/board-card--saving/)
  await cardOf(page, 'mpk').click()
  await expect(page.getByTestId('card-panel')).toBeVisible()

  // The dashboard draws its charts (Chart.js on canvas).
  await page.goto(`/cycles/${cycle.id}/dashboard`)
  for (const chart of ['chart-steps', 'chart-roles', 'chart-flow', 'chart-share']) {
    await expect(page.getByTestId(chart).locator('canvas')).toHaveCount(1)
  }

  await page.goto(`/cycles/${cycle.id}/report`)
  await expect(page.getByTestId('report')).toBeVisible()

  await page.goto('/tugas')
  await expect(page.getByRole('heading', { level: 1, name: 'Tugas saya' })).toBeVisible()

  // The change-password form checks the password policy as it is typed.
  await page.goto('/kata-sandi')
  await expect(page.getByRole('heading', { level: 1, name: 'Ubah kata sandi' })).toBeVisible()
  await page.locator('#password-new').fill('bismillah123')
  await expect(page.getByText('Kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak.')).toBeVisible()

  await page.goto('/admin/calendar')
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender kerja' })).toBeVisible()
  await expect(page.getByTestId('calendar-save')).toBeVisible()

  // The wall, on a TV signed in as nobody, receiving a live move.
  const created = await admin.post('/api/displays', { data: { cycleId: cycle.id, label: 'TV Keamanan' } })
  expect(created.status(), await created.text()).toBe(201)
  const { path: wallPath } = (await created.json()) as { path: string }
  const tv = await browser.newContext()
  const tvViolations = await watchViolations(tv)
  const wall = await tv.newPage()
  const wallResponse = await wall.goto(wallPath)
  expect(wallResponse?.headers()['content-security-policy']).toBe(csp)
  await expect(wall.getByTestId('wall')).toHaveAttribute('data-status', 'live')
  // The card is with the Kepala Bidang PPIK after the drag; they hand it to the Kasubag Program.
  const kabid = await socketFor(USERS.kabidPpik)
  const board = await kabid.emitWithAck('board:join', { cycleId: cycle.id })
  if (!board.ok) throw new Error(JSON.stringify(board.error))
  const ppik = cardsOf(board.data).find((c) => c.unit.id === 'ppik')!
  const handed = await kabid.emitWithAck('card:move', { opId: randomUUID(), cardId: ppik.id, version: ppik.version, to: { step: 2, lane: 'kasubag_program' } })
  expect(handed.ok).toBe(true)
  await expect(wall.getByTestId('wall-unit-ppik')).toHaveAttribute('data-lane', 'kasubag_program')
  // Give late work (fonts, chart animations, reconnect timers) the chance to trip the policy.
  await page.waitForTimeout(500)

  expect(violations).toEqual([])
  expect(tvViolations).toEqual([])
  await tv.close()
  await context.close()
})

test('a note with HTML and script in it shows as text, and nothing of it runs', async ({ boardAs, socketFor, cycle }) => {
  const sekretaris = await socketFor(USERS.sekretaris)
  const joined = await sekretaris.emitWithAck('board:join', { cycleId: cycle.id })
  if (!joined.ok) throw new Error(JSON.stringify(joined.error))
  const mpk = cardsOf(joined.data).find((c) => c.unit.id === 'mpk')!
  const noted = await sekretaris.emitWithAck('card:note', { opId: randomUUID(), cardId: mpk.id, text: HOSTILE })
  expect(noted.ok).toBe(true)

  const page = await boardAs(USERS.kasubag)
  const violations = await watchViolations(page.context())
  // watchViolations hooks pages opened from now on; a reload puts this one under watch too.
  await page.reload()
  await expectBoardLive(page, cycle.title)
  await cardOf(page, 'mpk').click()
  const notes = page.getByTestId('card-panel').getByRole('region', { name: /^Catatan/ })
  const note = notes.getByRole('listitem').filter({ hasText: 'onerror=alert(1)' })
  await expect(note).toBeVisible()
  await expect(note).toContainText(HOSTILE)
  await expect(notes.locator('img, script, b')).toHaveCount(0)
  await page.waitForTimeout(300)
  expect(violations).toEqual([])
})
