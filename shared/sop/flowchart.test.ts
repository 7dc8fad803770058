import { describe, expect, it } from 'vitest'
import { MONEV_KINERJA } from './balangan'
import { PAGE_HEIGHT, PAGE_WIDTH, arrowHead, connectorLabel, layoutFlowchart, stepLoads, wrapText, type FlowchartNode, type FlowchartPage } from './flowchart'
import type { SopStep, SopTemplate } from '../domain/template'

/** Four steps in four lanes; step 4 is a decision whose "Tidak" goes back to step 2. */
function step(no: number, lane: string, extra: Partial<SopStep> = {}): SopStep {
  return { no, title: `Langkah ${no}`, shortTitle: `L${no}`, lanes: [lane], defaultLane: lane, kelengkapan: ['Berkas'], waktu: { amount: 1, unit: 'hari' }, output: 'Hasil', keterangan: '', ...extra }
}
const SMALL: SopTemplate = {
  id: 'kecil',
  version: 1,
  identity: { ...MONEV_KINERJA.identity, number: '1/SOP/2026', name: 'SOP kecil' },
  lanes: [
    { id: 'pemohon', name: 'Pemohon', unitScoped: false },
    { id: 'petugas', name: 'Petugas Loket', unitScoped: false },
    { id: 'verifikator', name: 'Verifikator', unitScoped: false },
    { id: 'kepala', name: 'Kepala', unitScoped: false },
  ],
  steps: [
    step(1, 'pemohon'),
    step(2, 'petugas', { lanes: ['petugas', 'pemohon'] }),
    step(3, 'verifikator'),
    step(4, 'kepala', { decision: { noReturnsTo: 2, question: 'Berkas lengkap?' } }),
  ],
}

function allNodes(pages: FlowchartPage[]): (FlowchartNode & { onPage: number })[] {
  return pages.flatMap((p) => p.nodes.map((n) => ({ ...n, onPage: p.index })))
}

function stepNode(pages: FlowchartPage[], no: number) {
  return allNodes(pages).find((n) => (n.kind === 'process' || n.kind === 'decision') && n.step === no)
}

/** Follows an edge from `nodeId` of `kind`, through an off-page connector pair if it ends in one, to the step or terminator it reaches. */
function follow(pages: FlowchartPage[], nodeId: string, kind: string): FlowchartNode | undefined {
  const nodes = allNodes(pages)
  const e = pages.flatMap((p) => p.edges).find((x) => x.from === nodeId && x.kind === kind)
  const to = nodes.find((n) => n.id === e?.to)
  if (to?.kind !== 'connector') return to
  const partner = nodes.find((n) => n.kind === 'connector' && n.label === to.label && n.direction === 'in')
  return follow(pages, partner?.id ?? '', 'offpage')
}

