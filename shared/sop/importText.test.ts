// shared/ is type-checked for the client (no Node types) and for the server (no Vite types); a ?raw
// import needs only Vite's, which declare modules and import.meta and nothing a server could misuse.
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'
import { TemplateInput } from '../protocol/templates'
import { MONEV_KINERJA } from './balangan'
import { IMPORT_ERRORS, importSopText, type ImportIssue, type ImportIssueCode, type ImportParams } from './importText'
import type { SopStep } from '../domain/template'
// A byte-for-byte copy of the seed document: CI has the repository only, not shared/seed.
import SEED from './fixtures/monev-kinerja.txt?raw'

const seed = importSopText(SEED)

const at = (issues: ImportIssue[], line: number | undefined) => issues.filter((i) => i.line === line)
const errorsOf = (issues: ImportIssue[]) => issues.filter((i) => i.severity === 'error')

describe('importing the seed document', () => {
  it('reads every identity field the shipped template has', () => {
    expect(seed.draft.identity).toEqual(MONEV_KINERJA.identity)
    expect(seed.draft.id).toBe('monitoring-evaluasi-internal-capaian-kinerja')
  })

  it('reads the lanes, warning where page headers name a column differently', () => {
    expect(seed.draft.lanes).toEqual(MONEV_KINERJA.lanes)
    // Line 26 is page 1's lane row; lines 39 and 48 are the later pages'.
    const column = (id: string) => MONEV_KINERJA.lanes.findIndex((l) => l.id === id) + 1
    const differs = (column: number, other: string, name: string) => ({
      code: 'laneNameDiffers',
      severity: 'warning',
      line: 26,
      params: { column, other, otherLines: '26', name, lines: '39, 48' },
    })
    expect(at(seed.issues, 26)).toEqual([differs(column('kasubag_program'), 'Kasubag program', 'Kasubag Program'), differs(column('kepala_badan'), 'Kepala Dinas', 'Kepala Badan')])
  })

  // What the seed says where the shipped template corrected it: step 3's Output is a slip (DESIGN.md
  // §2); step 6's differs from every other "Draft laporan …" in the case of one letter.
  const SEED_WORDING: Partial<Record<number, Partial<SopStep>>> = {
    3: { output: '7 hari' },
    6: { output: 'Draft Laporan monitoring evaluasi kinerja' },
  }
  it.each(MONEV_KINERJA.steps)('reads step $no as the shipped template has it', (shipped) => {
    const step = seed.draft.steps[shipped.no - 1]
    const { no, title, kelengkapan, waktu, output } = shipped
    expect(step).toMatchObject({ no, title, kelengkapan, waktu, output, ...SEED_WORDING[no] })
    expect(step?.shortTitle.length).toBeLessThanOrEqual(40)
  })

  it('flags step 3\'s Output "7 hari" on its line', () => {
    expect(at(seed.issues, 30)).toContainEqual({ code: 'outputLooksLikeWaktu', severity: 'warning', line: 30, params: { step: 3, output: '7 hari' } })
  })

  it('merges step 7\'s Output, continued after the page break, and takes its arrow for a connector', () => {
    expect(seed.draft.steps).toHaveLength(13)
    expect(seed.draft.steps[6]?.output).toBe('Draft laporan monitoring evaluasi kinerja')
    expect(at(seed.issues, 41)).toEqual([])
  })

  it.each([
    [1, ['sekretaris']],
    [8, ['kasubag_program']],
    [9, ['kasubag_program']],
    [10, ['kasubag_program']],
    [11, ['kasubag_program']],
    [12, ['kasubag_program']],
    // Its "↓" under Kasubag Program is the flow line from step 12, not a second executor.
    [13, ['sekretaris']],
  ])('sets step %i\'s lanes from its surviving executor mark', (no, lanes) => {
    expect(seed.draft.steps[no - 1]).toMatchObject({ lanes, defaultLane: lanes[0] })
  })

  it.each([2, 3, 4, 5, 6, 7])('leaves step %i\'s lanes empty with a warning, its marks being lost', (no) => {
    const line = 27 + no
    expect(seed.draft.steps[no - 1]).toMatchObject({ lanes: [], defaultLane: '' })
    expect(at(seed.issues, line)).toContainEqual({ code: 'noExecutor', severity: 'warning', line, params: { step: no, title: MONEV_KINERJA.steps[no - 1]?.title } })
  })

  it('raises nothing else: no errors, the warnings in reading order', () => {
    expect(errorsOf(seed.issues)).toEqual([])
    expect(seed.issues.map((i) => i.line)).toEqual([26, 26, 29, 30, 30, 31, 32, 33, 34])
  })

  it('gives a draft TemplateInput accepts once the administrator picks lanes for steps 2–7', () => {
    const reviewed = {
      ...seed.draft,
      steps: seed.draft.steps.map((s, i) => (s.lanes.length > 0 ? s : { ...s, lanes: MONEV_KINERJA.steps[i]!.lanes, defaultLane: MONEV_KINERJA.steps[i]!.defaultLane })),
    }
    expect(TemplateInput.safeParse(reviewed).error).toBeUndefined()
  })

  it('reads CRLF line endings as LF', () => {
    expect(importSopText(SEED.replace(/\n/g, '\r\n'))).toEqual(seed)
  })
})

