import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'

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
