import { randomUUID } from 'node:crypto'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Locator, Page } from '@playwright/test'
import { USERS, cardOf, cardsOf, cellOf, expect, expectBoardLive, expectCardAt, expectViewers, expectWitaTimes, moveAlong, moveByKeyboard, test } from './helpers'

/*
 * The live board with two people on it, each in a browser context of their own. Every test starts
 * its own cycle (four cards in step 1, lane Sekretaris). "Live" is asserted on the OTHER context,
 * which never reloads: the change travels through the server and the database to someone else.
 * How fast is the benchmarks' business (npm run bench), never a wait here.
 */

test('a drag by the Sekretaris reaches the Kasubag Program live, and a reload keeps it', async ({ boardAs }) => {
  const sekretaris = await boardAs(USERS.sekretaris)
  const kasubag = await boardAs(USERS.kasubag)

  // Both see both.
  await expectViewers(sekretaris, [USERS.sekretaris, USERS.kasubag])
  await expectViewers(kasubag, [USERS.sekretaris, USERS.kasubag])
  // Only the holder of the lane may pick the card up.
  await expect(cardOf(sekretaris, 'ppik')).toHaveAttribute('data-draggable', 'true')
  await expect(cardOf(kasubag, 'ppik')).toHaveAttribute('data-draggable', 'false')

  await cardOf(sekretaris, 'ppik').dragTo(cellOf(sekretaris, 2, 'kepala_bidang'))
  await expectCardAt(kasubag, 'ppik', 2, 'kepala_bidang')
  // Flagged for the one who did not move it.
  await expect(cardOf(kasubag, 'ppik')).toContainText('baru dipindah')
  await expectCardAt(sekretaris, 'ppik', 2, 'kepala_bidang')
  // Acked: no longer "menyimpan…" on the mover's side.
  await expect(cardOf(sekretaris, 'ppik')).not.toHaveClass(/board-card--saving/)

  await Promise.all([sekretaris.reload(), kasubag.reload()])
  for (const page of [sekretaris, kasubag]) {
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected')
    await expectCardAt(page, 'ppik', 2, 'kepala_bidang')
    for (const unit of ['sekretariat', 'psdm', 'mpk'] as const) await expectCardAt(page, unit, 1, 'sekretaris')
    await expectViewers(page, [USERS.sekretaris, USERS.kasubag])
  }

  // Leaving the board takes one off the other's presence bar.
  await kasubag.getByRole('link', { name: 'Daftar siklus' }).click()
  await expectViewers(sekretaris, [USERS.sekretaris])
})

test('a forbidden drop is refused with the reason, and the card stays put for everyone', async ({ boardAs }) => {
  const sekretaris = await boardAs(USERS.sekretaris)
  const kasubag = await boardAs(USERS.kasubag)
  await expectViewers(kasubag, [USERS.sekretaris, USERS.kasubag])

  // Drag by hand, to see the targets light up on the way: step 2 yes, step 3 (a skip) no. Tall
  // enough that the Kasubag Program's row is on screen below the four cards of step 1.
  await sekretaris.setViewportSize({ width: 1600, height: 1200 })
  const card = cardOf(sekretaris, 'sekretariat')
  const skip = cellOf(sekretaris, 3, 'kasubag_program')
  await card.hover()
  await sekretaris.mouse.down()
  const box = await skip.boundingBox()
  if (!box) throw new Error('cell 3 is not on screen')
  await sekretaris.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 })
  await expect(cellOf(sekretaris, 2, 'kepala_bidang')).toHaveAttribute('data-allowed', 'true')
  await expect(cellOf(sekretaris, 2, 'kasubag_program')).toHaveAttribute('data-allowed', 'true')
  await expect(skip).toHaveAttribute('data-allowed', 'false')
  await expect(skip).toHaveAttribute('data-hint', 'Tidak bisa di sini')
  // …and on the dragged card, which floats over the cell and may hide its corner.
  await expect(sekretaris.locator('.board-card--dragged')).toHaveAttribute('data-drop-hint', '✕ Tidak bisa di sini')
  await sekretaris.mouse.up()

  const reason = 'Tahap tidak boleh dilompati atau dimundurkan; kartu hanya maju satu tahap.'
  await expect(sekretaris.getByTestId('toast').filter({ hasText: reason })).toBeVisible()
  await expect(skip).not.toHaveAttribute('data-allowed', /.*/)
  await expectCardAt(sekretaris, 'sekretariat', 1, 'sekretaris')
  await expectCardAt(kasubag, 'sekretariat', 1, 'sekretaris')

  // A move made after the refused drop arrives in the other context; the card's history there has
  // that move only, so the refused one never reached the server.
  await card.dragTo(cellOf(sekretaris, 2, 'kasubag_program'))
  await expectCardAt(kasubag, 'sekretariat', 2, 'kasubag_program')
  await cardOf(kasubag, 'sekretariat').click()
  const history = kasubag.getByTestId('card-panel').getByRole('region', { name: 'Riwayat' }).getByRole('listitem')
  await expect(history).toHaveCount(2)
  await expect(history.first()).toContainText('Lanjut')
  await expect(history.first()).toContainText('Tahap 1 · Sekretaris')
  await expect(history.first()).toContainText('Tahap 2 · Kasubag Program')
  await expect(history.last()).toContainText('Dibuat')
  await expect(kasubag.getByTestId('toast')).toHaveCount(0)

  // Someone not holding a card cannot move it either: the move menu says who holds it.
  await cardOf(kasubag, 'mpk').focus()
  await kasubag.keyboard.press('m')
  const menu = kasubag.getByRole('dialog', { name: 'Pindahkan MPK' })
  await expect(menu).toContainText('Kartu MPK sedang dipegang Sekretaris; hanya pemegang peran itu yang dapat memindahkannya.')
  await expect(menu.locator('[data-testid^="move-to-"]')).toHaveCount(0)
})