/** A one-page SOP with two lanes; `rows` start on line 7. */
function onePage(...rows: string[][]): string {
  return [
    'Nomor SOP\t:\t01/SOP/2024',
    'Nama SOP\t:\tPelayanan Surat Masuk',
    '',
    'No.\tUraian Prosedur\tPelaksana\t\tMutu Baku\t\t\tKet.',
    '\t\tStaf\tKepala Seksi\tKelengkapan dan Peralatan\tWaktu\tOutput\t',
    '1\t2\t3\t4\t5\t6\t7\t8',
    ...rows.map((cells) => cells.join('\t')),
  ].join('\n')
}

const RECEIVE = ['1.', 'Menerima surat masuk', 'Mulai', '', 'Buku agenda', '15 Menit', 'Surat teragenda', '-']
const REVIEW = ['2.', 'Memeriksa surat', '', '□', 'Surat, Lembar disposisi', '1 Jam', 'Disposisi', '-']
const FILE = ['3.', 'Mengarsipkan surat', '□', '', 'Map arsip', '2 Hari', 'Arsip', 'Tidak → kembali ke Tahap 2']

describe('a document with only one page', () => {
  const result = importSopText(onePage(RECEIVE, REVIEW, FILE))

  it('reads a complete draft without issues', () => {
    expect(result.issues).toEqual([])
    expect(result.draft).toEqual({
      id: 'pelayanan-surat-masuk',
      identity: expect.objectContaining({ number: '01/SOP/2024', name: 'Pelayanan Surat Masuk', revisedOn: '' }),
      lanes: [
        { id: 'staf', name: 'Staf', unitScoped: false },
        { id: 'kepala_seksi', name: 'Kepala Seksi', unitScoped: true },
      ],
      steps: [
        {
          no: 1,
          title: 'Menerima surat masuk',
          shortTitle: 'Menerima surat masuk',
          lanes: ['staf'],
          defaultLane: 'staf',
          kelengkapan: ['Buku agenda'],
          waktu: { amount: 15, unit: 'menit' },
          output: 'Surat teragenda',
          keterangan: '',
        },
        expect.objectContaining({ no: 2, lanes: ['kepala_seksi'], kelengkapan: ['Surat', 'Lembar disposisi'], waktu: { amount: 1, unit: 'jam' } }),
        expect.objectContaining({ no: 3, decision: { noReturnsTo: 2, question: 'Mengarsipkan surat?' } }),
      ],
    })
    expect(TemplateInput.safeParse(result.draft).error).toBeUndefined()
  })

  it.each([
    ['Tidak → kembali ke Tahap 1', { noReturnsTo: 1, question: 'Memeriksa surat?' }],
    ['Ya: lanjut; Tidak: ke langkah 1', { noReturnsTo: 1, question: 'Memeriksa surat?' }],
    ['Dikirim lewat kurir', undefined],
  ])('reads Ket "%s" as a decision or none', (ket, decision) => {
    const step = importSopText(onePage(RECEIVE, [...REVIEW.slice(0, 7), ket])).draft.steps[1]
    expect(step?.decision).toEqual(decision)
  })
})

