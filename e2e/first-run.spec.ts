import { PASSWORD, UNITS, USERS, cardOf, cellOf, createUser, expect, listCycles, test, witaClock } from './helpers'

/*
 * The life of a new install, in order: the setup page creates the administrator, who adds the
 * users and starts the first quarter. Each test builds on the one before (a fresh DATA_DIR per
 * run makes the install empty), so the file runs serially and board.spec.ts waits for it.
 */
test.describe.configure({ mode: 'serial' })

test('the setup page of an empty install creates the administrator', async ({ page, request }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/setup$/)
  await expect(page.getByRole('heading', { name: 'Penyiapan awal' })).toBeVisible()
  // The username rule is said before anyone gets it wrong, as the field's description.
  await expect(page.locator('#setup-username')).toHaveAccessibleDescription(/^Untuk masuk: 3–40 karakter/)

  const admin = USERS.admin
  await page.locator('#setup-name').fill(admin.name)
  await page.locator('#setup-username').fill(admin.username)
  await page.locator('#setup-role').selectOption(admin.role)
  await page.locator('#setup-password').fill(PASSWORD)
  await page.locator('#setup-confirm').fill(`${PASSWORD}x`)
  await page.getByRole('button', { name: 'Buat administrator' }).click()
  await expect(page.getByText('Kedua kata sandi tidak sama.')).toBeVisible()

  await page.locator('#setup-confirm').fill(PASSWORD)
  await page.getByRole('button', { name: 'Buat administrator' }).click()

  // Signed in straight away, as an administrator, on the (still empty) list of cycles.
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Siklus' })).toBeVisible()
  await expect(page.getByText(admin.name)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Admin', exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Belum ada siklus' })).toBeVisible()

  // The setup page is gone for good.
  expect(await (await request.get('/api/setup')).json()).toEqual({ needsSetup: false })
  await page.goto('/setup')
  await expect(page).toHaveURL(/\/$/)
})

test('the administrator adds a user on the Admin users page', async ({ page, apiFor }) => {
  // Through the login form, which brings them back to the page they asked for.
  await page.goto('/admin/users')
  await expect(page).toHaveURL(/\/login\?redirect=/)
  await page.locator('#username').fill(USERS.admin.username)
  await page.locator('#password').fill(PASSWORD)
  await page.locator('button[type=submit]').click()
  await expect(page).toHaveURL(/\/admin\/users$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Pengguna' })).toBeVisible()

  const kabid = USERS.kabidPpik
  await page.getByRole('button', { name: 'Tambah pengguna' }).click()
  const form = page.getByRole('form', { name: 'Pengguna baru' })
  await form.locator('#user-name').fill(kabid.name)
  await form.locator('#user-username').fill(kabid.username)
  // A Kepala Bidang acts for one unit only, so the form asks which.
  await expect(form.locator('#user-unit')).toHaveCount(0)
  await form.locator('#user-role').selectOption(kabid.role)
  await form.locator('#user-unit').selectOption(kabid.unitId)
  await form.locator('#user-password').fill(PASSWORD)
  await form.getByRole('button', { name: 'Tambah pengguna' }).click()

  await expect(page.getByTestId('toast').filter({ hasText: `Pengguna ${kabid.name} dibuat.` })).toBeVisible()
  await expect(form).toHaveCount(0)
  const userRow = (username: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: username, exact: true }) })
  const row = userRow(kabid.username)
  await expect(row).toContainText(kabid.name)
  await expect(row).toContainText('Kepala Bidang')
  await expect(row).toContainText('PPIK')
  await expect(row).toContainText('Aktif')

  // The rest of the staff over the API, as a script would.
  const admin = await apiFor(USERS.admin)
  await createUser(admin, USERS.sekretaris)
  await createUser(admin, USERS.kasubag)
  await page.reload()
  for (const user of Object.values(USERS)) await expect(userRow(user.username)).toHaveCount(1)

  // The account made in the browser signs in (apiFor fails the test otherwise).
  await apiFor(kabid)
})

