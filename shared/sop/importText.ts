import { blankIdentity, type SopDecision, type SopIdentity, type SopLane, type SopStep, type SopTemplate, type Waktu, type WaktuUnit } from '../domain/template'

/**
 * Reads an SOP-AP document as text (the layout of the seed: identity lines, two-column list blocks,
 * the procedure table spread over pages with repeated headers, the signature) into a DRAFT
 * template. Nothing here is trusted: an administrator reviews the draft in the editor, where
 * TemplateInput validates it, so the importer keeps whatever the text supports and says, line by
 * line, where it had to guess (warning) or could not read the text (error).
 */

/** A template before the server gives it a version: what the editor edits. */
export type SopDraft = Omit<SopTemplate, 'version'>

/**
 * What the importer can say about a document, as codes: the client words each one in its locale
 * (`templates.import.issues.<code>`), with the line beside it and `params` in the sentence.
 * Errors: the text could not be read there. Warnings: the importer guessed, or left a field empty.
 */
export const IMPORT_ERRORS = {
  empty: [],
  noTable: [],
  noLaneRow: [],
  noLaneColumns: [],
  headerMismatch: ['lanes', 'columns', 'firstLine', 'firstLanes', 'firstColumns'],
  columnCount: ['count', 'expected', 'cells'],
  rowBeforeFirstStep: [],
  stepOrder: ['no', 'expected'],
  noSteps: [],
  stepNoTitle: ['step'],
  waktuUnreadable: ['step', 'text'],
} as const
export const IMPORT_WARNINGS = {
  noName: [],
  noNumber: [],
  dateUnreadable: ['value', 'label'],
  listColumns: ['headings', 'count', 'expected'],
  listHeadingUnknown: ['heading'],
  notStepRow: ['cells'],
  laneNameDiffers: ['column', 'other', 'otherLines', 'name', 'lines'],
  laneUnnamed: ['column'],
  laneIdTaken: ['name', 'column', 'id'],
  noExecutor: ['step', 'title'],
  outputLooksLikeWaktu: ['step', 'output'],
  waktuUnit: ['step', 'unit'],
} as const
/** Each code with the names of its params: what its sentence may quote. */
export const IMPORT_PARAMS = { ...IMPORT_ERRORS, ...IMPORT_WARNINGS }
export type ImportErrorCode = keyof typeof IMPORT_ERRORS
export type ImportWarningCode = keyof typeof IMPORT_WARNINGS
export type ImportIssueCode = ImportErrorCode | ImportWarningCode
export const IMPORT_ISSUE_CODES = Object.keys(IMPORT_PARAMS) as ImportIssueCode[]

/** Words and numbers from the document for the sentence; never the issue's own line, which `line` gives. */
export type ImportParams = Record<string, string | number>

export interface ImportIssue {
  code: ImportIssueCode
  severity: 'error' | 'warning'
  /** 1-based line of the source text; absent when the issue is about the whole document. */
  line?: number
  params?: ImportParams
}

export interface SopImport {
  draft: SopDraft
  issues: ImportIssue[]
}

export function importSopText(text: string): SopImport {
  const lines = text.split(/\r\n|\r|\n/).map((t, i): Line => ({ no: i + 1, text: t }))
  const log = new IssueLog()
  if (lines.every((l) => l.text.trim() === '')) {
    log.error('empty', null)
    return { draft: { id: '', identity: blankIdentity(), lanes: [], steps: [] }, issues: log.sorted() }
  }
  const tableAt = lines.findIndex((l) => isTableHeader(cellsOf(l.text)))
  if (tableAt < 0) log.error('noTable', null)
  const before = tableAt < 0 ? lines : lines.slice(0, tableAt)
  const table = tableAt < 0 ? null : readTable(lines.slice(tableAt), log)
  const after = table ? lines.slice(table.endIndex + tableAt + 1) : []

  const identity = readIdentity(before, after, log)
  const lanes = table ? chooseLanes(table.laneSightings, log) : []
  const steps = table ? table.rows.map((row) => buildStep(row, table.layout, lanes, log)) : []
  if (table && steps.length === 0) log.error('noSteps', table.layout.headerLine)
  return { draft: { id: slug(identity.name, '-', 60), identity, lanes, steps }, issues: log.sorted() }
}

interface Line {
  no: number
  text: string
}

