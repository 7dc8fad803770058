import { USERS, cardsOf, expect, test } from './helpers'

/*
 * Tugas saya on a phone: the Sekretaris holds every card in step 1, so each is a task with its
 * one-tap moves. A tap moves the card (no dialog for a plain advance), and the toast's "Urungkan"
 * takes it back within the undo window.
 */
test('on a phone, one tap in Tugas saya moves a card and the toast takes it back', async ({ browser, apiFor, cycle, socketFor }) => {
  const api = await apiFor(USERS.sekretaris)
  const context = await browser.newContext({ storageState: await api.storageState(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  const socket = await socketFor(USERS.sekretaris)
  const stepOnServer = async () => {
    const joined = await socket.emitWithAck('board:join', { cycleId: cycle.id })
    if (!joined.ok) throw new Error(JSON.stringify(joined.error))
    return cardsOf(joined.data).find((c) => c.unit.id === 'ppik')?.step
  }
  try {
    await page.goto('/tugas')
    const task = page.getByTestId(`task-ppik-${cycle.id}`)
    await expect(task).toHaveAttribute('data-step', '1')
    await task.getByTestId('move-to-2-kepala_bidang').tap()

    const toast = page.getByTestId('toast').filter({ hasText: 'PPIK dipindahkan ke Tahap 2 · Kepala Bidang' })
    await expect(toast).toBeVisible()
    // Now the Kepala Bidang's: no longer hers to act on.
    await expect(task).toHaveCount(0)
    expect(await stepOnServer()).toBe(2)

    await toast.getByRole('button', { name: 'Urungkan' }).tap()
    await expect(page.getByTestId('toast').filter({ hasText: 'Pemindahan PPIK diurungkan; kembali ke Tahap 1 · Sekretaris' })).toBeVisible()
    await expect(task).toHaveAttribute('data-step', '1')
    expect(await stepOnServer()).toBe(1)
  } finally {
    await context.close()
  }
})
