import type { Service } from '../../shared/api';
import type { OutletApplication } from '../../shared/schemas/outlet';

/**
 * The price list an application or an edit asks for. Items keep their id across edits (so history and bookings
 * can name them); new ones get the next free id. An item the outlet already has keeps what only the server sets (canteen
 * pricing, a childcare age band, the hardship meal) and, unless the edit says otherwise, whether it is bookable.
 */
export function priceList(a: OutletApplication, current: Service[] = []): Service[] {
  const byId = new Map(current.map((s) => [s.id, s]));
  const used = new Set([...current.map((s) => s.id), ...a.services.map((s) => s.id).filter(Boolean)]);
  let n = 0;
  const nextId = () => {
    while (used.has(`s${++n}`));
    used.add(`s${n}`);
    return `s${n}`;
  };
  return a.services.map(({ id, materials, bookable, ...s }) => {
    const old = id ? byId.get(id) : undefined;
    const kept = old ? { ...(old.pricing ? { pricing: old.pricing } : {}), ...(old.ageBand ? { ageBand: old.ageBand } : {}), ...(old.hardshipOnly ? { hardshipOnly: true } : {}) } : {};
    return { ...s, ...kept, id: id ?? nextId(), bookable: bookable ?? old?.bookable ?? false, ...(materials ? { materials: true } : {}) };
  });
}