/** The params a code's sentence needs, as one argument, or no argument when it needs none. */
type ParamsArg<C extends ImportIssueCode> = (typeof IMPORT_PARAMS)[C] extends readonly []
  ? []
  : [params: Record<(typeof IMPORT_PARAMS)[C][number], string | number>]

/** `line` null: the whole document. Errors and warnings take their own codes, so a code has one severity. */
class IssueLog {
  private readonly list: ImportIssue[] = []
  error<C extends ImportErrorCode>(code: C, line: number | null, ...params: ParamsArg<C>): void {
    this.add({ code, severity: 'error' }, line, params[0])
  }
  warn<C extends ImportWarningCode>(code: C, line: number | null, ...params: ParamsArg<C>): void {
    this.add({ code, severity: 'warning' }, line, params[0])
  }
  private add(issue: ImportIssue, line: number | null, params: ImportParams | undefined): void {
    this.list.push({ ...issue, ...(line === null ? {} : { line }), ...(params ? { params } : {}) })
  }
  /** In reading order, whole-document issues first, so the editor can show them beside the text; sort is stable within a line. */
  sorted(): ImportIssue[] {
    return [...this.list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  }
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function cellsOf(text: string): string[] {
  return text.split('\t').map(plainText)
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rarr: '→', darr: '↓' }

/** Tags removed, entities decoded, whitespace collapsed: the text a reader sees. */
function plainText(html: string): string {
  return (
    html
      // Only real tags (a letter after "<"), so a cell like "< 5 hari" survives.
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
      // &name; &#123; &#x7B;
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
        if (ref.startsWith('#')) {
          const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
          return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
        }
        return NAMED_ENTITIES[ref.toLowerCase()] ?? whole
      })
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/** The documents write "-" in a cell that has nothing to say. */
function dashIsEmpty(text: string): string {
  return /^[-–—]$/.test(text) ? '' : text
}

/** Lowercase ASCII words joined by `sep`, at most `max` characters. */
function slug(text: string, sep: '-' | '_', max: number): string {
  const joined = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
  const trim = (s: string) => s.split(sep).filter(Boolean).join(sep)
  return trim(trim(joined).slice(0, max))
}

// ---------------------------------------------------------------------------------------------
// Identity block (everything above the table) and signature (below it)

type IdentityTextField = 'number' | 'name' | 'approvedBy'
type IdentityDateField = 'createdOn' | 'revisedOn' | 'approvedOn'
type IdentityListField = 'legalBases' | 'qualifications' | 'relatedSops' | 'equipment' | 'warnings' | 'recording'

const IDENTITY_LABELS: Record<string, IdentityTextField | IdentityDateField> = {
  'nomor sop': 'number',
  'tanggal pembuatan': 'createdOn',
  'tanggal revisi': 'revisedOn',
  'tanggal pengesahan': 'approvedOn',
  'disahkan oleh': 'approvedBy',
  'nama sop': 'name',
}
const DATE_FIELDS: ReadonlySet<string> = new Set<IdentityDateField>(['createdOn', 'revisedOn', 'approvedOn'])

const LIST_HEADINGS: Record<string, IdentityListField> = {
  'dasar hukum': 'legalBases',
  'kualifikasi pelaksana': 'qualifications',
  keterkaitan: 'relatedSops',
  'peralatan/perlengkapan': 'equipment',
  'perlengkapan/peralatan': 'equipment',
  peringatan: 'warnings',
  'pencatatan dan pendataan': 'recording',
}

function readIdentity(before: Line[], after: Line[], log: IssueLog): SopIdentity {
  const identity = blankIdentity()
  const firstLabel = readLabelledLines(before, identity, log)
  identity.agency = readAgency(firstLabel < 0 ? before : before.slice(0, firstLabel))
  readListBlocks(before, identity, log)
  readSignature(after, identity)
  if (!identity.name) log.warn('noName', null)
  if (!identity.number) log.warn('noNumber', null)
  return identity
}

/** "Label<TAB>:<TAB>value" lines; returns the index of the first one, or -1. */
function readLabelledLines(lines: Line[], identity: SopIdentity, log: IssueLog): number {
  let first = -1
  lines.forEach((line, i) => {
    // "Nomor SOP	:	800/…": a label without a colon, a colon, the value (tabs or spaces around).
    const m = /^\s*([^:\t]+?)\s*:\s*(.*)$/.exec(line.text)
    const field = m && IDENTITY_LABELS[m[1]!.toLowerCase().replace(/\s+/g, ' ')]
    if (!m || !field) return
    if (first < 0) first = i
    const value = dashIsEmpty(plainText(m[2]!))
    if (!DATE_FIELDS.has(field)) {
      identity[field as IdentityTextField] = value
      return
    }
    const date = isoDateOf(value)
    if (date === null) log.warn('dateUnreadable', line.no, { value, label: m[1]! })
    identity[field as IdentityDateField] = date ?? ''
  })
  return first
}

const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember']

/** "30 November 2023" (or already ISO) → "2023-11-30"; "" stays ""; null when unreadable. */
function isoDateOf(text: string): string | null {
  if (text === '') return ''
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  // "30 November 2023": day, Indonesian month name, year.
  const long = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(text)
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : long
      ? [Number(long[3]), MONTHS.indexOf(long[2]!.toLowerCase()) + 1, Number(long[1])]
      : [0, 0, 0]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}

/** The bold header at the top, possibly over two lines: "**BADAN …  ⏎ KABUPATEN BALANGAN**". */
function readAgency(lines: Line[]): string {
  const start = lines.findIndex((l) => l.text.trim().startsWith('**'))
  if (start < 0) return ''
  const end = lines.findIndex((l, i) => i >= start && l.text.trim().endsWith('**') && (i > start || l.text.trim().length > 2))
  if (end < 0) return ''
  const bold = plainText(
    lines
      .slice(start, end + 1)
      .map((l) => l.text)
      .join(' ')
      .replace(/\*\*/g, ''),
  )
  return isShouting(bold) ? titleCase(bold) : bold
}

function isShouting(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase()
}

const LOWERCASE_WORDS = new Set(['dan', 'atau', 'di', 'ke', 'dari', 'untuk', 'yang', 'serta', 'pada', 'dengan', 'oleh', 'tentang'])

/** Headers are set in capitals; the template keeps names as written in prose. Acronyms come out as
 *  ordinary words ("Bkpsdm"): the administrator reviews the agency with the rest. */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && LOWERCASE_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ')
}

/** `<b>A</b>\t<b>B</b>` followed by a line of `<ol><li>…</li></ol>` cells, one per heading. */
function readListBlocks(lines: Line[], identity: SopIdentity, log: IssueLog): void {
  lines.forEach((line, i) => {
    const raw = line.text.split('\t')
    if (!raw.every((c) => /^\s*<b>.*<\/b>\s*$/i.test(c))) return
    const contents = lines.slice(i + 1).find((l) => l.text.trim() !== '')
    const cells = contents ? contents.text.split('\t') : []
    if (cells.length !== raw.length) {
      log.warn('listColumns', contents?.no ?? line.no, { headings: plainText(line.text), count: cells.length, expected: raw.length })
    }
    raw.map(plainText).forEach((heading, col) => {
      const field = LIST_HEADINGS[heading.toLowerCase().replace(/\s*\/\s*/g, '/')]
      if (!field) {
        log.warn('listHeadingUnknown', line.no, { heading })
        return
      }
      identity[field] = listItems(cells[col] ?? '')
    })
  })
}

/** The items of an `<ol>` cell, without their "1. " numbering; a cell without `<li>` is one item. */
function listItems(cell: string): string[] {
  // Each <li …>…</li>, lazily, so neighbouring items stay apart.
  const items = [...cell.matchAll(/<li\b[^>]*>(.*?)<\/li>/gis)].map((m) => m[1]!)
  return (items.length > 0 ? items : [cell])
    .map((item) => plainText(item).replace(/^(?:\d+|[a-z])[.)]\s+/i, '')) // "1. ", "2) ", "a. "
    .filter((item) => item !== '')
}

