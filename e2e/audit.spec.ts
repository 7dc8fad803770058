import { expect, expectWitaTimes, test } from './helpers'

/*
 * The administrator's audit page: reached by its tab, the check runs only on request, and on an
 * untouched install it reports every chain intact, with the counts it read and the time in WITA.
 */

test('the administrator checks every chain and sees them all intact', async ({ admin, browser }) => {
  const context = await browser.newContext({ storageState: await admin.storageState() })
  const page = await context.newPage()
  await page.goto('/admin/users')
  await page.getByRole('navigation', { name: 'Halaman administrator' }).getByRole('link', { name: 'Jejak audit' }).click()
  await expect(page).toHaveURL(/\/admin\/audit$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jejak audit')

  const outcome = page.getByTestId('audit-outcome')
  await expect(outcome).toHaveAttribute('aria-live', 'polite')
  await expect(outcome).toBeEmpty()

  await page.getByRole('button', { name: 'Periksa sekarang' }).click()
  await expect(outcome.getByRole('heading', { name: 'Semua rantai utuh' })).toBeVisible()
  const summary = outcome.getByTestId('audit-summary')
  await expect(summary).toHaveText(/^\d+ kartu, \d+ peristiwa diperiksa pada /)
  const [, cards, events] = /^(\d+) kartu, (\d+) peristiwa/.exec((await summary.textContent()) ?? '') ?? []
  expect(Number(cards), 'the first-run cycle has cards').toBeGreaterThan(0)
  expect(Number(events), 'every card has at least its creation event').toBeGreaterThanOrEqual(Number(cards))
  await expectWitaTimes(summary)
  await expect(outcome.getByTestId('audit-broken')).toHaveCount(0)
  await context.close()
})