test('the administrator starts "Triwulan I 2027", and cannot start it twice', async ({ page, admin }) => {
  await page.context().addCookies((await admin.storageState()).cookies)
  await page.goto('/')

  async function startTriwulanI2027({ lookFirst = false } = {}) {
    await page.getByRole('button', { name: '+ Mulai siklus' }).click()
    const form = page.getByRole('form', { name: 'Mulai siklus baru' })
    if (lookFirst) {
      // The form opens on the quarter the office is in now (WITA).
      const wita = new Date(Date.now() + 8 * 3_600_000)
      const roman = ['I', 'II', 'III', 'IV'][Math.floor(wita.getUTCMonth() / 3)]
      await expect(form.getByText(`Akan dimulai: Triwulan ${roman} ${wita.getUTCFullYear()}`)).toBeVisible()
    }
    await form.locator('#cycle-year').fill('2027')
    await form.getByRole('radio', { name: 'I', exact: true }).check()
    await expect(form.getByText('Akan dimulai: Triwulan I 2027')).toBeVisible()
    // The agency's four units are there unless someone removes them.
    for (const unit of UNITS) await expect(form.getByRole('button', { name: `Hapus unit ${unit.shortName}` })).toBeVisible()
    await form.getByRole('button', { name: 'Mulai siklus' }).click()
    // Nothing starts before the administrator has seen the period, the SOP and the units.
    const confirm = page.getByRole('dialog', { name: 'Mulai Triwulan I 2027?' })
    await expect(confirm.getByTestId('confirm-period')).toHaveText('Triwulan I 2027')
    await expect(confirm.getByTestId('confirm-template')).toContainText('Monitoring/Evaluasi Internal Capaian Kinerja · Versi 1')
    await expect(confirm.getByTestId('confirm-units').getByRole('listitem')).toHaveCount(UNITS.length)
    if (lookFirst) {
      await confirm.getByRole('button', { name: 'Kembali' }).click()
      await expect(confirm).toBeHidden()
      expect(await listCycles(admin)).toEqual([])
      await form.getByRole('button', { name: 'Mulai siklus' }).click()
    }
    await confirm.getByRole('button', { name: 'Mulai Triwulan I 2027' }).click()
    return form
  }

  // No cycle yet: the list says what a new install needs, with the user already added ticked off.
  const firstSteps = page.getByTestId('first-steps')
  await expect(firstSteps.getByTestId('first-step-users')).toHaveAttribute('data-done', 'true')
  await expect(firstSteps.getByRole('link', { name: /Tambahkan pengguna/ })).toHaveAttribute('href', '/admin/users')
  await expect(firstSteps.getByRole('button', { name: 'Mulai siklus pertama' })).toBeVisible()

  await startTriwulanI2027({ lookFirst: true })
  await expect(page).toHaveURL(/\/cycles\/[0-9a-f]{24}$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Triwulan I 2027' })).toBeVisible()
  await expect(page.getByTestId('toast').filter({ hasText: 'Triwulan I 2027 dimulai.' })).toBeVisible()
  // One card per unit, all with the Sekretaris in step 1.
  const start = cellOf(page, 1, 'sekretaris')
  await expect(start.locator('[data-testid^="card-"]')).toHaveCount(UNITS.length)
  for (const unit of UNITS) {
    await expect(start.getByTestId(`card-${unit.id}`)).toBeVisible()
    await expect(cardOf(page, unit.id)).toHaveAttribute('data-step', '1')
    await expect(cardOf(page, unit.id)).toHaveAttribute('data-lane', 'sekretaris')
  }

  // Back on the list: the cycle, with the time it was made on an office clock (WITA).
  await page.getByRole('link', { name: 'Daftar siklus' }).click()
  const [cycle] = await listCycles(admin)
  expect(cycle?.title).toBe('Triwulan I 2027')
  const item = page.getByRole('listitem').filter({ hasText: 'Triwulan I 2027' })
  await expect(item).toContainText('4 unit')
  await expect(item).toContainText(`, ${witaClock(cycle?.createdAt ?? '')}`)

  await expect(page.getByTestId('first-steps')).toHaveCount(0)

  // Again: refused, and nothing new is made.
  const form = await startTriwulanI2027()
  await expect(form.getByRole('alert')).toHaveText('Triwulan I 2027 sudah dimulai')
  await expect(page).toHaveURL(/\/$/)
  expect((await listCycles(admin)).map((c) => c.title)).toEqual(['Triwulan I 2027'])
})