/** Below the table: the approver's name in bold, the rank on the next line, then "NIP. …". */
function readSignature(lines: Line[], identity: SopIdentity): void {
  const nameAt = lines.findLastIndex((l) => /^\*\*.+\*\*$/.test(l.text.trim()))
  if (nameAt < 0) return
  identity.approverName = plainText(lines[nameAt]!.text.replace(/\*\*/g, ''))
  for (const line of lines.slice(nameAt + 1)) {
    const text = plainText(line.text)
    // "NIP. 19681012 198903 1 009" or "NIP 1968…"
    const nip = /^NIP\.?\s*(.+)$/i.exec(text)
    if (nip) {
      identity.approverNip = nip[1]!
      break
    }
    if (text && !identity.approverRank) identity.approverRank = text
  }
}

// ---------------------------------------------------------------------------------------------
// Procedure table

interface TableLayout {
  headerLine: number
  columnCount: number
  /** Cell indices of the Pelaksana columns, in order: one lane each. */
  laneColumns: number[]
  kelengkapan: number
  waktu: number
  output: number
  /** -1 when the table has no Ket column. */
  ket: number
}

/** A lane column's name as one page's header row gives it. */
interface LaneSighting {
  name: string
  line: number
}

interface StepRow {
  no: number
  line: number
  /** The row's cells, with any continuation rows' cells appended. */
  cells: string[]
  /** Wrong cell count: only the number and title are trusted. */
  misaligned: boolean
}

