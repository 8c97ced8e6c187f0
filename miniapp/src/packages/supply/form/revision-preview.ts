/**
 * Before a merchant sends an edit of a listed outlet: which changes will publish at once and which will wait
 * for the worker, by the very rule the server applies (shared/revisions planRevision). The price items are
 * merged as the server merges them (an existing item keeps what only the server sets).
 */
import type { Outlet, Service } from '@shared/api';
import { planRevision, type OutletFields } from '@shared/revisions';
import type { OutletApplication } from '@shared/schemas/outlet';
import { changeLines, type ChangeLine } from './changes';

function fieldsOf(o: Outlet | OutletApplication): OutletFields {
  return { name: o.name, categories: o.categories, lat: o.lat, lng: o.lng, address: o.address, phone: o.phone, hours: o.hours, legalBasis: o.legalBasis, description: o.description, providers: o.providers };
}

function servicesOf(next: OutletApplication, current: Service[]): Service[] {
  const byId = new Map(current.map((s) => [s.id, s]));
  return next.services.map(({ id, materials, bookable, ...s }, i) => {
    const old = id ? byId.get(id) : undefined;
    const kept = old ? { ...(old.pricing ? { pricing: old.pricing } : {}), ...(old.ageBand ? { ageBand: old.ageBand } : {}), ...(old.hardshipOnly ? { hardshipOnly: true } : {}) } : {};
    // A new item has no id yet; any id the outlet does not use stands for "new".
    return { ...s, ...kept, id: id ?? `new-${i}`, bookable: bookable ?? old?.bookable ?? false, ...(materials ? { materials: true } : {}) };
  });
}

export function previewRevision(current: { outlet: Outlet; services: Service[] }, next: OutletApplication): { now: ChangeLine[]; waiting: ChangeLine[] } {
  const plan = planRevision({ fields: fieldsOf(current.outlet), services: current.services }, { fields: fieldsOf(next), services: servicesOf(next, current.services) });
  return changeLines(plan.changes);
}
