import { USERS, cardOf, expect, test } from './helpers'

/*
 * Notes can be mended: the Kasubag names the Sekretaris in a note by typing "@" and picking her
 * from the list; she is notified with the note. He then edits it (both panels show it as edited)
 * and deletes it (gone from both, and the card's count with it). The Sekretaris cannot touch his note.
 */
test('a note names a colleague with "@", who is notified; its author edits and deletes it, seen live', async ({ boardAs }) => {
  const kasubag = await boardAs(USERS.kasubag)
  const sekretaris = await boardAs(USERS.sekretaris)

  await cardOf(kasubag, 'psdm').click()
  const writing = kasubag.getByTestId('card-panel')
  await cardOf(sekretaris, 'psdm').click()
  const watching = sekretaris.getByTestId('card-panel')
  await expect(watching).toContainText('Belum ada catatan.')

  const input = writing.getByTestId('note-input')
  await input.click()
  await input.pressSequentially('Mohon dicek @sit')
  const list = writing.getByTestId('mention-list')
  await expect(list.getByRole('option', { name: /Siti Sekretaris/ })).toBeVisible()
  await input.press('Enter')
  await expect(input).toHaveValue('Mohon dicek @sekretaris ')
  await input.pressSequentially('sebelum diteruskan.')
  await input.press('Enter')

  const seen = watching.getByTestId('note-item')
  await expect(seen).toHaveText(/Mohon dicek @sekretaris sebelum diteruskan\./)
  // The named colleague hears of it, with the note, even with the board open.
  await expect(sekretaris.getByTestId('toast').filter({ hasText: 'Anda disebut dalam catatan PSDM' })).toBeVisible()
  await sekretaris.getByTestId('notifications-bell').click()
  const mention = sekretaris.getByTestId('notification-item').filter({ hasText: 'Anda disebut dalam catatan PSDM' })
  await expect(mention.getByTestId('notification-note')).toHaveText('Mohon dicek @sekretaris sebelum diteruskan.')
  await sekretaris.keyboard.press('Escape')

  // Only the author may change it.
  await expect(seen.getByTestId('note-edit')).toHaveCount(0)
  const own = writing.getByTestId('note-item')
  await own.getByTestId('note-edit').click()
  const editor = own.getByTestId('note-edit-input')
  await expect(editor).toBeFocused()
  await editor.fill('Mohon dicek @sekretaris: tabel 3 belum lengkap.')
  await own.getByTestId('note-save').click()
  await expect(seen).toContainText('tabel 3 belum lengkap.')
  await expect(seen.getByTestId('note-edited')).toContainText(/diubah \d{1,2} \S+ \d{4}, \d{2}\.\d{2} WITA/)
  await expect(cardOf(sekretaris, 'psdm').getByTestId('badge-notes')).toHaveText(/1/)

  await own.getByTestId('note-delete').click()
  await own.getByTestId('note-delete-confirm').click()
  await expect(watching.getByTestId('note-item')).toHaveCount(0)
  await expect(watching).toContainText('Belum ada catatan.')
  await expect(cardOf(sekretaris, 'psdm').getByTestId('badge-notes')).toHaveCount(0)
})
