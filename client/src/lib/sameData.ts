/**
 * Deep equality of JSON-shaped data (objects, arrays, strings, numbers, booleans, null), ignoring
 * key order and keys whose value is undefined — the way two JSON documents compare. The calendar
 * editor uses it to tell whether the draft differs from what is saved.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameData(x, b[i]))
  const left = Object.entries(a).filter(([, v]) => v !== undefined)
  const right = new Map(Object.entries(b).filter(([, v]) => v !== undefined))
  return left.length === right.size && left.every(([k, v]) => right.has(k) && sameData(v, right.get(k)))
}

/**
 * A deep copy of JSON-shaped data. Not structuredClone: Vue's reactive proxies (which edited data
 * may hold at any depth) cannot be structured-cloned, but serialise like the objects they wrap.
 */
export function copyData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
