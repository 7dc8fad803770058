import type { TimerState } from '../time/workingTime'
import type { SopStep, SopTemplate, Waktu } from '../domain/template'

/**
 * An SOP template laid out as the SOP-AP flowchart of Permendagri 52/2011 and Permenpan RB 35/2012:
 * a table with No | Uraian Prosedur | one column per Pelaksana | Mutu Baku (Kelengkapan, Waktu,
 * Output) | Keterangan, one row per step, and only the five SOP-AP symbols: terminator (Mulai,
 * Selesai), process, decision, arrow and off-page connector.
 *
 * Pure geometry, so the page components only draw and the rules (every step once, a diamond per
 * decision, paired connectors across page breaks) are unit-tested. Text is measured by character
 * count, which is close enough for the sans-serif face the pages use.
 *
 * Units: 1 = 0.25 mm, so a page is exactly the printable area of A4 landscape with 10 mm margins.
 */

export const PAGE_WIDTH = 1108
export const PAGE_HEIGHT = 760
export const FONT_SIZE = 10.5
export const LINE_HEIGHT = 13
/** Average advance of a character at FONT_SIZE (a little generous, so lines never overflow). */
const CHAR_WIDTH = 0.54 * FONT_SIZE
export const CELL_PAD_X = 5
export const CELL_PAD_Y = 6
/** Above the table: the SOP's number and name and the page number. */
export const CAPTION_HEIGHT = 26
/** Below the table: the legend. */
const LEGEND_HEIGHT = 24
const HEADER_GROUP_HEIGHT = 20
/** A cell shows at most this many lines; the last ends in "…". */
const MAX_CELL_LINES = 9
/** Room in a row for a terminator or a connector above or below the step's symbol, with its arrow. */
const EXTRA_HEIGHT = 36
/** Above and below a step's symbol: room for the arrows, the "Ya" label and the count badge. */
const SYMBOL_MARGIN = 17
/** Where an arrow turns towards another lane: this far above the symbol it enters. */
const ELBOW_RISE = 10
/** Room "Tidak" takes beside its arrow. */
const NO_LABEL_WIDTH = 28
const DEFAULT_MAX_STEPS_PER_PAGE = 8
/** The most a row grows to fill its page. */
const MAX_ROW_GROWTH = 28

const NO_WIDTH = 28
/** Widths of the text columns with five lanes; they shrink or grow with the lane count. */
const TEXT_WIDTHS = { uraian: 232, kelengkapan: 138, waktu: 60, output: 138, keterangan: 96 } as const
const LANE_MIN_WIDTH = 58
const LANE_MAX_WIDTH = 128

export type TextColumn = keyof typeof TEXT_WIDTHS
export type ColumnKey = 'no' | 'lane' | TextColumn

export interface FlowchartColumn {
  key: ColumnKey
  x: number
  width: number
  /** For a lane column: its index in `template.lanes`. */
  lane?: number
}

export interface FlowchartHeader {
  top: number
  /** Row 1: the group titles (Pelaksana, Mutu Baku) and the columns spanning both rows. */
  groupHeight: number
  height: number
  /** Each lane's name, wrapped to its column. */
  laneNames: string[][]
}

export interface FlowchartRow {
  step: number
  top: number
  height: number
  /** The column of the step's default lane, where its symbol sits. */
  lane: number
  /** The other lanes involved in the step (shaded cells). */
  involved: number[]
  /** Each text column's content, wrapped to the column. */
  text: Record<TextColumn, string[]>
}

export type FlowchartSymbol = 'terminator' | 'process' | 'decision' | 'connector'

interface NodeBase {
  id: string
  kind: FlowchartSymbol
  /** Lane index (the column the symbol is drawn in). */
  lane: number
  /** Index into the page's rows. */
  row: number
  cx: number
  cy: number
  width: number
  height: number
}

export type FlowchartNode =
  | (NodeBase & { kind: 'terminator'; end: 'start' | 'end' })
  | (NodeBase & { kind: 'process' | 'decision'; step: number })
  /** Off-page connector: `out` ends an arrow on one page, `in` resumes it on another; a pair shares its label. */
  | (NodeBase & { kind: 'connector'; label: string; direction: 'out' | 'in'; partnerPage: number })