test('a keyboard move ("m", then a target) is seen live in the other context, and so is its undo', async ({ boardAs }) => {
  const sekretaris = await boardAs(USERS.sekretaris)
  const kabid = await boardAs(USERS.kabidPpik)
  await expectViewers(sekretaris, [USERS.sekretaris, USERS.kabidPpik])

  // "?" lists the board's keys; Escape closes the list and leaves focus where it was.
  await cardOf(sekretaris, 'ppik').focus()
  await sekretaris.keyboard.press('?')
  const keys = sekretaris.getByRole('dialog', { name: 'Pintasan papan ketik' })
  await expect(keys.getByTestId('shortcuts')).toContainText('Buka menu pindah kartu yang difokus')
  await sekretaris.keyboard.press('Escape')
  await expect(keys).toHaveCount(0)
  await expect(cardOf(sekretaris, 'ppik')).toBeFocused()
  // The arrow keys walk the board card by card: down the column and back.
  await sekretaris.keyboard.press('ArrowDown')
  await expect(cardOf(sekretaris, 'ppik')).not.toBeFocused()
  await expect(sekretaris.locator('.board-card:focus')).toHaveAttribute('data-step', '1')
  await sekretaris.keyboard.press('ArrowUp')
  await expect(cardOf(sekretaris, 'ppik')).toBeFocused()

  // The Sekretaris sends PPIK to its Kepala Bidang ...
  await moveByKeyboard(sekretaris, 'ppik', 2, 'kepala_bidang')
  await expectCardAt(kabid, 'ppik', 2, 'kepala_bidang')
  await expect(sekretaris.getByRole('dialog')).toHaveCount(0)
  // Focus follows the card to its new cell, so the keyboard user can carry on from there.
  await expect(cardOf(sekretaris, 'ppik')).toBeFocused()

  // ... who now holds it (their own unit's card, not another unit's) and passes it on.
  await expect(cardOf(kabid, 'ppik')).toHaveAttribute('data-draggable', 'true')
  await moveByKeyboard(kabid, 'ppik', 3, 'kasubag_program')
  await expectCardAt(sekretaris, 'ppik', 3, 'kasubag_program')
  await expectCardAt(kabid, 'ppik', 3, 'kasubag_program')

  // Then thinks better of it: "Urungkan" in the toast after the move brings the card back, for both.
  const toast = kabid.getByTestId('toast').filter({ hasText: 'PPIK dipindahkan ke Tahap 3 · Kasubag Program' })
  await toast.getByRole('button', { name: 'Urungkan' }).click()
  await expect(toast).toHaveCount(0)
  await expectCardAt(kabid, 'ppik', 2, 'kepala_bidang')
  await expectCardAt(sekretaris, 'ppik', 2, 'kepala_bidang')
  // The undo is in the history, newest first, above the move it took back.
  await cardOf(sekretaris, 'ppik').click()
  const history = sekretaris.getByTestId('card-panel').getByRole('region', { name: 'Riwayat' }).getByRole('listitem')
  await expect(history).toHaveCount(4)
  await expect(history.first()).toContainText('Diurungkan')
  await expect(history.first()).toContainText('Tahap 2 · Kepala Bidang')
  await expect(history.nth(1)).toContainText('Lanjut')
})

