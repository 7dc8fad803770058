import { PASSWORD, createUser, expect, expectBoardLive, test } from './helpers'

/*
 * An account looked after by the administrator: its details edited on the Pengguna page, and a
 * forgotten password reset to a temporary one that its owner must replace at the next sign-in.
 */
test('the administrator edits an account and resets its password; the owner signs in with it and must choose a new one', async ({ browser, admin, cycle }) => {
  const username = `lupa${Date.now() % 100_000}`
  await createUser(admin, { name: 'Rahmat Lupa', username, role: 'sekretaris', unitId: null })

  const adminPage = await (await browser.newContext({ storageState: await admin.storageState() })).newPage()
  const owner = await (await browser.newContext()).newPage()
  try {
    await adminPage.goto('/admin/users')
    const row = adminPage.getByRole('row').filter({ has: adminPage.getByRole('cell', { name: username, exact: true }) })
    await row.getByRole('button', { name: 'Ubah Rahmat Lupa' }).click()
    const edit = adminPage.getByRole('dialog', { name: 'Ubah akun Rahmat Lupa' })
    await edit.getByLabel('Nama', { exact: true }).fill('Rahmat Hidayat')
    await edit.getByLabel('NIP (opsional)').fill('198501012010011001')
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click()
    await expect(adminPage.getByTestId('toast').filter({ hasText: 'Akun Rahmat Hidayat disimpan.' })).toBeVisible()
    await expect(row).toContainText('Rahmat Hidayat')
    await expect(row).toContainText('198501012010011001')

    await row.getByRole('button', { name: 'Atur ulang kata sandi Rahmat Hidayat' }).click()
    const reset = adminPage.getByRole('dialog', { name: 'Atur ulang kata sandi Rahmat Hidayat?' })
    await reset.getByTestId('reset-confirm').click()
    const temporary = (await reset.getByTestId('temporary-password').textContent())?.trim() ?? ''
    expect(temporary).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/)
    await expect(reset).toContainText('Berlaku sampai')
    await reset.getByRole('button', { name: 'Tutup', exact: true }).last().click()
    await expect(row.getByTestId('must-change')).toBeVisible()

    // The owner: the old password no longer works, the temporary one leads to the password page only.
    await owner.goto('/login')
    await owner.locator('#username').fill(username)
    await owner.locator('#password').fill(PASSWORD)
    await owner.locator('button[type=submit]').click()
    await expect(owner.getByRole('alert')).toBeVisible()
    await owner.locator('#password').fill(temporary)
    await owner.locator('button[type=submit]').click()
    await expect(owner).toHaveURL(/\/kata-sandi$/)
    await expect(owner.getByText('Administrator mengatur ulang kata sandi Anda.')).toBeVisible()
    await owner.goto(`/cycles/${cycle.id}`)
    await expect(owner).toHaveURL(/\/kata-sandi$/)

    await owner.locator('#password-current').fill(temporary)
    await owner.locator('#password-new').fill('ganti-kunci-rahmat-27')
    await owner.locator('#password-confirm').fill('ganti-kunci-rahmat-27')
    await owner.locator('button[type=submit]').click()
    await expect(owner.getByTestId('toast').filter({ hasText: 'Kata sandi diganti' })).toBeVisible()
    await owner.goto(`/cycles/${cycle.id}`)
    await expectBoardLive(owner, cycle.title)
    // The administrator's list says the reset is over.
    await adminPage.reload()
    await expect(adminPage.getByRole('row').filter({ hasText: username }).getByTestId('must-change')).toHaveCount(0)
  } finally {
    await adminPage.context().close()
    await owner.context().close()
  }
})