export type FlowchartEdgeKind = 'next' | 'yes' | 'no' | 'offpage'

export interface Point {
  x: number
  y: number
}

export interface FlowchartEdge {
  id: string
  from: string
  to: string
  kind: FlowchartEdgeKind
  /** The polyline; the arrowhead is at the last point. */
  points: Point[]
  /** Where the "Ya" / "Tidak" label of a decision's branch goes. */
  label?: Point & { anchor: 'start' | 'end' }
}

export interface FlowchartPage {
  index: number
  width: number
  height: number
  columns: FlowchartColumn[]
  header: FlowchartHeader
  rows: FlowchartRow[]
  nodes: FlowchartNode[]
  edges: FlowchartEdge[]
  tableBottom: number
}

export interface FlowchartOptions {
  maxStepsPerPage?: number
  /** How a Waktu reads in the Waktu column ("2 hari"); the client passes its translation. */
  waktuText?: (w: Waktu) => string
}

interface Size {
  width: number
  height: number
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}

/** How many characters fit on a line of a cell `width` wide. */
export function charsFor(width: number): number {
  return Math.max(4, Math.floor((width - 2 * CELL_PAD_X) / CHAR_WIDTH))
}

/**
 * Breaks `text` into lines of at most `maxChars` characters at spaces (a word longer than a line
 * is cut with a hyphen); beyond `maxLines` the last line kept ends in "…".
 */
export function wrapText(text: string, maxChars: number, maxLines = MAX_CELL_LINES): string[] {
  const width = Math.max(4, maxChars)
  const lines: string[] = []
  let line = ''
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line)
      line = ''
      lines.push(`${word.slice(0, width - 1)}-`)
      word = word.slice(width - 1)
    }
    if (!line) line = word
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1] ?? ''
  kept[maxLines - 1] = last.length < width ? `${last}…` : `${last.slice(0, width - 1)}…`
  return kept
}