test('a note added in the card panel appears in the other context\'s open panel, with times in WITA', async ({ boardAs }) => {
  const sekretaris = await boardAs(USERS.sekretaris)
  const kasubag = await boardAs(USERS.kasubag)
  await expectViewers(sekretaris, [USERS.sekretaris, USERS.kasubag])

  async function openPanel(page: Page): Promise<Locator> {
    await cardOf(page, 'mpk').click()
    const panel = page.getByTestId('card-panel')
    await expect(panel.getByRole('heading', { name: 'MPK' })).toBeVisible()
    await expect(panel).toContainText('Belum ada catatan.')
    // The browser runs in Europe/Berlin; the board speaks office time.
    await expect(panel).toContainText(/sejak \d{1,2} \S+ \d{4}, \d{2}\.\d{2} WITA/)
    await expectWitaTimes(panel.getByRole('region', { name: 'Riwayat' }))
    return panel
  }
  const watching = await openPanel(sekretaris)
  const writing = await openPanel(kasubag)
  // No badges on a fresh card: no note, nothing of the step's one Kelengkapan item ticked, no document.
  await expect(cardOf(sekretaris, 'mpk').getByTestId('badges')).toHaveCount(0)

  const text = 'Data capaian IKU MPK triwulan ini sudah saya terima.'
  await writing.getByTestId('note-input').fill(text)
  await writing.getByTestId('note-submit').click()

  const note = watching.getByRole('region', { name: /^Catatan/ }).getByRole('listitem').filter({ hasText: text })
  await expect(note).toBeVisible()
  await expect(note).toContainText(USERS.kasubag.name)
  await expectWitaTimes(note)
  await expect(writing.getByTestId('note-input')).toHaveValue('')
  await expect(writing.getByRole('listitem').filter({ hasText: text })).toHaveCount(1)
  await expect(cardOf(sekretaris, 'mpk').getByTestId('badge-notes')).toHaveText(/1/)

  // The holder ticks the Kelengkapan item; the other board's card counts it.
  await watching.getByTestId('checklist-0').check()
  await expect(cardOf(kasubag, 'mpk').getByTestId('badge-checklist')).toHaveText(/1\/1/)
})

