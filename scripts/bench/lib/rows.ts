/** One figure of the benchmark, as bench/results.json and bench/RESULTS.md list it. */
export interface Row {
  id: string
  name: string
  metric: string
  value: number | null
  unit: string
  /** The requirement, when there is one: value must be `targetOp` target. */
  target: number | null
  targetOp: '<=' | '>=' | null
  /** The same figure for a bare `ws` server measured in this run (S0), when one applies. */
  floor: number | null
  met: boolean | null
  note?: string
}

export interface Context {
  quick: boolean
  /** Floor figures measured by S0 in this run, by key (see `floorKey`). */
  floors: Map<string, number>
  log(message: string): void
}

export interface Scenario {
  id: string
  title: string
  run(ctx: Context): Promise<Row[]>
}

export function row(
  fields: Pick<Row, 'id' | 'name' | 'metric' | 'unit'> & {
    value: number | null
    target?: { op: '<=' | '>='; value: number }
    floor?: number | null
    note?: string
  },
): Row {
  const value = fields.value !== null && Number.isFinite(fields.value) ? fields.value : null
  const target = fields.target
  const met = !target ? null : value === null ? false : target.op === '<=' ? value <= target.value : value >= target.value
  return {
    id: fields.id,
    name: fields.name,
    metric: fields.metric,
    value,
    unit: fields.unit,
    target: target?.value ?? null,
    targetOp: target?.op ?? null,
    floor: fields.floor ?? null,
    met,
    ...(fields.note ? { note: fields.note } : {}),
  }
}