describe('malformed documents', () => {
  const replaced = (row: string[], col: number, value: string) => row.map((c, i) => (i === col ? value : c))

  // The line (none: the whole document), the code and what the sentence quotes from the text.
  it.each<[string, string, number | undefined, ImportIssueCode, ImportParams?]>([
    ['an empty file', '', undefined, 'empty'],
    ['a file of blank lines', '\n  \r\n\t\n', undefined, 'empty'],
    ['no table at all', 'Nama SOP\t:\tPelayanan Surat Masuk\n\nUraian prosedur menyusul.', undefined, 'noTable'],
    ['a header without its lane row', 'No.\tUraian Prosedur\tPelaksana\tKet.\n1.\tMenerima\tMulai\t-', 1, 'noLaneRow'],
    ['a table without steps', onePage(), 4, 'noSteps'],
    ['a Waktu of "sebentar"', onePage(RECEIVE, replaced(REVIEW, 5, 'sebentar')), 8, 'waktuUnreadable', { step: 2, text: 'sebentar' }],
    ['an empty Waktu', onePage(replaced(RECEIVE, 5, '')), 7, 'waktuUnreadable', { step: 1, text: '' }],
    ['a skipped step number (1, 2, 4)', onePage(RECEIVE, REVIEW, replaced(FILE, 0, '4.')), 9, 'stepOrder', { no: 4, expected: 3 }],
    ['a row with a missing column', onePage(RECEIVE, REVIEW.slice(0, 7)), 8, 'columnCount', { count: 7, expected: 8, cells: '2. | Memeriksa surat | □ | Surat, Lembar disposisi | 1 Jam | Disposisi' }],
    ['a row with a column too many', onePage([...RECEIVE, 'lebih']), 7, 'columnCount', { count: 9, expected: 8, cells: '1. | Menerima surat masuk | Mulai | Buku agenda | 15 Menit | Surat teragenda | - | lebih' }],
    ['a step with no title', onePage(replaced(RECEIVE, 1, '')), 7, 'stepNoTitle', { step: 1 }],
    ['a continuation before any step', onePage(['', 'lanjutan', '', '', '', '', '', ''], RECEIVE), 7, 'rowBeforeFirstStep'],
    ['an unknown unit word', onePage(replaced(RECEIVE, 5, '2 Bulan')), 7, 'waktuUnit', { step: 1, unit: 'Bulan' }],
    ['a step with no executor mark', onePage(replaced(RECEIVE, 2, '')), 7, 'noExecutor', { step: 1, title: 'Menerima surat masuk' }],
    ['an unreadable date', `Tanggal Pembuatan\t:\t31 Juni 2023\n${onePage(RECEIVE)}`, 1, 'dateUnreadable', { value: '31 Juni 2023', label: 'Tanggal Pembuatan' }],
  ])('%s', (_name, text, line, code, params) => {
    const { issues } = importSopText(text)
    const severity = code in IMPORT_ERRORS ? 'error' : 'warning'
    expect(issues).toContainEqual({ code, severity, ...(line === undefined ? {} : { line }), ...(params ? { params } : {}) })
    // The problem is reported once, and nothing else is called an error.
    expect(errorsOf(issues)).toHaveLength(severity === 'error' ? 1 : 0)
  })

  it('keeps what a broken row still says: its number and title', () => {
    const skipped = importSopText(onePage(RECEIVE, REVIEW, replaced(FILE, 0, '4.'))).draft.steps
    expect(skipped.map((s) => s.no)).toEqual([1, 2, 4])
    const short = importSopText(onePage(RECEIVE, REVIEW.slice(0, 7))).draft.steps[1]
    expect(short).toMatchObject({ no: 2, title: 'Memeriksa surat', lanes: [], waktu: { amount: 0 } })
  })

  it('leaves an unreadable Waktu at zero, which the editor then refuses', () => {
    const draft = importSopText(onePage(RECEIVE, replaced(REVIEW, 5, 'sebentar'))).draft
    expect(draft.steps[1]?.waktu).toEqual({ amount: 0, unit: 'hari' })
    expect(TemplateInput.safeParse(draft).error?.issues[0]?.path).toEqual(['steps', 1, 'waktu', 'amount'])
  })

  it('imports nothing from an empty file', () => {
    expect(importSopText('').draft).toMatchObject({ id: '', lanes: [], steps: [], identity: { name: '', legalBases: [] } })
  })
})