test('returning a card from step 11 to step 10 needs a note, and the return is seen live', async ({ boardAs, cycle, socketFor }) => {
  // Fast-forward MPK to the decision (step 11) over the socket: the Sekretaris hands it to the
  // Kasubag Program, who takes it through steps 3–11 (lane Kasubag Program exists in all of them).
  await moveAlong(await socketFor(USERS.sekretaris), cycle.id, 'mpk', [{ step: 2, lane: 'kasubag_program' }])
  const toDecision = [3, 4, 5, 6, 7, 8, 9, 10, 11].map((step) => ({ step, lane: 'kasubag_program' }))
  await moveAlong(await socketFor(USERS.kasubag), cycle.id, 'mpk', toDecision)

  const kasubag = await boardAs(USERS.kasubag)
  const sekretaris = await boardAs(USERS.sekretaris)
  await expectViewers(kasubag, [USERS.sekretaris, USERS.kasubag])
  await expectCardAt(kasubag, 'mpk', 11, 'kasubag_program')

  await cardOf(kasubag, 'mpk').focus()
  await kasubag.keyboard.press('m')
  const back = kasubag.getByTestId('move-to-10-kasubag_program')
  await expect(back).toContainText('perlu catatan')
  await back.press('Enter')

  const dialog = kasubag.getByRole('dialog', { name: 'Kembalikan MPK' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('note-input')).toBeFocused()
  // No note, no return.
  await dialog.getByTestId('move-note-submit').click()
  await expect(dialog).toContainText('Catatan wajib diisi (maksimal 2000 karakter).')
  await expectCardAt(kasubag, 'mpk', 11, 'kasubag_program')
  await expectCardAt(sekretaris, 'mpk', 11, 'kasubag_program')

  const note = 'Angka realisasi anggaran belum sesuai; mohon diperbaiki.'
  await dialog.getByTestId('note-input').fill(note)
  await dialog.getByTestId('move-note-submit').click()
  await expect(dialog).toHaveCount(0)
  await expectCardAt(sekretaris, 'mpk', 10, 'kasubag_program')
  await expectCardAt(kasubag, 'mpk', 10, 'kasubag_program')
  // A correction round is counted and shown on the card.
  await expect(cardOf(sekretaris, 'mpk')).toContainText('↻ 1')

  await cardOf(sekretaris, 'mpk').click()
  const latest = sekretaris.getByTestId('card-panel').getByRole('region', { name: 'Riwayat' }).getByRole('listitem').first()
  await expect(latest).toContainText('Dikembalikan')
  await expect(latest).toContainText('Tahap 11 · Kasubag Program')
  await expect(latest).toContainText('Tahap 10 · Kasubag Program')
  await expect(latest).toContainText(`“${note}”`)
  await expect(latest).toContainText(`oleh ${USERS.kasubag.name}`)
})

test('a returned card reaches the Kasubag with its note: in the notification, on the card and at the top of its panel', async ({ boardAs, cycle, socketFor }) => {
  // PSDM to the decision (step 11), handed to the Sekretaris there, who sends it back to step 10.
  await moveAlong(await socketFor(USERS.sekretaris), cycle.id, 'psdm', [{ step: 2, lane: 'kasubag_program' }])
  const toDecision = [3, 4, 5, 6, 7, 8, 9, 10, 11].map((step) => ({ step, lane: 'kasubag_program' }))
  await moveAlong(await socketFor(USERS.kasubag), cycle.id, 'psdm', [...toDecision, { step: 11, lane: 'sekretaris' }])
  const kasubag = await boardAs(USERS.kasubag)
  await expectCardAt(kasubag, 'psdm', 11, 'sekretaris')
  await expect(kasubag.getByTestId('returned-badge')).toHaveCount(0)

  const sekretaris = await socketFor(USERS.sekretaris)
  const joined = await sekretaris.emitWithAck('board:join', { cycleId: cycle.id })
  if (!joined.ok) throw new Error(JSON.stringify(joined.error))
  const card = cardsOf(joined.data).find((c) => c.unit.id === 'psdm')!
  const note = 'Target kinerja PSDM belum diisi; mohon dilengkapi.'
  const back = await sekretaris.emitWithAck('card:move', { opId: randomUUID(), cardId: card.id, version: card.version, to: { step: 10, lane: 'kasubag_program' }, note })
  expect(back.ok, JSON.stringify(back)).toBe(true)

  // The arrival tells him why, live, without opening anything.
  await expectCardAt(kasubag, 'psdm', 10, 'kasubag_program')
  await expect(cardOf(kasubag, 'psdm').getByTestId('returned-badge')).toHaveText('Dikembalikan')
  await kasubag.getByTestId('notifications-bell').click()
  const arrival = kasubag.getByTestId('notification-item').filter({ hasText: 'PSDM dikembalikan ke lajur Anda: Tahap 10 · Kasubag Program' })
  await expect(arrival.getByTestId('notification-note')).toHaveText(note)
  await kasubag.keyboard.press('Escape')

  // At the top of the panel: the note, who sent it back, the round; not only deep in Riwayat.
  await cardOf(kasubag, 'psdm').click()
  const returned = kasubag.getByTestId('card-panel').getByTestId('return-note')
  await expect(returned).toContainText(`Dikembalikan oleh ${USERS.sekretaris.name}`)
  await expect(returned).toContainText('Putaran koreksi 1')
  await expect(returned).toContainText(note)

  // Once the card moves on, the return is history: the badge and the box go.
  await kasubag.getByTestId('card-panel').getByTestId('move-to-11-kasubag_program').click()
  await expectCardAt(kasubag, 'psdm', 11, 'kasubag_program')
  await expect(cardOf(kasubag, 'psdm').getByTestId('returned-badge')).toHaveCount(0)
  await expect(returned).toHaveCount(0)
})

test('trying to drag a card one may not move says why at once', async ({ boardAs }) => {
  const kasubag = await boardAs(USERS.kasubag)
  const locked = cardOf(kasubag, 'ppik')
  await expect(locked).toHaveAttribute('data-draggable', 'false')
  const why = await locked.locator('.board-card__lock').getAttribute('title')
  expect(why).toBeTruthy()
  const box = await locked.boundingBox()
  if (!box) throw new Error('the card is not on screen')
  await kasubag.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await kasubag.mouse.down()
  await kasubag.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 10, { steps: 4 })
  // While the button is still down: not after a drop that was never possible.
  await expect(kasubag.getByTestId('toast').filter({ hasText: why ?? '' })).toBeVisible()
  await kasubag.mouse.up()
  await expectCardAt(kasubag, 'ppik', 1, 'sekretaris')
})

