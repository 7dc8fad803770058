import { describe, expect, it } from 'vitest'
import { historyCells, historyHeader, toCsv, visitCells, visitHeader } from './csv'
import { ExportQuery, exportWords } from './words'

describe('toCsv', () => {
  it.each([
    ['plain text', 'Sekretariat', 'Sekretariat'],
    ['a whole number', 15, '15'],
    ['a decimal, with a decimal comma', 1.5, '1,5'],
    ['nothing', null, ''],
    ['the separator, quoted', 'a;b', '"a;b"'],
    ['a quote, doubled', 'kata "baku"', '"kata ""baku"""'],
    ['a line break, quoted', 'baris 1\nbaris 2', '"baris 1\nbaris 2"'],
    ['a formula, neutralised', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a leading minus in text, neutralised', '-1+1', "'-1+1"],
  ])('writes %s', (_label, value, cell) => {
    expect(toCsv(['h'], [[value]])).toBe(`\uFEFFh\r\n${cell}\r\n`)
  })

  it('separates fields with ";" and rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [2, 'y']])).toBe('\uFEFFa;b\r\n1;x\r\n2;y\r\n')
  })
})

describe('the words of an export', () => {
  const id = exportWords('id')
  const en = exportWords('en')
  const visit = {
    unit: 'Bidang PPIK',
    unitShort: 'PPIK',
    step: 14,
    stepTitle: null,
    role: 'Sekretaris',
    enteredAt: new Date(0),
    leftAt: null,
    workingMinutes: 10,
    standardMinutes: 15,
    withinStandard: true,
    round: 1,
    movedBy: 'Admin Utama',
    note: '',
  }
  const move = { unit: 'Bidang PPIK', unitShort: 'PPIK', at: new Date(0), kind: 'handoff' as const, by: 'Budi', fromStep: 2, fromRole: 'A', toStep: 2, toRole: 'B', note: '' }

  it('come from the page\'s locale, Indonesian unless English is asked for', () => {
    expect(ExportQuery.parse({}).lang).toBe('id')
    expect(ExportQuery.parse({ lang: 'en' }).lang).toBe('en')
    expect(ExportQuery.parse({ lang: 'fr' }).lang).toBe('id')
    expect(ExportQuery.parse({ lang: ['en', 'id'] }).lang).toBe('id')
  })

  it('name the columns in Indonesian or English', () => {
    expect(visitHeader(id)).toEqual([
      'Unit', 'Singkatan', 'Tahap', 'Uraian tahap', 'Peran', 'Masuk (WITA)', 'Keluar (WITA)', 'Waktu kerja (menit)',
      'Standar (menit)', 'Sesuai standar', 'Putaran', 'Dipindahkan oleh', 'Catatan',
    ])
    expect(visitHeader(en)).toEqual([
      'Unit', 'Short name', 'Step', 'Step description', 'Role', 'Entered (WITA)', 'Left (WITA)', 'Working time (minutes)',
      'Standard (minutes)', 'Within standard', 'Round', 'Moved by', 'Note',
    ])
    // No operation ids: they are the server's, not the reader's (the audit trail has them).
    expect(historyHeader(id)).toEqual(['Unit', 'Singkatan', 'Waktu (WITA)', 'Jenis', 'Oleh', 'Dari tahap', 'Dari peran', 'Ke tahap', 'Ke peran', 'Catatan'])
    expect(historyHeader(en)).toEqual(['Unit', 'Short name', 'Time (WITA)', 'Kind', 'By', 'From step', 'From role', 'To step', 'To role', 'Note'])
  })

  it('word the flags, the finished column, the kinds of move and the cycle title', () => {
    const time = () => 't'
    expect([id, en].map((w) => visitCells(visit, time, w).filter((_, i) => i === 3 || i === 9))).toEqual([
      ['Selesai', 'Ya'],
      ['Finished', 'Yes'],
    ])
    expect(visitCells({ ...visit, withinStandard: null }, time, en)[9]).toBe('')
    expect([id, en].map((w) => historyCells(move, time, w)[3])).toEqual(['Serah terima', 'Handed over'])
    expect([id, en].map((w) => historyCells({ ...move, kind: 'undo' }, time, w)[3])).toEqual(['Diurungkan', 'Undone'])
    expect([id, en].map((w) => w.cycleTitle({ year: 2027, quarter: 1 }))).toEqual(['Triwulan I 2027', 'Quarter I 2027'])
  })
})
