/**
 * 缺什么补什么, pure: the types some compound lacks or has only thinly, sorted by the residents affected
 * (elders counted twice for 一老 types), and for the top three a siting hint — the one compound where a
 * new outlet of that type would reach the most residents not yet well served. Greedy and deterministic:
 * ties go to more elders, then to the compound listed first.
 */
import { distanceMetres } from '../walking';
import { limitMetres } from './reach';
import type { FacilityStandard } from './standards';
import type { CompoundHealth, Gap, GapCompound, Pace, SitingHint, TimeMode } from './types';

export const SITING_HINTS = 3;

function weightOf(s: FacilityStandard, residents: number, elders: number): number {
  return residents + (s.groups.includes('elder') ? elders : 0);
}

export function sitingHint(s: FacilityStandard, compounds: readonly CompoundHealth[], short: readonly GapCompound[], pace: Pace): SitingHint | undefined {
  const byId = new Map(compounds.map((c) => [c.id, c]));
  const reach = limitMetres(s.limitMinutes, pace) + 1e-6;
  let best: SitingHint | undefined;
  let bestWeight = -1;
  for (const site of compounds) {
    let residents = 0;
    let elders = 0;
    let n = 0;
    for (const g of short) {
      if (distanceMetres(site, byId.get(g.id)!) > reach) continue;
      residents += g.residents;
      elders += g.elders;
      n++;
    }
    const w = weightOf(s, residents, elders);
    if (n > 0 && (w > bestWeight || (w === bestWeight && elders > (best?.coversElders ?? -1)))) {
      best = { compoundId: site.id, compoundName: site.name, coversResidents: residents, coversElders: elders, coversCompounds: n };
      bestWeight = w;
    }
  }
  return best;
}

export function gapsOf(standards: readonly FacilityStandard[], compounds: readonly CompoundHealth[], basis: { pace: Pace; time: TimeMode }): Gap[] {
  const gaps: Gap[] = [];
  standards.forEach((s, i) => {
    const short: GapCompound[] = [];
    for (const c of compounds) {
      const cell = c.cells[i];
      const r = cell[basis.pace][basis.time];
      if (r.status === 'met') continue;
      short.push({ id: c.id, name: c.name, status: r.status, residents: c.residents, elders: c.elders, nearest: basis.time === 'window' ? cell.nearestInWindow : cell.nearest });
    }
    if (!short.length) return;
    const residents = short.reduce((t, g) => t + g.residents, 0);
    const elders = short.reduce((t, g) => t + g.elders, 0);
    gaps.push({
      type: s.type,
      name: s.name,
      required: s.required,
      status: short.some((g) => g.status === 'missing') ? 'missing' : 'thin',
      residentsAffected: residents,
      eldersAffected: elders,
      weight: weightOf(s, residents, elders),
      compounds: short,
    });
  });
  const order = new Map(standards.map((s, i) => [s.type, i]));
  gaps.sort((a, b) => Number(b.required) - Number(a.required) || b.weight - a.weight || order.get(a.type)! - order.get(b.type)!);
  const byType = new Map(standards.map((s) => [s.type, s]));
  for (const g of gaps.slice(0, SITING_HINTS)) {
    const hint = sitingHint(byType.get(g.type)!, compounds, g.compounds, basis.pace);
    if (hint) g.siting = hint;
  }
  return gaps;
}
