/** Nearest-rank percentile of `values` (p in 0..100); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN
}

/** Least-squares slope of `ys` over `xs` (0 when the xs do not vary). */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs)
  const my = mean(ys)
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0)
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0)
  return sxx > 0 ? sxy / sxx : 0
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits))

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Runs `task` for each item, at most `parallel` at a time. */
export async function eachLimit<T>(items: readonly T[], parallel: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  async function worker() {
    while (next < items.length) {
      const i = next++
      await task(items[i] as T, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker))
}
