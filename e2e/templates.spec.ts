import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, USERS } from './helpers'

/*
 * Issue 6: an administrator brings the seed SOP in from its text, fixes what the importer could not
 * read, saves it as a template of its own, makes a second version, starts a cycle on the first one,
 * and takes a version out as JSON and back in.
 */

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../shared/sop/fixtures/monev-kinerja.txt')

test('an imported SOP becomes a template with versions, runs a cycle and round-trips as JSON', async ({ browser, apiFor }) => {
  test.setTimeout(120_000)
  const admin = await apiFor(USERS.admin)
  const context = await browser.newContext({ storageState: await admin.storageState() })
  const page = await context.newPage()
  // A retry (or a second run on the same data) meets the template of the first attempt.
  const suffix = Date.now().toString(36)
  const id = `monev-e2e-${suffix}`
  const name = `Monev Uji E2E ${suffix}`

  await page.goto('/admin/templates')
  await expect(page.getByRole('heading', { level: 1, name: 'Templat SOP' })).toBeVisible()
  await expect(page.getByTestId('template-monev-kinerja')).toContainText('Monitoring/Evaluasi Internal Capaian Kinerja')

  // ---- import the seed's text: the draft opens in the editor with the importer's notes by line
  await page.getByTestId('import-text').click()
  const dialog = page.getByRole('dialog', { name: 'Impor dari teks dokumen SOP' })
  // A text without the procedure table is refused in the dialog, which stays open for another try.
  await dialog.getByTestId('template-import-text').fill('Notulen rapat, tanpa tabel prosedur.')
  await dialog.getByTestId('template-import-run').click()
  await expect(dialog.getByTestId('template-import-problems')).toContainText('Tabel prosedur tidak ditemukan')
  await expect(page).toHaveURL(/\/admin\/templates$/)
  await dialog.getByTestId('template-import-text').fill(await readFile(FIXTURE, 'utf8'))
  await dialog.getByTestId('template-import-run').click()
  await expect(page).toHaveURL(/\/admin\/templates\/new$/)
  const notes = page.getByTestId('import-notes')
  await expect(notes).toContainText('Baris 29')
  await expect(notes).toContainText('tidak ada tanda pelaksana')

  // Steps 2–7 came without lanes: listed, and the save waits for them.
  const issues = page.getByTestId('template-issues')
  const save = page.getByTestId('template-save')
  await expect(issues).toContainText('Tahap 2 · Pelaksana tahap')
  await expect(save).toBeDisabled()
  await issues.getByRole('button', { name: 'Tahap 2 · Pelaksana tahap' }).click()
  await expect(page.locator('#tpl-steps-1-lanes')).toBeFocused()
  for (let no = 2; no <= 7; no++) {
    const step = page.getByTestId(`step-${no}`)
    await step.getByRole('checkbox', { name: no === 2 ? 'Kepala Bidang' : 'Kasubag Program' }).check()
    // The only lane chosen becomes the default lane.
    await expect(step.getByRole('radio', { checked: true })).toHaveCount(1)
  }
  await expect(issues).toHaveCount(0)

  // A lane that steps use is not removed; the refusal names the steps.
  await page.getByRole('button', { name: 'Hapus pelaksana Sekretaris' }).click()
  await expect(page.getByTestId('lane-refusal')).toContainText('tahap 1 (Membuat format isian), 13 (')

  await page.getByTestId('template-id').fill(id)
  await page.getByLabel('Nama SOP', { exact: true }).fill(name)
  await expect(save).toHaveText('Simpan sebagai versi 1')
  await save.click()
  await expect(page).toHaveURL(/\/admin\/templates$/)
  const card = page.getByTestId(`template-${id}`)
  await expect(card).toContainText(name)
  await expect(card).toContainText('13 tahap')
  await expect(card.getByTestId(`template-${id}-v1`)).toContainText(USERS.admin.name)

  // ---- edit: the step's time changes in version 2; the lane ids are fixed now
  await card.getByRole('link', { name: `Ubah ${name}` }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/templates/${id}/edit$`))
  await expect(page.locator('#tpl-lanes-0-id')).toHaveCount(0)
  await expect(save).toBeDisabled()
  const amount = page.getByTestId('step-13').getByLabel('Jumlah waktu')
  await amount.fill('0')
  await expect(page.getByTestId('step-13')).toContainText('Waktu harus angka lebih dari nol.')
  await expect(save).toBeDisabled()
  await amount.fill('30')
  await expect(save).toHaveText('Simpan sebagai versi 2')
  await save.click()
  await expect(page).toHaveURL(/\/admin\/templates$/)
  await expect(card.getByTestId(`template-${id}-v2`)).toBeVisible()
  await expect(card).toContainText('Versi 2')

  // ---- a cycle on version 1 of the new template
  await page.goto('/')
  await page.getByRole('button', { name: '+ Mulai siklus' }).click()
  const form = page.getByRole('form', { name: 'Mulai siklus baru' })
  await form.getByTestId('cycle-template').selectOption(id)
  await expect(form.getByTestId('cycle-template-version')).toHaveValue('2')
  await form.getByTestId('cycle-template-version').selectOption('1')
  await expect(form).toContainText('13 tahap · 5 pelaksana')
  await form.getByRole('button', { name: 'Mulai siklus' }).click()
  const confirm = page.getByRole('dialog')
  await expect(confirm.getByTestId('confirm-template')).toContainText(`${name} · Versi 1`)
  await confirm.getByRole('button', { name: /^Mulai Triwulan/ }).click()
  await expect(page).toHaveURL(/\/cycles\/[0-9a-f]{24}$/)
  await expect(page.getByText(`${name} · v1`)).toBeVisible()
  await expect(page.getByTestId('cell-2-kepala_bidang')).toBeVisible()
  // The board's texts follow the template, not the shipped SOP's report.
  await expect(page.getByText('Semua tahap selesai')).toBeVisible()

  // ---- export version 2 as JSON and bring it back in: it becomes version 3 of the same template
  await page.goto('/admin/templates')
  const downloading = page.waitForEvent('download')
  await card.getByTestId(`export-${id}-v2`).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`${id}-v2.json`)
  const file = await download.path()
  const exported = JSON.parse(await readFile(file, 'utf8')) as { id: string; version: number; steps: { waktu: { amount: number } }[] }
  expect(exported).toMatchObject({ id, version: 2 })
  expect(exported.steps[12]?.waktu.amount).toBe(30)

  await page.getByTestId('import-json').click()
  const jsonDialog = page.getByRole('dialog', { name: 'Impor templat dari JSON' })
  // Files that are no export are refused in the editor's words, not the schema's.
  const tryFile = async (name: string, body: string) => {
    await jsonDialog.getByTestId('template-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) })
    await jsonDialog.getByTestId('template-import-run').click()
  }
  await tryFile('rusak.json', '{"id": "x",')
  await expect(jsonDialog.getByTestId('template-import-problems')).toContainText('Berkas ini bukan JSON yang sah.')
  await tryFile('daftar.json', '[1, 2, 3]')
  await expect(jsonDialog.getByTestId('template-import-problems')).toContainText('Berkas ini bukan templat SOP hasil Ekspor JSON.')
  const partial = JSON.parse(await readFile(file, 'utf8')) as { identity: Record<string, unknown> }
  delete partial.identity.agency
  await tryFile('sebagian.json', JSON.stringify(partial))
  await expect(jsonDialog.getByTestId('template-import-problems')).toHaveText(/Instansi: tidak ada atau tidak sesuai format Ekspor JSON\.$/)
  await expect(page).toHaveURL(/\/admin\/templates$/)
  await jsonDialog.getByTestId('template-import-file').setInputFiles(file)
  await page.getByTestId('template-import-run').click()
  await expect(page).toHaveURL(/\/admin\/templates\/new$/)
  await expect(page.getByTestId('template-id')).toHaveValue(id)
  await expect(save).toHaveText('Simpan sebagai versi 3')
  await save.click()
  await expect(card.getByTestId(`template-${id}-v3`)).toBeVisible()

  await context.close()
})
