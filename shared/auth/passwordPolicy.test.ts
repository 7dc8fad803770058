import { describe, expect, it } from 'vitest'
import { passwordWeakness, type PasswordWeakness } from './passwordPolicy'

describe('passwordWeakness', () => {
  it.each<[string, string, string | undefined, PasswordWeakness | null]>([
    // label, password, username, expected
    ['nine characters', 'pendek789', undefined, 'short'],
    ['empty', '', undefined, 'short'],
    ['one repeated character', 'aaaaaaaaaa', undefined, 'pattern'],
    ['one repeated character, any case', 'AaAaAaAaAa', undefined, 'pattern'],
    ['one repeated digit', '00000000000', undefined, 'pattern'],
    ['a repeated pair', '1212121212', undefined, 'pattern'],
    ['a repeated block of four', 'asdfasdfasdf', undefined, 'pattern'],
    ['a repeated block with a partial end', 'abcabcabca', undefined, 'pattern'],
    ['an ascending run', '0123456789', undefined, 'pattern'],
    ['a descending run', '9876543210', undefined, 'pattern'],
    ['a run of letters', 'abcdefghij', undefined, 'pattern'],
    ['a common password', 'password!!', undefined, 'common'],
    ['a common password in capitals', 'PASSWORD!!', undefined, 'common'],
    ['a common password with digits after', 'password123', undefined, 'common'],
    ['a common password with symbols around', '2024dragon!!', undefined, 'common'],
    ['letter substitutions', 'P@ssw0rd!!', undefined, 'common'],
    ['letter substitutions and digits', 'p@ssw0rd2024', undefined, 'common'],
    ['a keyboard row', 'qwertyuiop', undefined, 'common'],
    ['Indonesian: bismillah', 'bismillah!', undefined, 'common'],
    ['Indonesian: indonesia with a year', 'indonesia2045', undefined, 'common'],
    ['Indonesian: sayang with digits', 'sayang1234', undefined, 'common'],
    ['Indonesian: s4y4ng', 's4y4ngku12', undefined, 'common'],
    ['local: balangan123', 'balangan123', undefined, 'common'],
    ['local: the office', 'Bkpsdm2025!', undefined, 'common'],
    ['the username itself', 'kurnia.dewi', 'kurnia.dewi', 'username'],
    ['the username in another case', 'KURNIA.DEWI', 'kurnia.dewi', 'username'],
    ['the username with digits', 'kurnia2024', 'kurnia', 'username'],
    ['the username inside', 'sandi-admin-123', 'admin', 'username'],
    ['the username with other separators', 'Kurnia_Dewi_88', 'kurnia.dewi', 'username'],
    ['the username backwards', 'ainruk-99-99', 'kurnia', 'username'],
    ['a three-letter username with digits only', 'ani20242024', 'ani', 'username'],
    ['a three-letter username inside a word', 'kanibal-hijau-7', 'ani', null],
    ['a passphrase', 'kopi-pagi-di-paringin', undefined, null],
    ['a passphrase for a user', 'rahasia-sekali-123', 'admin', null],
    ['random characters', 'x7#Lq9!vB2', 'budi', null],
    ['a common word inside a longer phrase', 'sayang-keluarga-kecil', undefined, null],
    ['eight digits that are no pattern', '19450817xy', undefined, null],
  ])('%s', (_label, password, username, expected) => {
    expect(passwordWeakness(password, { username })).toBe(expected)
  })

  it('checks the username only when it is given', () => {
    expect(passwordWeakness('kurnia.dewi')).toBeNull()
  })
})
