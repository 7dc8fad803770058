import { USERS, cardOf, cellOf, expect, expectCardAt, moveAlong, startFreshCycle, test } from './helpers'

/*
 * A cell of many cards (client/src/board/useCellWindow.ts) draws those near the screen and keeps
 * the room of the others, so the board scrolls as if all were there. 48 units, the most a test
 * cycle of this size allows near the app's limit of 50, all in step 1 at the Sekretaris.
 */
const UNITS_48 = Array.from({ length: 48 }, (_, i) => {
  const no = String(i + 1).padStart(2, '0')
  return { id: `uji-${no}`, name: `Bidang Uji ${no}`, shortName: `U${no}` }
})

test('a cell of 48 cards draws those near the screen, the rest on scrolling; moves, keys and drags work in it', async ({ browser, admin, apiFor, socketFor }) => {
  const cycle = await startFreshCycle(admin, UNITS_48)
  const api = await apiFor(USERS.sekretaris)
  const context = await browser.newContext({ storageState: await api.storageState(), viewport: { width: 1280, height: 720 } })
  try {
    const page = await context.newPage()
    await page.goto(`/cycles/${cycle.id}`)
    await expect(page.getByTestId('board-view')).toHaveAttribute('data-live', 'true')
    const cell = cellOf(page, 1, 'sekretaris')
    const scroll = page.getByTestId('board-scroll')
    await expect(cell).toHaveAttribute('data-cards', '48')
    await expect(cardOf(page, 'uji-01')).toBeVisible()
    // Only those near the screen are in the page; the cell is as tall as all 48 nonetheless.
    await expect(cardOf(page, 'uji-48')).toHaveCount(0)
    const drawn = Number(await cell.getAttribute('data-drawn'))
    expect(drawn).toBeLessThan(48)
    await expect(cell.locator('[data-card-id]')).toHaveCount(drawn)
    // Cards differ in height by a line or a badge; the room of those not drawn is their average.
    const heights = await cell.locator('[data-card-id]').evaluateAll((els) => els.map((el) => (el as HTMLElement).offsetHeight))
    expect((await cell.boundingBox())?.height ?? 0).toBeGreaterThan(48 * Math.min(...heights))

    // Scrolled to its end: the last cards are drawn where they belong, the first ones let go.
    await scroll.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await expect(cardOf(page, 'uji-48')).toBeInViewport()
    await expect(cardOf(page, 'uji-01')).toHaveCount(0)

    // Another's move of a card that is not drawn: the cell counts one fewer, the card shows in step 2.
    const socket = await socketFor(USERS.sekretaris)
    await moveAlong(socket, cycle.id, 'uji-01', [{ step: 2, lane: 'kepala_bidang' }])
    await expect(cell).toHaveAttribute('data-cards', '47')
    await scroll.evaluate((el) => el.scrollTo({ top: 0 }))
    await expectCardAt(page, 'uji-01', 2, 'kepala_bidang')

    // The arrow keys walk down the cell past the cards first drawn.
    await cardOf(page, 'uji-02').focus()
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown')
    await expect(cardOf(page, 'uji-42')).toBeFocused()
    await expect(cardOf(page, 'uji-42')).toBeInViewport()
    await expect(cardOf(page, 'uji-02')).toHaveCount(0)

    // A drag out of the cell, from among the cards drawn further down.
    await expect(cardOf(page, 'uji-40')).toHaveAttribute('data-draggable', 'true')
    await scroll.evaluate((el) => el.scrollTo({ top: 0 }))
    await expect(cardOf(page, 'uji-02')).toBeInViewport()
    // By hand: the target row is below the tall cell, brought to mid-screen while the card is held
    // (dragTo would leave it at the screen's edge, where the board scrolls on under the pointer).
    await cardOf(page, 'uji-02').hover()
    await page.mouse.down()
    await page.mouse.move(400, 300, { steps: 5 })
    const target = cellOf(page, 2, 'kepala_bidang')
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    const box = await target.boundingBox()
    if (!box) throw new Error('cell 2 of the Kepala Bidang is not on screen')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 })
    await page.mouse.up()
    await expectCardAt(page, 'uji-02', 2, 'kepala_bidang')
    await expect(cardOf(page, 'uji-02')).not.toHaveClass(/board-card--saving/)
    await expect(cell).toHaveAttribute('data-cards', '46')

    // A cell that grows past 40 cards starts drawing those near the screen and follows the
    // scrolling; the one left with 7 draws them all.
    for (const unit of UNITS_48.slice(2, 41)) await moveAlong(socket, cycle.id, unit.id, [{ step: 2, lane: 'kepala_bidang' }])
    const second = cellOf(page, 2, 'kepala_bidang')
    await expect(second).toHaveAttribute('data-cards', '41')
    await second.evaluate((el) => el.scrollIntoView({ block: 'end' }))
    await expect(cardOf(page, 'uji-41')).toBeInViewport()
    await expect(cardOf(page, 'uji-01')).toHaveCount(0)
    await expect(cell).toHaveAttribute('data-drawn', '7')
  } finally {
    await context.close()
  }
})
