import type { Unit } from '@shared/domain/template'
import { BALANGAN_UNITS } from '@shared/sop/balangan'

/** Units a user can belong to: the agency's list plus any unit a cycle added since. */
export function knownUnits(extra: readonly { id: string; name: string; shortName: string }[] = []): Unit[] {
  const byId = new Map<string, Unit>(BALANGAN_UNITS.map((u) => [u.id, u]))
  for (const unit of extra) if (!byId.has(unit.id)) byId.set(unit.id, { id: unit.id, name: unit.name, shortName: unit.shortName })
  return [...byId.values()]
}