/** The invariants of a laid-out SOP-AP flowchart, whatever the template. */
function expectWellFormed(template: SopTemplate, pages: FlowchartPage[]) {
  const nodes = allNodes(pages)
  // Every step exactly once, on one row, in order across the pages.
  const rowSteps = pages.flatMap((p) => p.rows.map((r) => r.step))
  expect(rowSteps).toEqual(template.steps.map((s) => s.no))
  for (const s of template.steps) {
    const symbols = nodes.filter((n) => (n.kind === 'process' || n.kind === 'decision') && n.step === s.no)
    expect(symbols, `step ${s.no}`).toHaveLength(1)
    expect(symbols[0]?.kind).toBe(s.decision ? 'decision' : 'process')
    expect(symbols[0]?.lane).toBe(template.lanes.findIndex((l) => l.id === s.defaultLane))
  }
  // Only the SOP-AP symbols.
  for (const n of nodes) expect(['terminator', 'process', 'decision', 'connector']).toContain(n.kind)
  // One Mulai before step 1, one Selesai after the last step.
  const terminators = nodes.filter((n) => n.kind === 'terminator')
  expect(terminators.map((n) => (n.kind === 'terminator' ? n.end : '')).sort()).toEqual(['end', 'start'])
  expect(follow(pages, 'start', 'next')).toMatchObject({ step: 1 })
  const last = template.steps[template.steps.length - 1] as SopStep
  expect(follow(pages, `step-${last.no}`, last.decision ? 'yes' : 'next')).toMatchObject({ kind: 'terminator', end: 'end' })
  // Each step leads to the next; each decision's "Ya" to the next step, "Tidak" back to its target.
  template.steps.forEach((s, i) => {
    const next = template.steps[i + 1]
    if (next) expect(follow(pages, `step-${s.no}`, s.decision ? 'yes' : 'next'), `after ${s.no}`).toMatchObject({ step: next.no })
    if (s.decision) {
      expect(follow(pages, `step-${s.no}`, 'no'), `Tidak of ${s.no}`).toMatchObject({ step: s.decision.noReturnsTo })
      expect(pages.flatMap((p) => p.edges).filter((e) => e.from === `step-${s.no}`).map((e) => e.kind).sort()).toEqual(['no', 'yes'])
    }
  })
  // Connectors in pairs: one out, one in, on different pages, the out naming the page of the in.
  const connectors = nodes.filter((n) => n.kind === 'connector')
  const labels = new Set(connectors.map((n) => (n.kind === 'connector' ? n.label : '')))
  for (const label of labels) {
    const pair = connectors.filter((n) => n.kind === 'connector' && n.label === label)
    expect(pair.map((n) => (n.kind === 'connector' ? n.direction : '')).sort(), `pair ${label}`).toEqual(['in', 'out'])
    const out = pair.find((n) => n.kind === 'connector' && n.direction === 'out')
    const into = pair.find((n) => n.kind === 'connector' && n.direction === 'in')
    expect(out?.onPage).not.toBe(into?.onPage)
    if (out?.kind === 'connector' && into?.kind === 'connector') {
      expect(out.partnerPage, 'out names the page it continues on').toBe(into.onPage)
      expect(into.partnerPage, 'in names the page it comes from').toBe(out.onPage)
    }
  }
  // Every edge joins two nodes of its own page and its points stay on the page.
  for (const p of pages) {
    const ids = new Set(p.nodes.map((n) => n.id))
    for (const e of p.edges) {
      expect(ids.has(e.from) && ids.has(e.to), e.id).toBe(true)
      expect(e.points.length).toBeGreaterThanOrEqual(2)
      for (const pt of e.points) {
        expect(pt.x).toBeGreaterThanOrEqual(0)
        expect(pt.x).toBeLessThanOrEqual(PAGE_WIDTH)
      }
    }
    // Columns: No, Uraian, one per lane, Kelengkapan, Waktu, Output, Keterangan, across the page.
    expect(p.columns.filter((c) => c.key === 'lane')).toHaveLength(template.lanes.length)
    expect(p.columns).toHaveLength(template.lanes.length + 6)
    const right = p.columns[p.columns.length - 1]
    expect((right?.x ?? 0) + (right?.width ?? 0)).toBeCloseTo(PAGE_WIDTH, 6)
    expect(p.tableBottom).toBeLessThanOrEqual(PAGE_HEIGHT)
  }
}

/** No segment of an edge passes through a symbol it does not start or end at. */
function crossings(page: FlowchartPage): string[] {
  const found: string[] = []
  for (const e of page.edges) {
    for (const n of page.nodes) {
      if (n.id === e.from || n.id === e.to) continue
      const [l, r, t, b] = [n.cx - n.width / 2, n.cx + n.width / 2, n.cy - n.height / 2, n.cy + n.height / 2]
      e.points.slice(1).forEach((p, i) => {
        const q = e.points[i]
        if (!q) return
        const [x1, x2, y1, y2] = [Math.min(p.x, q.x), Math.max(p.x, q.x), Math.min(p.y, q.y), Math.max(p.y, q.y)]
        if (x2 > l && x1 < r && y2 > t && y1 < b) found.push(`${e.id} crosses ${n.id}`)
      })
    }
  }
  return found
}

