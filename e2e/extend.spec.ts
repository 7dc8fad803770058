import { USERS, cardOf, expect, test } from './helpers'

/*
 * A dispensation: the Sekretaris gives PPIK's step more time from the card panel, with a reason.
 * The card shows it at once on her board and on the Kepala Bidang's, and the history keeps it.
 */
test('the Sekretaris extends a card\'s deadline with a reason; every board shows it', async ({ boardAs }) => {
  const sekretaris = await boardAs(USERS.sekretaris)
  const kabid = await boardAs(USERS.kabidPpik)

  await cardOf(sekretaris, 'ppik').click()
  const panel = sekretaris.getByTestId('card-panel')
  const form = panel.getByTestId('extend-form')
  await form.getByLabel('Tambahan waktu (menit kerja)').fill('2')
  await form.getByRole('button', { name: 'Perpanjang tenggat' }).click()
  await expect(form.getByText('Tuliskan alasan (minimal 3 karakter).')).toBeVisible()
  await form.getByLabel('Alasan dispensasi').fill('Data SIASN belum tersedia')
  await form.getByRole('button', { name: 'Perpanjang tenggat' }).click()
  await expect(sekretaris.getByTestId('toast').filter({ hasText: 'Tenggat PPIK diperpanjang 2 menit.' })).toBeVisible()

  await expect(cardOf(sekretaris, 'ppik').getByTestId('badge-extended')).toContainText('+2 menit')
  await expect(cardOf(kabid, 'ppik').getByTestId('badge-extended')).toContainText('+2 menit')
  const latest = panel.getByRole('region', { name: 'Riwayat' }).getByRole('listitem').first()
  await expect(latest).toContainText('Dispensasi')
  await expect(latest).toContainText('Tenggat diperpanjang 2 menit')
  await expect(latest).toContainText('Data SIASN belum tersedia')

  // The Kepala Bidang holds no such power: the panel offers no dispensation.
  await cardOf(kabid, 'ppik').click()
  await expect(kabid.getByTestId('card-panel')).toBeVisible()
  await expect(kabid.getByTestId('extend-form')).toHaveCount(0)
})
