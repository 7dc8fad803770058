import { describe, expect, it } from 'vitest'
import { mentionPieces, mentionsIn } from './mentions'

describe('mentionsIn', () => {
  it('finds each @username once, lower-cased, without the dot that ends a sentence', () => {
    expect(mentionsIn('Mohon dicek @kasubag dan @Kabid.PPIK. Terima kasih @kasubag!')).toEqual(['kasubag', 'kabid.ppik'])
  })

  it('takes no e-mail address, no bare "@" and no name shorter than a username', () => {
    expect(mentionsIn('kirim ke siti@bkpsdm.go.id, @ saja, @ab')).toEqual([])
  })

  it('reads a mention at the start of a line and after punctuation', () => {
    expect(mentionsIn('@sekretaris\n(@kasubag) "@admin"')).toEqual(['sekretaris', 'kasubag', 'admin'])
  })
})

describe('mentionPieces', () => {
  it('cuts the text into plain pieces and mentions, losing nothing', () => {
    const text = 'Mohon @kiki. cek siti@bkpsdm.go.id, @budi.ppik'
    const pieces = mentionPieces(text)
    expect(pieces).toEqual([
      { text: 'Mohon ', mention: null },
      { text: '@kiki', mention: 'kiki' },
      { text: '. cek siti@bkpsdm.go.id, ', mention: null },
      { text: '@budi.ppik', mention: 'budi.ppik' },
    ])
    expect(pieces.map((p) => p.text).join('')).toBe(text)
  })
})