interface Table {
  layout: TableLayout
  /** Per lane column, its name on each page. */
  laneSightings: LaneSighting[][]
  rows: StepRow[]
  /** Index (in the lines given) of the table's last row. */
  endIndex: number
}

/** The first header row: "No. | Uraian Prosedur | Pelaksana … | Mutu Baku … | Ket." */
function isTableHeader(cells: string[]): boolean {
  return /^no\.?$/i.test(cells[0] ?? '') && /^uraian prosedur$/i.test(cells[1] ?? '')
}

/** "1 | 2 | 3 | …": the column numbers under the headers. */
function isColumnNumberRow(cells: string[]): boolean {
  return cells.length >= 3 && cells.every((c, i) => c === String(i + 1) || (c === '' && i === cells.length - 1))
}

function readTable(lines: Line[], log: IssueLog): Table | null {
  let layout: TableLayout | null = null
  const laneSightings: LaneSighting[][] = []
  const rows: StepRow[] = []
  let endIndex = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const cells = cellsOf(line.text)
    if (cells.length < 2) continue // blank lines, page text, the signature: not table content
    if (isTableHeader(cells)) {
      const page = readPageHeader(lines, i, layout, log)
      if (!page.layout && !layout) return null
      if (page.layout) {
        layout ??= page.layout
        page.names.forEach((sighting, col) => (laneSightings[col] ??= []).push(sighting))
      }
      i = page.lastIndex
      endIndex = i
      continue
    }
    if (!layout) continue
    endIndex = i
    readRow(line, cells, layout, rows, log)
  }
  return layout && { layout, laneSightings, rows, endIndex }
}

/**
 * A page's header: the first row (at `at`), the lane-name row after it and the optional
 * column-number row. Later pages must have as many lane columns as the first; a page that does
 * not gives no layout (its rows are then checked against the first page's).
 */
function readPageHeader(
  lines: Line[],
  at: number,
  first: TableLayout | null,
  log: IssueLog,
): { layout: TableLayout | null; names: LaneSighting[]; lastIndex: number } {
  const top = lines[at]!
  const topCells = cellsOf(top.text)
  const nextAt = lines.findIndex((l, i) => i > at && l.text.trim() !== '')
  const second = nextAt < 0 ? undefined : lines[nextAt]
  const cells = second ? cellsOf(second.text) : []
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c))
  const kelengkapan = find(/^kelengkapan/i)
  const waktu = find(/^waktu$/i)
  const output = find(/^output$/i)
  if (!second || kelengkapan < 0 || waktu < 0 || output < 0) {
    log.error('noLaneRow', top.no)
    return { layout: null, names: [], lastIndex: at }
  }
  const numbersAt = lines.findIndex((l, i) => i > nextAt && l.text.trim() !== '')
  const lastIndex = numbersAt >= 0 && isColumnNumberRow(cellsOf(lines[numbersAt]!.text)) ? numbersAt : nextAt
  const pelaksana = topCells.findIndex((c) => /^pelaksana$/i.test(c))
  const layout: TableLayout = {
    headerLine: top.no,
    columnCount: Math.max(topCells.length, cells.length),
    laneColumns: range(pelaksana < 0 ? 2 : pelaksana, kelengkapan),
    kelengkapan,
    waktu,
    output,
    ket: topCells.findIndex((c) => /^ket(\.|erangan)?$/i.test(c)),
  }
  if (layout.laneColumns.length === 0) {
    log.error('noLaneColumns', second.no)
  }
  if (first && (layout.laneColumns.length !== first.laneColumns.length || layout.columnCount !== first.columnCount)) {
    log.error('headerMismatch', second.no, {
      lanes: layout.laneColumns.length,
      columns: layout.columnCount,
      firstLine: first.headerLine,
      firstLanes: first.laneColumns.length,
      firstColumns: first.columnCount,
    })
    return { layout: null, names: [], lastIndex }
  }
  const names = layout.laneColumns.map((col) => ({ name: cells[col] ?? '', line: second.no }))
  return { layout, names, lastIndex }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
}