/** A, B, …, Z, AA, AB, …: the labels of connector pairs. */
export function connectorLabel(i: number): string {
  let n = i
  let label = ''
  do {
    label = String.fromCharCode(65 + (n % 26)) + label
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return label
}

/** The lane columns share what the text columns leave, within readable bounds; the text columns take the rest. */
export function layoutColumns(laneCount: number): FlowchartColumn[] {
  const textTotal = Object.values(TEXT_WIDTHS).reduce((a, b) => a + b, 0)
  const laneWidth = clamp((PAGE_WIDTH - NO_WIDTH - textTotal) / laneCount, LANE_MIN_WIDTH, LANE_MAX_WIDTH)
  const scale = (PAGE_WIDTH - NO_WIDTH - laneCount * laneWidth) / textTotal
  const columns: FlowchartColumn[] = []
  let x = 0
  const push = (key: ColumnKey, width: number, lane?: number) => {
    columns.push(lane === undefined ? { key, x, width } : { key, x, width, lane })
    x += width
  }
  push('no', NO_WIDTH)
  push('uraian', TEXT_WIDTHS.uraian * scale)
  for (let i = 0; i < laneCount; i++) push('lane', laneWidth, i)
  for (const key of ['kelengkapan', 'waktu', 'output', 'keterangan'] as const) push(key, TEXT_WIDTHS[key] * scale)
  return columns
}

function symbolSizes(laneWidth: number): Record<FlowchartSymbol, Size> {
  return {
    process: { width: Math.min(laneWidth - 28, 72), height: 30 },
    decision: { width: Math.min(laneWidth - 24, 66), height: 44 },
    terminator: { width: Math.min(laneWidth - 14, 70), height: 22 },
    connector: { width: 20, height: 22 },
  }
}

/** The step's lines of text per column; "– " marks each item of a list of more than one. */
function stepText(step: SopStep, widthOf: (key: TextColumn) => number, waktuText: (w: Waktu) => string): Record<TextColumn, string[]> {
  const wrap = (key: TextColumn, text: string) => wrapText(text, charsFor(widthOf(key)))
  // A list item's later lines hang under its text: an en space and a three-per-em space are as wide as "– ".
  const bullet = (key: TextColumn, item: string) =>
    wrapText(item, charsFor(widthOf(key)) - 2).map((line, i) => (i === 0 ? `– ${line}` : `\u2002\u2004${line}`))
  const list = (key: TextColumn, items: string[]) => (items.length > 1 ? items.flatMap((item) => bullet(key, item)) : items.flatMap((item) => wrap(key, item)))
  const cap = (lines: string[]) => (lines.length > MAX_CELL_LINES ? [...lines.slice(0, MAX_CELL_LINES - 1), '…'] : lines)
  return {
    uraian: cap([...wrap('uraian', step.title), ...(step.decision ? wrap('uraian', `(${step.decision.question})`) : [])]),
    kelengkapan: cap(list('kelengkapan', step.kelengkapan)),
    waktu: wrap('waktu', waktuText(step.waktu)),
    output: wrap('output', step.output),
    keterangan: wrap('keterangan', step.keterangan),
  }
}

/**
 * Steps per page: as many as fit the page (and `max`), then evened out, so 13 steps become 7 + 6
 * rather than 8 + 5. Every page keeps room above its first row and below its last for a terminator
 * or an off-page connector.
 */
function paginate(heights: number[], available: number, max: number): number[][] {
  const greedy = (limit: number) => {
    const pages: number[][] = []
    let i = 0
    while (i < heights.length) {
      const page = [i]
      let used = 2 * EXTRA_HEIGHT + (heights[i] ?? 0)
      while (i + page.length < heights.length && page.length < limit) {
        const next = heights[i + page.length] ?? 0
        if (used + next > available) break
        used += next
        page.push(i + page.length)
      }
      pages.push(page)
      i += page.length
    }
    return pages
  }
  const first = greedy(max)
  if (first.length < 2) return first
  const even = greedy(Math.ceil(heights.length / first.length))
  return even.length === first.length ? even : first
}

export function layoutFlowchart(template: SopTemplate, options: FlowchartOptions = {}): FlowchartPage[] {
  const waktuText = options.waktuText ?? ((w: Waktu) => `${w.amount} ${w.unit}`)
  const maxPerPage = Math.max(1, options.maxStepsPerPage ?? DEFAULT_MAX_STEPS_PER_PAGE)
  const laneCount = Math.max(1, template.lanes.length)
  const laneIndex = new Map(template.lanes.map((l, i) => [l.id, i]))
  const columns = layoutColumns(laneCount)
  const columnOf = (key: TextColumn) => columns.find((c) => c.key === key) as FlowchartColumn
  const laneColumns = columns.filter((c) => c.key === 'lane')
  const laneWidth = laneColumns[0]?.width ?? LANE_MAX_WIDTH
  const laneX = (lane: number) => laneColumns[lane]?.x ?? 0
  const laneCx = (lane: number) => laneX(lane) + laneWidth / 2
  const sizes = symbolSizes(laneWidth)
  const rules = [...laneColumns.map((c) => c.x), laneX(laneCount - 1) + laneWidth]
  const labelled = (e: FlowchartEdge) => branch(e, rules)

  const laneNames = template.lanes.map((l) => wrapText(l.name, charsFor(laneWidth), 4))
  const nameLines = Math.max(1, ...laneNames.map((n) => n.length))
  const header: FlowchartHeader = {
    top: CAPTION_HEIGHT,
    groupHeight: HEADER_GROUP_HEIGHT,
    height: HEADER_GROUP_HEIGHT + Math.max(26, nameLines * LINE_HEIGHT + 2 * CELL_PAD_Y),
    laneNames,
  }
  const bodyTop = header.top + header.height

  const steps = template.steps.map((step) => {
    const text = stepText(step, (key) => columnOf(key).width, waktuText)
    const kind: 'process' | 'decision' = step.decision ? 'decision' : 'process'
    const textHeight = Math.max(...Object.values(text).map((lines) => lines.length)) * LINE_HEIGHT + 2 * CELL_PAD_Y
    const symbolHeight = sizes[kind].height + 2 * SYMBOL_MARGIN
    const lane = laneIndex.get(step.defaultLane) ?? 0
    const involved = step.lanes.filter((id) => id !== step.defaultLane).flatMap((id) => laneIndex.get(id) ?? [])
    return { step, kind, text, lane, involved, core: Math.max(textHeight, symbolHeight) }
  })

  const available = PAGE_HEIGHT - bodyTop - LEGEND_HEIGHT
  const pageSteps = paginate(steps.map((s) => s.core), available, maxPerPage)

  const pages: FlowchartPage[] = []
  /** Where each step's symbol is: its page and node. */
  const placed = new Map<number, { page: FlowchartPage; node: FlowchartNode }>()
  const lastIndex = steps.length - 1

  // Rows grow into the page's spare height, so a sheet looks filled like the paper form; the last
  // page grows no more than the one before it, so its rows match.
  let grow = MAX_ROW_GROWTH
  pageSteps.forEach((indices, pageIndex) => {
    const page: FlowchartPage = { index: pageIndex, width: PAGE_WIDTH, height: PAGE_HEIGHT, columns, header, rows: [], nodes: [], edges: [], tableBottom: bodyTop }
    const used = 2 * EXTRA_HEIGHT + indices.reduce((sum, i) => sum + (steps[i]?.core ?? 0), 0)
    grow = clamp(Math.floor((available - used) / indices.length), 0, pageIndex === pageSteps.length - 1 ? grow : MAX_ROW_GROWTH)
    let y = bodyTop
    indices.forEach((stepIndex, rowIndex) => {
      const s = steps[stepIndex]
      if (!s) return
      const top = rowIndex === 0 ? EXTRA_HEIGHT : 0
      const bottom = rowIndex === indices.length - 1 ? EXTRA_HEIGHT : 0
      const core = s.core + grow
      const height = top + core + bottom
      page.rows.push({ step: s.step.no, top: y, height, lane: s.lane, involved: s.involved, text: s.text })
      const node: FlowchartNode = {
        id: `step-${s.step.no}`,
        kind: s.kind,
        step: s.step.no,
        lane: s.lane,
        row: rowIndex,
        cx: laneCx(s.lane),
        cy: y + top + core / 2,
        ...sizes[s.kind],
      }
      page.nodes.push(node)
      placed.set(s.step.no, { page, node })
      y += height
    })
    page.tableBottom = y
    pages.push(page)
  })

  // What sits above the first row and below the last row of a page: a terminator or a connector.
  const aboveFirst = (page: FlowchartPage, lane: number): Point => ({ x: laneCx(lane), y: (page.rows[0]?.top ?? bodyTop) + 8 + sizes.terminator.height / 2 })
  const belowLast = (page: FlowchartPage, lane: number): Point => ({ x: laneCx(lane), y: page.tableBottom - 8 - sizes.terminator.height / 2 })

  let pairs = 0
  const connectorPair = (fromPage: FlowchartPage, outAt: Point & { lane: number; row: number }, toPage: FlowchartPage, inAt: Point & { lane: number; row: number }) => {
    const label = connectorLabel(pairs++)
    const make = (page: FlowchartPage, at: Point & { lane: number; row: number }, direction: 'out' | 'in'): FlowchartNode => {
      const node: FlowchartNode = {
        id: `connector-${label}-${direction}`,
        kind: 'connector',
        label,
        direction,
        partnerPage: direction === 'out' ? toPage.index : fromPage.index,
        lane: at.lane,
        row: at.row,
        cx: at.x,
        cy: at.y,
        ...sizes.connector,
      }
      page.nodes.push(node)
      return node
    }
    return { out: make(fromPage, outAt, 'out'), in: make(toPage, inAt, 'in') }
  }

  const first = placed.get(steps[0]?.step.no ?? 1)
  if (first) {
    const at = aboveFirst(first.page, first.node.lane)
    const start: FlowchartNode = { id: 'start', kind: 'terminator', end: 'start', lane: first.node.lane, row: 0, cx: at.x, cy: at.y, ...sizes.terminator }
    first.page.nodes.push(start)
    first.page.edges.push(edge('next', start, first.node, [bottomOf(start), topOf(first.node)]))
  }

  steps.forEach((s, i) => {
    const from = placed.get(s.step.no)
    if (!from) return
    const kind: FlowchartEdgeKind = s.step.decision ? 'yes' : 'next'
    const next = steps[i + 1]
    const to = next ? placed.get(next.step.no) : undefined
    if (i === lastIndex || !to) {
      const at = belowLast(from.page, from.node.lane)
      const end: FlowchartNode = { id: 'end', kind: 'terminator', end: 'end', lane: from.node.lane, row: from.node.row, cx: at.x, cy: at.y, ...sizes.terminator }
      from.page.nodes.push(end)
      from.page.edges.push(labelled(edge(kind, from.node, end, [bottomOf(from.node), topOf(end)])))
    } else if (to.page === from.page) {
      from.page.edges.push(labelled(edge(kind, from.node, to.node, downward(bottomOf(from.node), topOf(to.node)))))
    } else {
      const pair = connectorPair(
        from.page,
        { ...belowLast(from.page, from.node.lane), lane: from.node.lane, row: from.node.row },
        to.page,
        { ...aboveFirst(to.page, to.node.lane), lane: to.node.lane, row: 0 },
      )
      from.page.edges.push(labelled(edge(kind, from.node, pair.out, [bottomOf(from.node), topOf(pair.out)])))
      to.page.edges.push(edge('offpage', pair.in, to.node, [bottomOf(pair.in), topOf(to.node)]))
    }
    if (s.step.decision) returnEdge(from, placed.get(s.step.decision.noReturnsTo))
  })

  /**
   * "Tidak" leaves the diamond sideways towards the target's lane and runs up a channel just beside
   * the target's column (in the margin that no symbol uses), so it crosses no box; it enters the
   * target from the side, since the target's top and bottom carry its own arrows. Across pages the
   * branch ends in a connector beside the diamond and resumes from one beside the target.
   */
  function returnEdge(from: { page: FlowchartPage; node: FlowchartNode }, to: { page: FlowchartPage; node: FlowchartNode } | undefined) {
    if (!to) return
    const d = from.node
    const t = to.node
    if (to.page === from.page) {
      const side = channelSide(t.lane, d.lane)
      const channel = channelX(t.lane, side)
      const exit = sideOf(d, channel > d.cx ? 'right' : 'left')
      const entry = sideOf(t, channel > t.cx ? 'right' : 'left')
      from.page.edges.push(labelled(edge('no', d, t, [exit, { x: channel, y: exit.y }, { x: channel, y: entry.y }, entry])))
      return
    }
    const outX = slotX(d.lane, t.lane >= d.lane ? 'right' : 'left')
    const inX = slotX(t.lane, 'right')
    const pair = connectorPair(from.page, { x: outX, y: d.cy, lane: d.lane, row: d.row }, to.page, { x: inX, y: t.cy, lane: t.lane, row: t.row })
    const exit = sideOf(d, outX > d.cx ? 'right' : 'left')
    from.page.edges.push(labelled(edge('no', d, pair.out, [exit, sideOf(pair.out, outX > d.cx ? 'left' : 'right')])))
    to.page.edges.push(edge('offpage', pair.in, t, [sideOf(pair.in, inX > t.cx ? 'left' : 'right'), sideOf(t, inX > t.cx ? 'right' : 'left')]))
  }

  /** Right of the target's column unless that is the last column and the diamond is not to its left. */
  function channelSide(target: number, decision: number): 'left' | 'right' {
    if (target < decision) return 'left'
    if (target === decision && target === laneCount - 1 && laneCount > 1) return 'left'
    return 'right'
  }

  /** In the margin beside the column's edge: outside it where there is a lane column, inside at the table's edge. */
  function channelX(lane: number, side: 'left' | 'right'): number {
    const margin = (laneWidth - Math.max(sizes.process.width, sizes.decision.width, sizes.terminator.width)) / 2
    const inset = clamp(margin / 2, 4, 12)
    if (side === 'right') {
      const edgeX = laneX(lane) + laneWidth
      return lane < laneCount - 1 ? edgeX + inset : edgeX - inset
    }
    return lane > 0 ? laneX(lane) - inset : laneX(lane) + inset
  }

  /** Where a side connector goes: the neighbouring lane's centre, or the free side of a lone lane. */
  function slotX(lane: number, side: 'left' | 'right'): number {
    if (side === 'right' && lane < laneCount - 1) return laneCx(lane + 1)
    if (side === 'left' && lane > 0) return laneCx(lane - 1)
    if (lane < laneCount - 1) return laneCx(lane + 1)
    if (lane > 0) return laneCx(lane - 1)
    return laneX(lane) + laneWidth - sizes.connector.width / 2 - 4
  }

  return pages
}

function topOf(n: FlowchartNode): Point {
  return { x: n.cx, y: n.cy - n.height / 2 }
}

function bottomOf(n: FlowchartNode): Point {
  return { x: n.cx, y: n.cy + n.height / 2 }
}

/** The middle of a side; a connector's sides are on its square part, above the point. */
function sideOf(n: FlowchartNode, side: 'left' | 'right'): Point {
  const dx = side === 'right' ? n.width / 2 : -n.width / 2
  return { x: n.cx + dx, y: n.cy }
}

/** Straight down, or down, across just above the target, and down into it. */
function downward(from: Point, to: Point): Point[] {
  if (Math.abs(from.x - to.x) < 0.5) return [from, to]
  const turn = to.y - ELBOW_RISE
  return [from, { x: from.x, y: turn }, { x: to.x, y: turn }, to]
}

function edge(kind: FlowchartEdgeKind, from: FlowchartNode, to: FlowchartNode, points: Point[]): FlowchartEdge {
  return { id: `${kind}:${from.id}>${to.id}`, from: from.id, to: to.id, kind, points }
}

/**
 * "Ya" just below the diamond, left of the line; "Tidak" just above the line leaving its side, moved
 * past the lane's rule when it would sit on it (`rules`: the x of the lane columns' edges).
 */
function branch(e: FlowchartEdge, rules: number[]): FlowchartEdge {
  const [a, b] = e.points
  if (!a || !b) return e
  if (e.kind === 'yes') return { ...e, label: { x: a.x - 5, y: a.y + 11, anchor: 'end' } }
  if (e.kind !== 'no') return e
  const dir = b.x >= a.x ? 1 : -1
  const from = rules.find((x) => (x - a.x) * dir > 0 && (x - a.x) * dir < NO_LABEL_WIDTH + 4) ?? a.x
  return { ...e, label: { x: from + 4 * dir, y: a.y - 4, anchor: dir > 0 ? 'start' : 'end' } }
}

/** The arrowhead at the end of a polyline, as an SVG path (a closed triangle). */
export function arrowHead(points: Point[], length = 7, halfWidth = 3.5): string {
  const tip = points[points.length - 1]
  const before = points[points.length - 2]
  if (!tip || !before) return ''
  const dx = tip.x - before.x
  const dy = tip.y - before.y
  const len = Math.hypot(dx, dy) || 1
  const ux = dx / len
  const uy = dy / len
  const bx = tip.x - ux * length
  const by = tip.y - uy * length
  const f = (n: number) => Number(n.toFixed(2))
  return `M${f(tip.x)} ${f(tip.y)} L${f(bx - uy * halfWidth)} ${f(by + ux * halfWidth)} L${f(bx + uy * halfWidth)} ${f(by - ux * halfWidth)} Z`
}

/** The polyline's points, stopping short of the tip so the line does not poke through the arrowhead. */
export function polylinePoints(points: Point[], headLength = 7): string {
  const f = (n: number) => Number(n.toFixed(2))
  return points
    .map((p, i) => {
      const before = points[i - 1]
      if (i !== points.length - 1 || !before) return `${f(p.x)},${f(p.y)}`
      const len = Math.hypot(p.x - before.x, p.y - before.y) || 1
      const cut = Math.min(headLength - 1, len)
      return `${f(p.x - ((p.x - before.x) / len) * cut)},${f(p.y - ((p.y - before.y) / len) * cut)}`
    })
    .join(' ')
}

export interface StepLoad {
  step: number
  cards: number
  /** Of those, the ones past their step's standard time. */
  late: number
}

/** Cards per step of a running cycle, and the finished ones, from the dashboard's unit progress. */
export function stepLoads(template: SopTemplate, units: { step: number; finished: boolean; state: TimerState | null }[]): { steps: StepLoad[]; finished: number } {
  const steps = template.steps.map((s) => ({ step: s.no, cards: 0, late: 0 }))
  let finished = 0
  for (const u of units) {
    if (u.finished) {
      finished++
      continue
    }
    const load = steps.find((s) => s.step === u.step)
    if (!load) continue
    load.cards++
    if (u.state === 'overdue') load.late++
  }
  return { steps, finished }
}
