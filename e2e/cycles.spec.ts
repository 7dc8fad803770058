import { USERS, cardOf, expect, listCycles, test } from './helpers'

/*
 * A cycle started by mistake: the administrator cancels it with a reason from the cycle list.
 * A board open on it turns read-only at once, the list keeps it under "Dibatalkan", Tugas saya
 * drops its cards, and the same period can be started again.
 */
test('an administrator cancels a cycle with a reason, and the same period starts again', async ({ browser, admin, cycle, boardAs, apiFor }) => {
  const board = await boardAs(USERS.sekretaris)
  await expect(cardOf(board, 'ppik')).toHaveAttribute('data-draggable', 'true')

  const context = await browser.newContext({ storageState: await admin.storageState() })
  const page = await context.newPage()
  try {
    await page.goto('/')
    const item = page.getByTestId('cycle-running').filter({ hasText: cycle.title })
    await item.getByRole('button', { name: `Batalkan ${cycle.title}` }).click()
    const dialog = page.getByRole('dialog', { name: `Batalkan ${cycle.title}?` })
    // No reason, no cancel.
    await dialog.getByRole('button', { name: 'Batalkan siklus' }).click()
    await expect(dialog.getByText('Tuliskan alasan pembatalan (minimal 3 karakter).')).toBeVisible()
    await dialog.getByLabel('Alasan pembatalan').fill('Dimulai keliru: seharusnya triwulan berikutnya')
    await dialog.getByRole('button', { name: 'Batalkan siklus' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('toast').filter({ hasText: `${cycle.title} dibatalkan.` })).toBeVisible()

    // Off the running list, readable under "Dibatalkan" with who, when and why.
    await expect(page.getByTestId('cycle-running').filter({ hasText: cycle.title })).toHaveCount(0)
    const cancelled = page.getByTestId('cycles-cancelled')
    await cancelled.locator('summary').click()
    const gone = cancelled.getByTestId('cycle-cancelled').filter({ hasText: cycle.title })
    await expect(gone.getByTestId('cycle-ended-note')).toContainText(`Dibatalkan oleh ${USERS.admin.name}`)
    await expect(gone.getByTestId('cycle-ended-note')).toContainText('Alasan: Dimulai keliru: seharusnya triwulan berikutnya')
    await expect(gone.getByRole('button', { name: `Batalkan ${cycle.title}` })).toHaveCount(0)

    // The Sekretaris's open board heard it: read-only, saying why.
    await expect(board.getByTestId('cycle-ended')).toContainText('Siklus ini dibatalkan')
    await expect(board.getByTestId('cycle-ended')).toContainText('Dimulai keliru')
    await expect(cardOf(board, 'ppik')).toHaveAttribute('data-draggable', 'false')
    await cardOf(board, 'ppik').click()
    await expect(board.getByTestId('card-panel')).toContainText('Siklus ini dibatalkan; kartunya tidak dapat diubah lagi.')

    // Nothing of it is left in her Tugas saya.
    const tasks = await (await apiFor(USERS.sekretaris)).get('/api/tasks')
    expect(((await tasks.json()) as { cards: { cycleId: string }[] }).cards.filter((c) => c.cycleId === cycle.id)).toEqual([])

    // The period is free again: started from the same form, it opens its new board.
    await page.getByRole('button', { name: '+ Mulai siklus' }).click()
    const form = page.getByRole('form', { name: 'Mulai siklus baru' })
    await form.locator('#cycle-year').fill(String(cycle.year))
    await form.getByRole('radio', { name: ['I', 'II', 'III', 'IV'][cycle.quarter - 1], exact: true }).check()
    await form.getByRole('button', { name: 'Mulai siklus' }).click()
    await page.getByRole('dialog', { name: `Mulai ${cycle.title}?` }).getByRole('button', { name: `Mulai ${cycle.title}` }).click()
    await expect(page).toHaveURL(/\/cycles\/[0-9a-f]{24}$/)
    expect(page.url()).not.toContain(cycle.id)
    const same = (await listCycles(admin)).filter((c) => c.year === cycle.year && c.quarter === cycle.quarter)
    expect(same.map((c) => c.status).sort()).toEqual(['cancelled', 'running'])
  } finally {
    await context.close()
  }
})
