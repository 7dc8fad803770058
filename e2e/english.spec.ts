import { randomUUID } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import type { CardDto } from '../shared/protocol/board'
import { USERS, cardOf, cardsOf, expect, expectBoardLive, expectCardAt, moveByKeyboard, test } from './helpers'

/*
 * Errors as codes: the server sends `{ code, reason?, params? }` and the client words it. Switched
 * to English, a refusal, a stale move and a refused document read in English, with nothing of
 * Indonesian left but data (unit, role and person names).
 */

/** Words of the Indonesian sentences that no English one has (lane and unit names are data). */
const INDONESIAN = /\b(kartu|sedang|dipegang|hanya|pemegang|baru saja|dipindahkan|oleh|tahap|jenis|berkas|tidak|diterima|unggah|atau|tersimpan|sudah)\b/i

async function expectEnglish(scope: Locator, text: string | RegExp): Promise<void> {
  await expect(scope).toContainText(text)
  expect(await scope.innerText()).not.toMatch(INDONESIAN)
}

/** Frames of the server's `card:moved` fact, on either transport, while `hold` says so. */
function movedFrame(frame: string): boolean {
  return frame.includes('"card:moved"')
}

test('in English, a refusal, a stale move and a refused document are worded in English', async ({ browser, apiFor, socketFor, cycle }) => {
  // The page's socket can be told to miss the moves of others for a while, so that it still shows
  // a card's old version when its user moves it: a stale move, as on a slow connection.
  let hold = false
  const api = await apiFor(USERS.sekretaris)
  const context = await browser.newContext({ storageState: await api.storageState() })
  const page: Page = await context.newPage()
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer()
    server.onMessage((message) => {
      if (hold && typeof message === 'string' && movedFrame(message)) return
      ws.send(message)
    })
  })
  // Before the upgrade to a websocket, facts come by long-polling: packets separated by \x1e.
  await page.route(/\/socket\.io\/.*transport=polling/, async (route) => {
    if (route.request().method() !== 'GET') return route.continue()
    const response = await route.fetch({ timeout: 60_000 })
    const body = await response.text()
    await route.fulfill({ response, body: hold ? body.split('\x1e').filter((p) => !movedFrame(p)).join('\x1e') : body })
  })

  await page.goto(`/cycles/${cycle.id}`)
  await expectBoardLive(page, cycle.title)
  await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: 'EN', exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  const admin = await socketFor(USERS.admin)
  const joined = await admin.emitWithAck('board:join', { cycleId: cycle.id })
  if (!joined.ok) throw new Error(JSON.stringify(joined.error))
  const cardOfUnit = (unit: string): CardDto => {
    const card = cardsOf(joined.data).find((c) => c.unit.id === unit)
    if (!card) throw new Error(`no ${unit} card`)
    return card
  }
  const adminMoves = async (unit: string) => {
    const card = cardOfUnit(unit)
    const ack = await admin.emitWithAck('card:move', { opId: randomUUID(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    if (!ack.ok) throw new Error(JSON.stringify(ack.error))
  }

  // (1) A refusal: the Sekretaris opens the move menu of a card the Kepala Bidang holds now.
  await adminMoves('mpk')
  await expectCardAt(page, 'mpk', 2, 'kepala_bidang', 1000)
  await cardOf(page, 'mpk').focus()
  await page.keyboard.press('m')
  const menu = page.getByRole('dialog')
  await expectEnglish(menu, 'Card MPK is held by Kepala Bidang; only that role may move it.')
  await expect(menu.locator('[data-testid^="move-to-"]')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)

  // (2) A stale move: the administrator moves PPIK while this page misses it, then its user moves
  // the version the page still shows. The server refuses it as STALE, saying who moved it where.
  hold = true
  await adminMoves('ppik')
  await expectCardAt(page, 'ppik', 1, 'sekretaris')
  await moveByKeyboard(page, 'ppik', 2, 'kasubag_program')
  const toast = page.getByTestId('toast').filter({ hasText: 'PPIK was not moved' })
  await expectEnglish(toast, `This card was just moved by ${USERS.admin.name} to Step 2 · Kepala Bidang.`)
  hold = false
  // The refused move is undone to where the card really is.
  await expectCardAt(page, 'ppik', 2, 'kepala_bidang')

  // (3) A refused document: plain text, whatever its name, is no accepted type.
  await cardOf(page, 'psdm').click()
  const panel = page.getByTestId('card-panel')
  await expect(panel.getByRole('heading', { name: 'PSDM' })).toBeVisible()
  const docs = panel.getByRole('region', { name: 'Documents' })
  await docs.getByTestId('document-input').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes, not a document') })
  const refused = docs.getByTestId('document-error')
  await expectEnglish(refused, 'File type not accepted (unknown type). Upload PDF, DOCX, XLSX, PNG, JPEG or WEBP.')
  await expect(docs.getByTestId('document-item')).toHaveCount(0)

  await context.close()
})

test('in English, the new screens read in English: toolbar, dispensation, cycle cancel, password reset', async ({ browser, admin, cycle }) => {
  const context = await browser.newContext({ storageState: await admin.storageState() })
  const page = await context.newPage()
  try {
    await page.goto(`/cycles/${cycle.id}`)
    await expectBoardLive(page, cycle.title)
    await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: 'EN', exact: true }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await expectEnglish(page.getByTestId('board-filters'), 'Collapse empty')
    await expect(page.getByTestId('filter-state-overdue')).toHaveText('Overdue')
    await cardOf(page, 'ppik').click()
    await expectEnglish(page.getByTestId('extend-form'), 'Extend the deadline')

    await page.goto('/')
    const item = page.getByTestId('cycle-running').filter({ hasText: cycle.title.replace('Triwulan', 'Quarter') })
    await item.getByRole('button', { name: /^Cancel Quarter/ }).click()
    const dialog = page.getByRole('dialog', { name: /^Cancel Quarter .*\?$/ })
    await expectEnglish(dialog, 'Reason for cancelling')
    await dialog.getByRole('button', { name: 'Back' }).click()

    await page.goto('/admin/users')
    await page.getByRole('button', { name: `Reset the password of ${USERS.kasubag.name}` }).click()
    const reset = page.getByRole('dialog', { name: `Reset the password of ${USERS.kasubag.name}?` })
    await expectEnglish(reset, 'temporary password')
    await reset.getByRole('button', { name: 'Cancel' }).click()
  } finally {
    await context.close()
  }
})
