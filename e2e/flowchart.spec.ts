import { USERS, expect, moveAlong, test } from './helpers'

/*
 * The SOP-AP flowchart of a running cycle: every step drawn with its symbol (a diamond for the
 * decision at step 11 with its "Ya" and "Tidak" branches), one Mulai and one Selesai, the two pages
 * joined by a pair of off-page connectors, the cards counted in the steps they are in, and the
 * print stylesheet leaving only the sheets. The screenshots are kept as test artefacts.
 */

test('the flowchart draws every step and symbol of the SOP with the cycle’s cards per step', async ({ admin, cycle, browser, socketFor }, testInfo) => {
  await moveAlong(await socketFor(USERS.sekretaris), cycle.id, 'ppik', [{ step: 2, lane: 'kepala_bidang' }])
  await moveAlong(await socketFor(USERS.admin), cycle.id, 'psdm', [
    { step: 2, lane: 'kepala_bidang' },
    { step: 3, lane: 'kasubag_program' },
  ])

  const context = await browser.newContext({ storageState: await admin.storageState() })
  const page = await context.newPage()
  await page.goto(`/cycles/${cycle.id}`)
  await page.getByTestId('flowchart-link').click()
  await expect(page).toHaveURL(new RegExp(`/cycles/${cycle.id}/flowchart$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagram alir SOP — Monitoring/Evaluasi Internal Capaian Kinerja')
  await expect(page.getByTestId('flowchart-identity')).toContainText('800/1200/SOP/BKPSDM-BLG/2023')

  // Two A4 pages, each an accessible image.
  const sheets = page.getByTestId('flowchart-page')
  await expect(sheets).toHaveCount(2)
  await expect(page.getByRole('img', { name: /halaman 1 dari 2: tahap 1 sampai 7$/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /halaman 2 dari 2: tahap 8 sampai 13$/ })).toBeVisible()

  // Every step once, with its symbol: process boxes and the one diamond.
  for (let step = 1; step <= 13; step++) {
    const symbol = page.locator(`[data-step="${step}"] [data-symbol]`)
    await expect(symbol, `step ${step}`).toHaveCount(1)
    await expect(symbol).toHaveAttribute('data-symbol', step === 11 ? 'decision' : 'process')
  }
  await expect(page.locator('[data-symbol="process"]')).toHaveCount(12)
  await expect(page.locator('[data-symbol="decision"]')).toHaveCount(1)

  // Mulai on the first page, Selesai on the last.
  await expect(page.locator('[data-symbol="terminator"]')).toHaveCount(2)
  await expect(sheets.nth(0).locator('[data-symbol="terminator"][data-end="start"]')).toHaveCount(1)
  await expect(sheets.nth(1).locator('[data-symbol="terminator"][data-end="end"]')).toHaveCount(1)
  await expect(sheets.nth(0)).toContainText('Mulai')
  await expect(sheets.nth(1)).toContainText('Selesai')

  // The decision's branches: "Ya" on to step 12, "Tidak" back to step 10.
  const yes = page.locator('[data-symbol="arrow"][data-kind="yes"]')
  await expect(yes).toHaveCount(1)
  await expect(yes).toHaveAttribute('data-from', 'step-11')
  await expect(yes).toHaveAttribute('data-to', 'step-12')
  await expect(yes).toHaveText('Ya')
  const no = page.locator('[data-symbol="arrow"][data-kind="no"]')
  await expect(no).toHaveCount(1)
  await expect(no).toHaveAttribute('data-to', 'step-10')
  await expect(no).toHaveText('Tidak')

  // The page break: connector A ends page 1 after step 7 and resumes page 2 before step 8.
  await expect(sheets.nth(0).locator('[data-symbol="connector"]')).toHaveCount(1)
  await expect(sheets.nth(0).locator('[data-symbol="connector"]')).toHaveAttribute('data-direction', 'out')
  await expect(sheets.nth(1).locator('[data-symbol="connector"]')).toHaveAttribute('data-direction', 'in')
  await expect(sheets.nth(0).locator('[data-symbol="connector"]')).toHaveAttribute('data-label', 'A')
  await expect(sheets.nth(1).locator('[data-symbol="connector"]')).toHaveAttribute('data-label', 'A')
  await expect(sheets.nth(0).locator('[data-symbol="arrow"][data-to="connector-A-out"]')).toHaveAttribute('data-from', 'step-7')
  await expect(sheets.nth(1).locator('[data-symbol="arrow"][data-from="connector-A-in"]')).toHaveAttribute('data-to', 'step-8')
  await expect(sheets.nth(0)).toContainText('ke hlm. 2')
  await expect(sheets.nth(1)).toContainText('dari hlm. 1')

  // Mulai → 1, 1 → … → 13 (7 → 8 through the connectors), 13 → Selesai, and "Tidak".
  await expect(page.locator('[data-symbol="arrow"]')).toHaveCount(16)
  // Only the five SOP-AP symbols.
  const kinds = await page.locator('[data-symbol]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-symbol')))].sort())
  expect(kinds).toEqual(['arrow', 'connector', 'decision', 'process', 'terminator'])

  // The Pelaksana columns and the Mutu Baku columns beside them.
  for (const title of ['Uraian Prosedur', 'Pelaksana', 'Sekretaris', 'Kepala Badan', 'Mutu Baku', 'Kelengkapan', 'Waktu', 'Output']) {
    await expect(sheets.nth(0), title).toContainText(title)
  }
  await expect(sheets.nth(0)).toContainText('15 menit')

  // The cards: two still in step 1, PPIK in step 2, PSDM in step 3; none late yet, none finished.
  const counts = (step: number) => page.locator(`[data-step="${step}"] [data-counts]`)
  await expect(counts(1)).toHaveAttribute('data-cards', '2')
  await expect(counts(2)).toHaveAttribute('data-cards', '1')
  await expect(counts(3)).toHaveAttribute('data-cards', '1')
  await expect(counts(4)).toHaveAttribute('data-cards', '0')
  for (let step = 1; step <= 13; step++) await expect(counts(step)).toHaveAttribute('data-late', '0')
  await expect(page.locator('[data-counts]')).toHaveCount(14)

  await page.screenshot({ path: testInfo.outputPath('flowchart.png'), fullPage: true })
  await testInfo.attach('flowchart', { path: testInfo.outputPath('flowchart.png'), contentType: 'image/png' })

  // Printed: only the identity and the sheets, one A4-landscape sheet per page.
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.top-bar')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeHidden()
  await expect(sheets).toHaveCount(2)
  await expect(sheets.nth(1)).toBeVisible()
  const breaks = await sheets.evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter))
  expect(breaks).toEqual(['page', 'auto'])
  await page.screenshot({ path: testInfo.outputPath('flowchart-print.png'), fullPage: true })
  await testInfo.attach('flowchart-print', { path: testInfo.outputPath('flowchart-print.png'), contentType: 'image/png' })
  // Chromium's own print: exactly one A4-landscape sheet per flowchart page.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(2)
  const boxes = pdf.match(/\/MediaBox \[[^\]]*\]/g) ?? []
  expect(boxes.length).toBeGreaterThan(0)
  for (const box of boxes) expect(box, 'A4 landscape, 842 × 595 pt').toMatch(/^\/MediaBox \[0 0 84[12](\.\d+)? 59[45](\.\d+)?\]$/)
  await testInfo.attach('flowchart.pdf', { body: Buffer.from(pdf, 'latin1'), contentType: 'application/pdf' })
  await context.close()
})

test('an administrator sees a stored template version as its flowchart, without card counts', async ({ admin, browser }) => {
  const context = await browser.newContext({ storageState: await admin.storageState() })
  const page = await context.newPage()
  await page.goto('/admin/templates/monev-kinerja/v/1/flowchart')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagram alir SOP — Monitoring/Evaluasi Internal Capaian Kinerja')
  await expect(page.getByTestId('flowchart-identity')).toContainText('H. SUFRIANNOR, S.Sos, M.AP')
  await expect(page.getByTestId('flowchart-page')).toHaveCount(2)
  await expect(page.locator('[data-step] [data-symbol]')).toHaveCount(13)
  await expect(page.locator('[data-counts]')).toHaveCount(0)
  await expect(page.getByRole('link', { name: /Kembali ke templat/ })).toHaveAttribute('href', '/admin/templates')
  await context.close()
})