describe('layoutFlowchart', () => {
  it('draws MONEV_KINERJA on two A4 pages, 7 + 6 steps, joined by one connector pair', () => {
    const pages = layoutFlowchart(MONEV_KINERJA)
    expectWellFormed(MONEV_KINERJA, pages)
    expect(pages.map((p) => p.rows.map((r) => r.step))).toEqual([
      [1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13],
    ])
    const connectors = allNodes(pages).filter((n) => n.kind === 'connector')
    expect(connectors.map((n) => [n.id, n.onPage])).toEqual([
      ['connector-A-out', 0],
      ['connector-A-in', 1],
    ])
    // The rows grow to fill the sheet, the last page's no taller than the first's.
    expect(pages[0]?.tableBottom).toBeGreaterThan(PAGE_HEIGHT * 0.85)
    expect(pages[1]?.rows[0]?.height).toBeLessThanOrEqual(pages[0]?.rows[0]?.height ?? 0)
    const decision = stepNode(pages, 11)
    expect(decision).toMatchObject({ kind: 'decision', lane: 0, onPage: 1 })
    for (const p of pages) expect(crossings(p)).toEqual([])
  })

  it('routes "Tidak" of step 11 back to step 10 on the same page, beside the boxes, entering from the side', () => {
    const pages = layoutFlowchart(MONEV_KINERJA)
    const page = pages[1]
    const no = page?.edges.find((e) => e.kind === 'no')
    expect(no).toMatchObject({ from: 'step-11', to: 'step-10' })
    const target = stepNode(pages, 10)
    const tip = no?.points[no.points.length - 1]
    expect(tip?.y).toBeCloseTo(target?.cy ?? 0)
    expect(Math.abs((tip?.x ?? 0) - (target?.cx ?? 0))).toBeCloseTo((target?.width ?? 0) / 2)
    expect(no?.label).toBeDefined()
    expect(page?.edges.find((e) => e.kind === 'yes')?.label).toBeDefined()
  })

  it('keeps the invariants for a small template with a decision, on one page', () => {
    const pages = layoutFlowchart(SMALL)
    expect(pages).toHaveLength(1)
    expectWellFormed(SMALL, pages)
    expect(allNodes(pages).filter((n) => n.kind === 'connector')).toHaveLength(0)
    expect(pages[0]?.rows.find((r) => r.step === 2)?.involved).toEqual([0])
    expect(crossings(pages[0] as FlowchartPage)).toEqual([])
  })

  it('carries a "Tidak" across a page break through its own connector pair', () => {
    const pages = layoutFlowchart(SMALL, { maxStepsPerPage: 2 })
    expect(pages.map((p) => p.rows.map((r) => r.step))).toEqual([
      [1, 2],
      [3, 4],
    ])
    expectWellFormed(SMALL, pages)
    const connectors = allNodes(pages).filter((n) => n.kind === 'connector')
    expect(connectors).toHaveLength(4)
    const noEdge = pages[1]?.edges.find((e) => e.kind === 'no')
    expect(noEdge?.to).toMatch(/^connector-.-out$/)
    expect(follow(pages, 'step-4', 'no')).toMatchObject({ step: 2 })
    for (const p of pages) expect(crossings(p)).toEqual([])
  })

  it('handles one lane, twelve lanes and a single step', () => {
    const one: SopTemplate = { ...SMALL, lanes: [{ id: 'a', name: 'Pelaksana', unitScoped: false }], steps: SMALL.steps.map((s) => ({ ...s, lanes: ['a'], defaultLane: 'a' })) }
    expectWellFormed(one, layoutFlowchart(one))
    expectWellFormed(one, layoutFlowchart(one, { maxStepsPerPage: 2 }))
    for (const p of layoutFlowchart(one, { maxStepsPerPage: 2 })) expect(crossings(p)).toEqual([])

    const lanes = Array.from({ length: 12 }, (_, i) => ({ id: `l${i}`, name: `Pelaksana nomor ${i + 1}`, unitScoped: false }))
    const twelve: SopTemplate = { ...SMALL, lanes, steps: SMALL.steps.map((s, i) => ({ ...s, lanes: [`l${i * 3}`], defaultLane: `l${i * 3}` })) }
    expectWellFormed(twelve, layoutFlowchart(twelve))

    const single: SopTemplate = { ...SMALL, steps: [step(1, 'kepala')] }
    expectWellFormed(single, layoutFlowchart(single))
  })

  it('pages 98 long steps without overflowing a page', () => {
    const long = 'Memeriksa kelengkapan berkas permohonan dan mencocokkan data dengan dokumen asli '.repeat(4)
    const steps = Array.from({ length: 98 }, (_, i) =>
      step(i + 1, SMALL.lanes[i % 4]?.id ?? 'pemohon', { title: long, kelengkapan: [long, 'Berkas'], decision: i % 10 === 9 ? { noReturnsTo: i - 5, question: 'Sesuai?' } : undefined }),
    )
    const big: SopTemplate = { ...SMALL, steps }
    const pages = layoutFlowchart(big)
    expectWellFormed(big, pages)
    for (const p of pages) expect(p.rows.length).toBeLessThanOrEqual(8)
  })
})

describe('helpers', () => {
  it('wraps at spaces, cuts overlong words and ends a cut-off cell in an ellipsis', () => {
    expect(wrapText('Melakukan verifikasi draft laporan', 20)).toEqual(['Melakukan verifikasi', 'draft laporan'])
    expect(wrapText('Abcdefghijklmnop', 8)).toEqual(['Abcdefg-', 'hijklmn-', 'op'])
    expect(wrapText('a b c d e f', 4, 2)).toEqual(['a b', 'c d…'])
    expect(wrapText('', 10)).toEqual([])
  })

  it('labels connector pairs A … Z, AA …', () => {
    expect([0, 1, 25, 26, 27].map(connectorLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB'])
  })

  it('draws an arrowhead pointing along the last segment', () => {
    expect(arrowHead([{ x: 0, y: 0 }, { x: 0, y: 20 }])).toBe('M0 20 L-3.5 13 L3.5 13 Z')
  })

  it('counts the cards in each step, the late ones and the finished ones', () => {
    const loads = stepLoads(MONEV_KINERJA, [
      { step: 2, finished: false, state: 'overdue' },
      { step: 2, finished: false, state: 'on_track' },
      { step: 5, finished: false, state: 'paused' },
      { step: 14, finished: true, state: null },
    ])
    expect(loads.finished).toBe(1)
    expect(loads.steps.filter((s) => s.cards > 0)).toEqual([
      { step: 2, cards: 2, late: 1 },
      { step: 5, cards: 1, late: 0 },
    ])
    expect(loads.steps).toHaveLength(13)
  })
})
