import { USERS, expect, moveAlong, test } from './helpers'

/*
 * The cycle dashboard and the printable report of a fresh cycle: headings, the cycle's title, the
 * charts drawn (a canvas each), the report's identity and signature block, the print stylesheet
 * hiding the app's chrome, and the exports answering with their file names.
 */

test('the dashboard shows progress, four charts and the comparison of a fresh cycle', async ({ admin, cycle, browser, socketFor }, testInfo) => {
  await moveAlong(await socketFor(USERS.sekretaris), cycle.id, 'ppik', [{ step: 2, lane: 'kepala_bidang' }])

  const context = await browser.newContext({ storageState: await admin.storageState() })
  const page = await context.newPage()
  await page.goto(`/cycles/${cycle.id}`)
  await page.getByTestId('dashboard-link').click()
  await expect(page).toHaveURL(new RegExp(`/cycles/${cycle.id}/dashboard$`))

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Dasbor siklus — ${cycle.title}`)
  await expect(page.getByRole('heading', { name: 'Kemajuan per unit' })).toBeVisible()
  const progress = page.getByTestId('progress-table')
  await expect(progress.getByRole('row')).toHaveCount(1 + 4)
  await expect(progress.getByRole('row', { name: /PPIK/ })).toContainText('2. Pengumpulan data')

  for (const chart of ['chart-steps', 'chart-roles', 'chart-flow', 'chart-share']) {
    const canvas = page.getByTestId(chart).locator('canvas')
    await expect(canvas, chart).toHaveCount(1)
    const box = await canvas.boundingBox()
    expect(box?.width ?? 0, `${chart} has a drawn canvas`).toBeGreaterThan(100)
    expect(box?.height ?? 0).toBeGreaterThan(100)
  }
  // The text alternative of a chart holds the same numbers.
  await page.getByTestId('chart-steps').getByText('Lihat sebagai tabel').click()
  await expect(page.getByTestId('chart-steps').getByRole('row', { name: /^1\. Format isian/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Dibanding siklus sebelumnya' })).toBeVisible()
  await expect(page.getByTestId('comparison')).toContainText(cycle.title)
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true })

  const xlsx = await admin.get(`/api/cycles/${cycle.id}/export.xlsx`)
  expect(xlsx.status()).toBe(200)
  expect(xlsx.headers()['content-disposition']).toMatch(/filename="monev-triwulan-[iv]+-\d{4}\.xlsx"/)
  await context.close()
})

test('the report is titled after the cycle, names the SOP and prints without the app chrome', async ({ admin, cycle, browser, socketFor }, testInfo) => {
  // PPIK in step 2 (2 hari): that step's row counts in working days, step 1 (15 menit) in office time.
  await moveAlong(await socketFor(USERS.admin), cycle.id, 'ppik', [{ step: 2, lane: 'kepala_bidang' }])
  const context = await browser.newContext({ storageState: await admin.storageState() })
  const page = await context.newPage()
  await page.goto(`/cycles/${cycle.id}/report`)

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Laporan Monitoring/Evaluasi Internal Capaian Kinerja — ${cycle.title}`)
  const report = page.getByTestId('report')
  await expect(report).toContainText('800/1200/SOP/BKPSDM-BLG/2023')
  await expect(report).toContainText('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Balangan')
  await expect(page.getByTestId('report-steps').locator('tbody tr')).toHaveCount(13)
  const dayStep = page.getByTestId('report-steps').locator('tbody tr').nth(1)
  await expect(dayStep.locator('td').nth(-2)).toHaveText(/^\d+(,\d)?\shari$/)
  await expect(dayStep.locator('td').nth(-3)).toHaveText(/^\d+(,\d)?\shari$/)
  await expect(page.getByTestId('report-steps').locator('tbody tr').first().locator('td').nth(-2)).toHaveText(/^\d+\sj|^\d+\sm/)
  const signature = page.getByTestId('report-signature')
  await expect(signature).toContainText(/Paringin, \d{1,2} \S+ \d{4}/)
  await expect(signature).toContainText('H. SUFRIANNOR, S.Sos, M.AP')
  await expect(signature).toContainText('NIP. 19681012 198903 1 009')
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('report.png'), fullPage: true })

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.top-bar')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Cetak' })).toBeHidden()
  await expect(report).toBeVisible()
  // On A4 (the width between its margins, 186 mm, at the print's 96 dpi) no table is cut at its
  // right edge, and the totals come once, after the steps, not at the foot of every page.
  await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1100 })
  for (const table of await report.locator('table').all()) {
    expect(await table.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0) + 1)).toBe(true)
    // Nor is any cell's text wider than its cell.
    expect(await table.evaluate((el) => [...el.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent))).toEqual([])
    // And no heading, nor a step's number, breaks inside a word: each word of it lies on one line.
    const broken = await table.evaluate((el) =>
      [...el.querySelectorAll('thead th, tbody td:first-child')].flatMap((th) => {
        const text = th.firstChild
        if (!(text instanceof Text)) return []
        return [...(text.data.matchAll(/\S+/g))].filter((word) => {
          const range = document.createRange()
          range.setStart(text, word.index)
          range.setEnd(text, word.index + word[0].length)
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1
        }).map((word) => word[0])
      }),
    )
    expect(broken).toEqual([])
  }
  expect(await page.getByTestId('report-steps').locator('tfoot').evaluate((el) => getComputedStyle(el).display)).toBe('table-row-group')
  await page.screenshot({ path: testInfo.outputPath('report-print.png'), fullPage: true })
  await context.close()
})