test('"Kartu saya" picks out the cards one may act on, and says so when there are none', async ({ boardAs }) => {
  const sekretaris = await boardAs(USERS.sekretaris)
  // Every card starts in step 1 with the Sekretaris: all four are hers.
  await sekretaris.getByTestId('mine-toggle').click()
  await expect(sekretaris.getByTestId('mine-toggle')).toHaveAttribute('aria-pressed', 'true')
  await expect(sekretaris.locator('.board-card--mine')).toHaveCount(4)
  await expect(sekretaris.locator('.board-card--mine').first()).toBeFocused()
  await sekretaris.getByTestId('mine-toggle').click()
  await expect(sekretaris.locator('.board-card--mine')).toHaveCount(0)

  const kasubag = await boardAs(USERS.kasubag)
  await kasubag.getByTestId('mine-toggle').click()
  await expect(kasubag.getByTestId('toast').filter({ hasText: 'Tidak ada kartu di papan ini yang dapat Anda kerjakan sekarang.' })).toBeVisible()
  await expect(kasubag.getByTestId('mine-toggle')).toHaveAttribute('aria-pressed', 'false')
  await expect(kasubag.locator('.board-card--faded')).toHaveCount(0)
})

test('behind a proxy that refuses websockets, the board goes live over long-polling and hears the moves of others', async ({ browser, apiFor, socketFor, cycle, baseURL }) => {
  // A reverse proxy in front of the app that passes HTTP but answers every websocket upgrade 403.
  const app = new URL(baseURL ?? '')
  let refused = 0
  let polled = 0
  const proxy = createServer((req, res) => {
    if (req.url?.includes('transport=polling')) polled++
    const upstream = httpRequest({ host: app.hostname, port: app.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  proxy.on('upgrade', (_req, socket: Duplex) => {
    refused++
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  await new Promise<void>((resolve) => proxy.listen(0, app.hostname, resolve))
  const { port } = proxy.address() as AddressInfo
  try {
    const api = await apiFor(USERS.kasubag)
    // The session cookie is the host's, whatever the port: the proxy's origin carries it too.
    const context = await browser.newContext({ storageState: await api.storageState() })
    const page = await context.newPage()
    await page.goto(`http://${app.hostname}:${port}/cycles/${cycle.id}`)
    await expectBoardLive(page, cycle.title)
    expect(refused).toBeGreaterThan(0)
    expect(polled).toBeGreaterThan(0)

    await moveAlong(await socketFor(USERS.admin), cycle.id, 'psdm', [{ step: 2, lane: 'kepala_bidang' }])
    await expectCardAt(page, 'psdm', 2, 'kepala_bidang')
    await context.close()
  } finally {
    proxy.closeAllConnections()
    await new Promise((resolve) => proxy.close(resolve))
  }
})

test('the cards come with the page: drawn while the socket is still away, live with what changed once it is up', async ({ browser, apiFor, socketFor, cycle }) => {
  const api = await apiFor(USERS.kasubag)
  const context = await browser.newContext({ storageState: await api.storageState() })
  const page = await context.newPage()
  // No socket until let through: its websocket is closed at once and its long-polling refused.
  let socketAllowed = false
  await page.routeWebSocket(/\/socket\.io\//, (ws) => (socketAllowed ? ws.connectToServer() : ws.close()))
  await page.route(/\/socket\.io\//, (route) => (socketAllowed ? route.continue() : route.abort()))
  await page.goto(`/cycles/${cycle.id}`)
  await expect(page.getByRole('heading', { level: 1, name: cycle.title })).toBeVisible()
  for (const unit of ['sekretariat', 'ppik', 'psdm', 'mpk'] as const) await expectCardAt(page, unit, 1, 'sekretaris')
  await expect(page.getByTestId('connection')).not.toHaveAttribute('data-state', 'connected')
  await expect(page.getByTestId('board-view')).toHaveAttribute('data-live', 'false')

  // Moved by someone else before this tab's socket is up: the join tells the tab.
  await moveAlong(await socketFor(USERS.admin), cycle.id, 'psdm', [{ step: 2, lane: 'kepala_bidang' }])

  // Past the join's 10 s for an answer (COMMAND_TIMEOUT_MS), the board stays drawn instead of an error.
  await page.waitForTimeout(11_000)
  await expectCardAt(page, 'sekretariat', 1, 'sekretaris')
  await expect(page.getByTestId('board-view')).toHaveAttribute('data-live', 'false')

  socketAllowed = true
  // The client's reconnect backs off for up to 5 s between tries.
  await expect(page.getByTestId('board-view')).toHaveAttribute('data-live', 'true', { timeout: 20_000 })
  await expectCardAt(page, 'psdm', 2, 'kepala_bidang')
  await expectViewers(page, [USERS.kasubag, USERS.admin])
  await context.close()
})
