import { USERS, cardOf, cellOf, expect, expectCardAt, moveAlong, test } from './helpers'

/*
 * Bulk advance: the Sekretaris chooses three of the four cards of her cell and advances them with
 * one confirmation. While she confirms, the administrator moves one of them on his own: that card
 * is refused with where it is now, the other two are stored, and one "Urungkan" takes both back.
 */
test('the holder advances several cards together; each outcome is reported, one refused', async ({ boardAs, socketFor, cycle }) => {
  const sekretaris = await boardAs(USERS.sekretaris)
  const kabid = await boardAs(USERS.kabidPpik)
  const start = cellOf(sekretaris, 1, 'sekretaris')

  await start.getByTestId('bulk-select-1-sekretaris').click()
  const bar = start.getByTestId('bulk-bar')
  await expect(bar).toContainText('Belum ada kartu dipilih')
  await expect(bar.getByTestId('bulk-advance')).toBeDisabled()
  for (const unit of ['ppik', 'psdm', 'mpk']) await cardOf(sekretaris, unit).click()
  // A click chooses, it does not open the panel; a second click takes the choice back.
  await cardOf(sekretaris, 'sekretariat').click()
  await expect(cardOf(sekretaris, 'sekretariat')).toHaveAttribute('aria-pressed', 'true')
  await cardOf(sekretaris, 'sekretariat').press('Enter')
  await expect(cardOf(sekretaris, 'sekretariat')).toHaveAttribute('aria-pressed', 'false')
  await expect(sekretaris.getByTestId('card-panel')).toHaveCount(0)
  await expect(bar).toContainText('3 kartu dipilih')

  await bar.getByTestId('bulk-advance').click()
  const dialog = sekretaris.getByRole('dialog', { name: 'Lanjutkan 3 kartu' })
  await expect(dialog.getByTestId('bulk-units')).toHaveText(/PPIK\s*PSDM\s*MPK/)

  // Meanwhile the administrator moves MPK himself; her board hears it before she confirms.
  await moveAlong(await socketFor(USERS.admin), cycle.id, 'mpk', [{ step: 2, lane: 'kepala_bidang' }])
  await expectCardAt(sekretaris, 'mpk', 2, 'kepala_bidang')

  await dialog.getByTestId('bulk-confirm').click()
  await expect(dialog.getByTestId('bulk-summary')).toHaveText('2 dipindahkan, 1 ditolak')
  const applied = dialog.getByTestId('bulk-outcome-ok')
  await expect(applied).toHaveCount(2)
  await expect(applied.filter({ hasText: 'PPIK' })).toContainText('dipindahkan ke Tahap 2')
  await expect(dialog.getByTestId('bulk-outcome-refused')).toContainText('MPK')
  await expect(dialog.getByTestId('bulk-outcome-refused')).toContainText('ditolak: kartu sudah berada di Tahap 2')
  for (const unit of ['ppik', 'psdm']) {
    await expectCardAt(sekretaris, unit, 2, 'kepala_bidang')
    await expectCardAt(kabid, unit, 2, 'kepala_bidang')
  }

  // One undo takes back the two stored moves; the refused one stays where the admin put it.
  await dialog.getByTestId('bulk-undo').click()
  await expect(dialog.getByTestId('bulk-outcome-ok').filter({ hasText: 'diurungkan' })).toHaveCount(2)
  await expect(dialog.getByTestId('bulk-undo')).toHaveCount(0)
  for (const unit of ['ppik', 'psdm']) await expectCardAt(kabid, unit, 1, 'sekretaris')
  await expectCardAt(kabid, 'mpk', 2, 'kepala_bidang')
  await dialog.getByTestId('bulk-close').click()
  await expect(start.getByTestId('bulk-bar')).toHaveCount(0)
  await expect(cardOf(sekretaris, 'ppik')).not.toHaveAttribute('aria-pressed', /.*/)
})