/** A numbered step row, or a row without a number that continues the previous step over a page break. */
function readRow(line: Line, cells: string[], layout: TableLayout, rows: StepRow[], log: IssueLog): void {
  const misaligned = cells.length !== layout.columnCount
  if (misaligned) {
    log.error('columnCount', line.no, { count: cells.length, expected: layout.columnCount, cells: rowText(cells) })
  }
  // "12." (the seed) or "12": the step number in the first cell.
  const number = /^(\d+)\.?$/.exec(cells[0] ?? '')
  const previous = rows.at(-1)
  if (!number) {
    if (cells[0] !== '') {
      log.warn('notStepRow', line.no, { cells: rowText(cells) })
    } else if (!previous) {
      log.error('rowBeforeFirstStep', line.no)
    } else if (!misaligned && !previous.misaligned) {
      mergeContinuation(previous, cells)
    }
    return
  }
  const no = Number(number[1])
  const expected = (previous?.no ?? 0) + 1
  if (no !== expected) {
    log.error('stepOrder', line.no, { no, expected })
  }
  rows.push({ no, line: line.no, cells, misaligned })
}

/** A row's filled cells as the administrator would quote them: "2. | Memeriksa surat | …". */
function rowText(cells: string[]): string {
  return cells.filter(Boolean).join(' | ')
}

/** A cell split by a page break is written on two rows: its text goes on where it stopped. */
function mergeContinuation(row: StepRow, cells: string[]): void {
  row.cells = row.cells.map((cell, i) => [cell, cells[i] ?? ''].filter(Boolean).join(' '))
}

/**
 * Each lane column's name as most pages write it (ties: the later page, the newer wording). When
 * pages disagree ("Kepala Dinas" on page 1, "Kepala Badan" later) the administrator is told.
 */
function chooseLanes(sightings: LaneSighting[][], log: IssueLog): SopLane[] {
  const taken = new Set<string>()
  return sightings.map((pages, col) => {
    const byName = new Map<string, number[]>()
    for (const s of pages) byName.set(s.name, [...(byName.get(s.name) ?? []), s.line])
    const ranked = [...byName].sort(([, a], [, b]) => b.length - a.length || b.at(-1)! - a.at(-1)!)
    const [name, lines] = ranked[0] ?? ['', [0]]
    for (const [other, otherLines] of ranked.slice(1)) {
      log.warn('laneNameDiffers', otherLines[0]!, { column: col + 1, other, otherLines: otherLines.join(', '), name, lines: lines.join(', ') })
    }
    if (!name) log.warn('laneUnnamed', lines[0]!, { column: col + 1 })
    const lane = laneFor(name, col)
    const base = lane.id
    for (let n = 2; taken.has(lane.id); n++) lane.id = `${base}_${n}`
    if (lane.id !== base) log.warn('laneIdTaken', lines[0]!, { name, column: col + 1, id: lane.id })
    taken.add(lane.id)
    return lane
  })
}

function laneFor(name: string, col: number): SopLane {
  // 36 leaves room for a "_2" suffix within LaneId's 40 characters.
  const base = slug(name, '_', 36)
  // A lane id must start with a letter (LaneId).
  const id = base === '' ? `pelaksana_${col + 1}` : /^[a-z]/.test(base) ? base : `p_${base}`
  // A guess from the name: heads of a unit act only on their own unit's card. The administrator
  // confirms it in the editor, since functional positions may have replaced these titles.
  const unitScoped = /^kepala\s+(bidang|seksi)\b/i.test(name)
  return { id, name, unitScoped }
}

// ---------------------------------------------------------------------------------------------
// Steps

const WAKTU_UNITS: Record<string, WaktuUnit> = { menit: 'menit', jam: 'jam', hari: 'hari', minggu: 'minggu', pekan: 'minggu' }

/** Unreadable times are left at zero, which the editor's validation refuses until corrected. */
const NO_WAKTU: Waktu = { amount: 0, unit: 'hari' }

