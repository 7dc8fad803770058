import { afterEach, describe, expect, it, vi } from 'vitest'
import { ERROR_CODES, ERROR_REASONS } from '@shared/protocol/errorCodes'
import en from '../../i18n/en.json'
import id from '../../i18n/id.json'
import { testCard } from '../../board/testCard'
import { i18n } from '../../i18n'
import { errorText } from './text'

// The app's i18n module sets the page's language when imported; these tests run without a page.
vi.mock('../../i18n', async () => {
  const { createI18n } = await import('vue-i18n')
  const { default: id } = await import('../../i18n/id.json')
  const { default: en } = await import('../../i18n/en.json')
  return { i18n: createI18n({ legacy: false, locale: 'id', fallbackLocale: 'id', messages: { id, en } }) }
})

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const reasonsOf = (messages: typeof id) => messages.errors.reason as Record<string, string>

afterEach(() => {
  i18n.global.locale.value = 'id'
})

describe('error texts', () => {
  it('has a sentence for every reason and code, in both languages, naming the same params', () => {
    for (const reason of ERROR_REASONS) {
      const inId = reasonsOf(id)[reason]
      const inEn = reasonsOf(en)[reason]
      expect(inId, `id ${reason}`).toBeTruthy()
      expect(inEn, `en ${reason}`).toBeTruthy()
      expect(placeholders(inEn ?? ''), reason).toEqual(placeholders(inId ?? ''))
    }
    for (const code of [...ERROR_CODES, 'TIMEOUT', 'NETWORK'] as const) {
      expect((id.errors as Record<string, unknown>)[code], code).toBeTruthy()
      expect((en.errors as Record<string, unknown>)[code], code).toBeTruthy()
    }
    expect(Object.keys(reasonsOf(id)).sort()).toEqual([...ERROR_REASONS].sort())
    expect(Object.keys(reasonsOf(en)).sort()).toEqual([...ERROR_REASONS].sort())
  })

  it('words a reason with its params, in the reader\'s language', () => {
    const refusal = { code: 'FORBIDDEN', reason: 'not_your_lane', params: { unit: 'PPIK', lane: 'Sekretaris' } } as const
    expect(errorText(refusal)).toBe('Kartu PPIK sedang dipegang Sekretaris; hanya pemegang peran itu yang dapat memindahkannya.')
    i18n.global.locale.value = 'en'
    expect(errorText(refusal)).toBe('Card PPIK is held by Sekretaris; only that role may move it.')
  })

  it('says who moved a STALE card and where, from the params or from the card and the view', () => {
    const stale = { code: 'STALE', reason: 'stale', params: { name: 'Budi', step: 9, lane: 'Kepala Bidang' } } as const
    expect(errorText(stale)).toBe('Kartu ini baru saja dipindahkan oleh Budi ke Tahap 9 · Kepala Bidang.')
    const card = testCard({ id: 'c1', step: 14, lane: 'sekretaris', version: 7 })
    expect(errorText({ ...stale, card }, { placeOf: () => 'Selesai · Sekretaris' })).toBe('Kartu ini baru saja dipindahkan oleh Budi ke Selesai · Sekretaris.')
    i18n.global.locale.value = 'en'
    expect(errorText(stale)).toBe('This card was just moved by Budi to Step 9 · Kepala Bidang.')
    expect(errorText({ code: 'STALE', reason: 'stale', params: { step: 2, lane: 'Sekretaris' } })).toBe('This card has changed; it is now at Step 2 · Sekretaris.')
  })

  it('turns waits, sizes and file kinds into words', () => {
    i18n.global.locale.value = 'en'
    expect(errorText({ code: 'RATE_LIMITED', reason: 'rate_limited', params: { retryAfterSeconds: 1 } })).toBe('Too many sign-in attempts. Try again in 1 second.')
    expect(errorText({ code: 'RATE_LIMITED', reason: 'rate_limited', params: { retryAfterSeconds: 600 } })).toBe('Too many sign-in attempts. Try again in 10 minutes.')
    expect(errorText({ code: 'VALIDATION', reason: 'document_too_large', params: { maxBytes: 1.5 * 1024 * 1024 } })).toBe('The file is too large. The maximum size is 1.5 MB.')
    expect(errorText({ code: 'VALIDATION', reason: 'document_type', params: { detected: 'unknown' } })).toMatch(/^File type not accepted \(unknown type\)\. Upload PDF/)
    i18n.global.locale.value = 'id'
    expect(errorText({ code: 'VALIDATION', reason: 'document_too_large', params: { maxBytes: 1.5 * 1024 * 1024 } })).toBe('Berkas terlalu besar. Ukuran maksimum 1,5 MB.')
    expect(errorText({ code: 'CONFLICT', reason: 'cycle_started', params: { year: 2026, quarter: 1 } })).toBe('Triwulan I 2026 sudah dimulai.')
  })

  it('falls back to the code, and to the general sentence for anything that is not an error of ours', () => {
    expect(errorText({ code: 'DB_UNAVAILABLE' })).toBe(id.errors.DB_UNAVAILABLE)
    expect(errorText({ code: 'TIMEOUT' })).toBe(id.errors.TIMEOUT)
    expect(errorText(new TypeError('x is undefined'))).toBe(id.errors.INTERNAL)
    expect(errorText({ code: 'RATE_LIMITED', reason: 'rate_limited' })).toBe(id.errors.RATE_LIMITED)
  })
})
