import type { Page } from '@playwright/test'
import { USERS, cardOf, expect, expectCardAt, test } from './helpers'

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** A finger: press, hold past the board's touch delay, slide to the point, lift (CDP touch events). */
async function longPressDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: Math.round(p.x), y: Math.round(p.y) }] : [] })
  await touch('touchStart', from)
  await page.waitForTimeout(400)
  for (let i = 1; i <= 12; i++) {
    await touch('touchMove', { x: from.x + ((to.x - from.x) * i) / 12, y: from.y + ((to.y - from.y) * i) / 12 })
    await page.waitForTimeout(16)
  }
  await touch('touchEnd')
}

const centre = async (page: Page, testId: string) => {
  const box = await page.getByTestId(testId).boundingBox()
  if (!box) throw new Error(`${testId} is not on screen`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/*
 * On a phone: a long press picks a card up and a slide drops it in the next step; the card panel
 * opens with its moves first; every button there is a finger's size; scrolling the board folds
 * the header away; Tugas saya puts the late cards first.
 */
test('on a phone a long press drags a card to the next step, and the panel and board fit a finger', async ({ browser, apiFor, cycle }) => {
  const api = await apiFor(USERS.sekretaris)
  const context = await browser.newContext({ storageState: await api.storageState(), ...PHONE })
  const page = await context.newPage()
  try {
    // One card on the board, so its next cell is on screen below it.
    await page.goto(`/cycles/${cycle.id}?unit=ppik`)
    await expect(cardOf(page, 'ppik')).toHaveAttribute('data-draggable', 'true')
    await longPressDrag(page, await centre(page, 'card-ppik'), await centre(page, 'cell-2-kepala_bidang'))
    await expectCardAt(page, 'ppik', 2, 'kepala_bidang')

    // The panel: the moves come before the checklist, and its buttons are 44 px tall at least.
    await page.goto(`/cycles/${cycle.id}?unit=psdm`)
    await cardOf(page, 'psdm').tap()
    const panel = page.getByTestId('card-panel')
    const sections = await panel.locator('section h3').allTextContents()
    expect(sections[0]).toContain('Pindahkan')
    let targets = 0
    for (const button of await panel.getByRole('button').all()) {
      const box = await button.boundingBox()
      // Not a target: hidden, or only for screen readers (a 1 px box).
      if (!box || box.width <= 1) continue
      expect(box.height, (await button.textContent()) ?? '').toBeGreaterThanOrEqual(44)
      targets++
    }
    expect(targets).toBeGreaterThan(3)
    await panel.getByRole('button', { name: 'Tutup' }).first().tap()

    // Scrolling the board down folds the header away; scrolling back brings it.
    await page.goto(`/cycles/${cycle.id}`)
    await expect(cardOf(page, 'mpk')).toBeVisible()
    const header = page.locator('.board-header')
    await expect(header).toBeVisible()
    await page.getByTestId('board-scroll').evaluate((el) => el.scrollBy(0, 300))
    await expect(header).toBeHidden()
    await page.getByTestId('board-scroll').evaluate((el) => el.scrollTo(0, 0))
    await expect(header).toBeVisible()
  } finally {
    await context.close()
  }
})

test('Tugas saya groups the cards by urgency, each naming its cycle', async ({ browser, apiFor, cycle }) => {
  // A cycle started a moment ago: its cards have most of their time left (the order of the
  // groups themselves is checked in client/src/lib/urgency.test.ts with a fixed clock).
  const api = await apiFor(USERS.sekretaris)
  const context = await browser.newContext({ storageState: await api.storageState(), ...PHONE })
  const page = await context.newPage()
  try {
    await page.goto('/tugas')
    const later = page.getByTestId('tasks-later')
    await expect(later.getByRole('heading', { level: 2 })).toContainText('Masih ada waktu')
    const task = later.getByTestId(`task-ppik-${cycle.id}`)
    await expect(task).toBeVisible()
    await expect(task).toContainText(cycle.title)
  } finally {
    await context.close()
  }
})
