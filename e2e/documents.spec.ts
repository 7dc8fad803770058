import type { Locator, Page } from '@playwright/test'
import { USERS, cardOf, expect, expectViewers, expectWitaTimes, test } from './helpers'

/*
 * Documents as a step's Output: the Sekretaris (holder of every card in step 1) uploads a PDF in
 * the card panel; the Kasubag Program, with the same card's panel open, sees it listed live and
 * can download it. A file that only claims to be a PDF is refused with the server's reason.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')

async function openPanel(page: Page): Promise<Locator> {
  await cardOf(page, 'psdm').click()
  const panel = page.getByTestId('card-panel')
  await expect(panel.getByRole('heading', { name: 'PSDM' })).toBeVisible()
  return panel
}

test('a PDF uploaded in the card panel is listed in another user\'s open panel; a fake PDF is refused', async ({ boardAs }) => {
  const sekretaris = await boardAs(USERS.sekretaris)
  const kasubag = await boardAs(USERS.kasubag)
  await expectViewers(sekretaris, [USERS.sekretaris, USERS.kasubag])

  const uploading = await openPanel(sekretaris)
  const watching = await openPanel(kasubag)
  const docs = uploading.getByRole('region', { name: 'Dokumen' })
  await expect(docs).toContainText('Belum ada dokumen untuk tahap ini.')
  // Only the holder (or an administrator) gets the upload control.
  await expect(watching.getByTestId('document-upload')).toHaveCount(0)

  // Renamed text is refused whatever its name says, and nothing is listed.
  await docs.getByTestId('document-input').setInputFiles({ name: 'laporan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bukan PDF sama sekali') })
  await expect(docs.getByTestId('document-error')).toContainText('Jenis berkas tidak diterima')
  await expect(docs.getByTestId('document-item')).toHaveCount(0)

  // A file over the server's limit (DOCUMENT_MAX_MB, 10 MB here) is refused before a byte is sent.
  const posts: string[] = []
  uploading.page().on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/documents')) posts.push(req.url())
  })
  await docs.getByTestId('document-input').setInputFiles({ name: 'besar.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) })
  await expect(docs.getByTestId('document-error')).toContainText('Berkas terlalu besar. Ukuran maksimum 10 MB.')
  expect(posts).toEqual([])

  await docs.getByTestId('document-input').setInputFiles({ name: 'Laporan capaian TW.pdf', mimeType: 'application/pdf', buffer: PDF })
  const mine = docs.getByTestId('document-item').filter({ hasText: 'Laporan capaian TW.pdf' })
  await expect(mine).toBeVisible()
  expect(posts).toHaveLength(1)

  const seen = watching.getByRole('region', { name: 'Dokumen' }).getByTestId('document-item').filter({ hasText: 'Laporan capaian TW.pdf' })
  await expect(seen).toBeVisible()
  await expect(seen).toContainText(`oleh ${USERS.sekretaris.name}`)
  await expectWitaTimes(seen)

  const [download] = await Promise.all([kasubag.waitForEvent('download'), seen.getByRole('link', { name: /Unduh Laporan capaian TW\.pdf/ }).click()])
  expect(download.suggestedFilename()).toBe('Laporan capaian TW.pdf')
})
