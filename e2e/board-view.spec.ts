import { USERS, cardOf, expect, expectBoardLive, test } from './helpers'

/*
 * Seeing the board: "Ringkas" fits all 13 steps, Selesai and the five lanes on a 1920×1080
 * screen without scrolling; empty steps and lanes fold away; filters narrow the cards and live
 * in the URL, so a link opens the same view.
 */
test('"Ringkas" fits every step and lane of a 4-unit cycle on a 1920×1080 screen, and empty ones fold', async ({ browser, admin, cycle }) => {
  const context = await browser.newContext({ storageState: await admin.storageState(), viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  try {
    await page.goto(`/cycles/${cycle.id}`)
    await expectBoardLive(page, cycle.title)
    const scroll = page.getByTestId('board-scroll')
    const overflows = () => scroll.evaluate((el) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight }))
    // Without it the board is wider than the screen.
    expect((await overflows()).x).toBeGreaterThan(0)

    await page.getByTestId('layout-compact').click()
    await expect(page.getByTestId('layout-compact')).toHaveAttribute('aria-pressed', 'true')
    await expect.poll(overflows).toEqual({ x: 0, y: 0 })
    for (let no = 1; no <= 14; no++) await expect(page.getByTestId(`column-${no}`)).toBeInViewport({ ratio: 1 })
    for (const lane of ['sekretaris', 'kepala_bidang', 'kasubag_program', 'kepala_seksi', 'kepala_badan']) {
      await expect(page.getByTestId(`lane-${lane}`)).toBeInViewport({ ratio: 1 })
    }
    for (const unit of ['sekretariat', 'ppik', 'psdm', 'mpk']) await expect(cardOf(page, unit)).toBeInViewport()

    // Every card is in step 1, Sekretaris: the other steps and lanes fold to strips.
    await page.getByTestId('layout-collapse').click()
    await expect.poll(async () => (await page.getByTestId('column-5').boundingBox())?.width ?? 999).toBeLessThan(60)
    await expect.poll(async () => (await page.getByTestId('lane-kepala_badan').boundingBox())?.height ?? 999).toBeLessThan(50)
    expect((await page.getByTestId('column-1').boundingBox())?.width ?? 0).toBeGreaterThan(200)

    // The choice is the browser's: a reload keeps it.
    await page.reload()
    await expectBoardLive(page, cycle.title)
    await expect(page.getByTestId('layout-compact')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('layout-collapse')).toHaveAttribute('aria-pressed', 'true')
  } finally {
    await context.close()
  }
})

test('filters narrow the board and are kept in the URL, so a shared link opens the same view', async ({ boardAs, cycle }) => {
  const page = await boardAs(USERS.sekretaris)
  await page.getByTestId('filter-unit').selectOption('ppik')
  await expect(page).toHaveURL(/[?&]unit=ppik/)
  await expect(page.getByTestId('filter-count')).toHaveText(/1 dari 4 kartu/)
  await expect(cardOf(page, 'ppik')).toBeVisible()
  await expect(cardOf(page, 'psdm')).toHaveCount(0)

  // No card was returned: with that state as well, none is shown.
  await page.getByTestId('filter-state-returned').click()
  await expect(page).toHaveURL(/state=returned/)
  await expect(page.getByTestId('filter-count')).toHaveText(/0 dari 4 kartu/)
  await page.getByTestId('filter-state-returned').click()

  // The search box matches the unit's names.
  await page.getByTestId('filter-unit').selectOption('')
  await page.getByTestId('filter-search').fill('mutasi')
  await expect(page).toHaveURL(/q=mutasi/)
  await expect(page.getByTestId('filter-count')).toHaveText(/1 dari 4 kartu/)
  await expect(cardOf(page, 'mpk')).toBeVisible()

  // A link with the filter opens it as it was.
  const link = page.url()
  const other = await page.context().newPage()
  await other.goto(link)
  // Not expectBoardLive: it waits for every card, and this view shows one.
  await expect(other.getByRole('heading', { level: 1, name: cycle.title })).toBeVisible()
  await expect(other.getByTestId('connection')).toHaveAttribute('data-state', 'connected')
  await expect(other.getByTestId('filter-search')).toHaveValue('mutasi')
  await expect(other.getByTestId('filter-count')).toHaveText(/1 dari 4 kartu/)
  await expect(cardOf(other, 'ppik')).toHaveCount(0)
  await other.getByTestId('filter-clear').click()
  await expect(other).not.toHaveURL(/q=/)
  await expect(other.getByTestId('filter-count')).toHaveCount(0)
  await expect(cardOf(other, 'ppik')).toBeVisible()
})