function buildStep(row: StepRow, layout: TableLayout, lanes: SopLane[], log: IssueLog): SopStep {
  const at = { line: row.line, step: row.no }
  const title = row.cells[1] ?? ''
  if (!title) log.error('stepNoTitle', row.line, { step: row.no })
  const step: SopStep = {
    no: row.no,
    title,
    shortTitle: shortTitleOf(title),
    lanes: [],
    defaultLane: '',
    kelengkapan: [],
    waktu: NO_WAKTU,
    output: '',
    keterangan: '',
  }
  if (row.misaligned) return step

  const cell = (i: number) => (i < 0 ? '' : dashIsEmpty(row.cells[i] ?? ''))
  step.lanes = layout.laneColumns.flatMap((col, i) => {
    const lane = lanes[i]
    return lane && hasExecutorMark(row.cells[col] ?? '') ? [lane.id] : []
  })
  step.defaultLane = step.lanes[0] ?? ''
  if (step.lanes.length === 0) {
    log.warn('noExecutor', row.line, { step: row.no, title })
  }
  step.kelengkapan = cell(layout.kelengkapan)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  step.waktu = readWaktu(cell(layout.waktu), at, log)
  step.output = cell(layout.output)
  if (durationOf(step.output)) {
    log.warn('outputLooksLikeWaktu', row.line, { step: row.no, output: step.output })
  }
  step.keterangan = cell(layout.ket)
  const decision = decisionOf(step.keterangan, title)
  if (decision) step.decision = decision
  return step
}

/**
 * Flowchart symbols that survive in a lane cell. A shape (box "□", terminator "Mulai"/"Selesai",
 * diamond …) marks an executor; arrows are connectors passing through or crossing a page break
 * (step 13's "↓" under Kasubag Program, the "↓" continuing step 7), and "Ya"/"Tidak" label them.
 */
function hasExecutorMark(cell: string): boolean {
  // Arrow blocks (←…⇿, ⟰…⟿, ➔…➿, ⤀…⥿), ASCII arrow parts, and the branch labels.
  const connectors = /[\u2190-\u21ff\u27f0-\u27ff\u2794-\u27bf\u2900-\u297f<>|-]|\b(?:ya|tidak)\b/gi
  return cell.replace(connectors, '').trim() !== ''
}

/** "15 Menit", "1,5 jam": an amount and a unit word. */
const DURATION = /^(\d+(?:[.,]\d+)?)\s*(\p{L}+)$/u

function durationOf(text: string): Waktu | null {
  const m = DURATION.exec(text)
  const unit = m && WAKTU_UNITS[m[2]!.toLowerCase()]
  return unit ? { amount: Number(m[1]!.replace(',', '.')), unit } : null
}

function readWaktu(text: string, at: { line: number; step: number }, log: IssueLog): Waktu {
  const m = DURATION.exec(text)
  if (!m) {
    log.error('waktuUnreadable', at.line, { step: at.step, text })
    return NO_WAKTU
  }
  const waktu = durationOf(text)
  if (waktu) return waktu
  log.warn('waktuUnit', at.line, { step: at.step, unit: m[2]! })
  return { amount: Number(m[1]!.replace(',', '.')), unit: 'hari' }
}

/** "Tidak → kembali ke Tahap 10", "Tidak: ke langkah 10": the "Tidak" branch returns to step 10. */
function decisionOf(keterangan: string, title: string): SopDecision | undefined {
  // "Tidak", an optional arrow or colon, optional "kembali" / "ke", then Tahap|Langkah|No and a number.
  const m = /\btidak\b\s*(?:→|->|:|-)?\s*(?:kembali\s+)?(?:ke\s+)?(?:tahap|langkah|no\.?)\s*(\d+)/i.exec(keterangan)
  return m ? { noReturnsTo: Number(m[1]), question: `${title}?` } : undefined
}

const SHORT_TITLE_WORDS = 3
const SHORT_TITLE_MAX = 40

/** The title's first few words, within the column header's 40 characters; the administrator refines it. */
function shortTitleOf(title: string): string {
  const words: string[] = []
  for (const word of title.split(' ').slice(0, SHORT_TITLE_WORDS)) {
    if ([...words, word].join(' ').length > SHORT_TITLE_MAX) break
    words.push(word)
  }
  // "Mengumpulkan data dan" reads as cut off: end on a content word.
  while (words.length > 1 && LOWERCASE_WORDS.has(words.at(-1)!.toLowerCase())) words.pop()
  return words.join(' ') || title.slice(0, SHORT_TITLE_MAX)
}
