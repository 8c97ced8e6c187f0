/**
 * What a merchant's edit of a listed outlet does, pure: which changes publish at once (audited) and which wait
 * for the circle's worker while the current version stays on the map. Low risk: hours, phone, description, the
 * address words, new or removed price items, a price moved by at most 20 %. Waits: a new name, categories or
 * legal basis, a pin moved more than 50 m, a price moved by more than 20 % or a new 计价单位.
 */
import type { Outlet, Service } from './api';
import { distanceMetres } from './walking';
import { canonical } from './canonical';

export const PIN_MOVE_REVIEW_METRES = 50;
export const PRICE_CHANGE_REVIEW_RATIO = 0.2;

/** The fields a merchant edits (an outlet minus what the server decides). */
export type OutletFields = Pick<Outlet, 'name' | 'categories' | 'lat' | 'lng' | 'address' | 'phone' | 'hours' | 'legalBasis' | 'description' | 'providers'>;

export type ReviewedField = 'name' | 'categories' | 'location' | 'legalBasis';
export type FreshField = 'name' | 'categories' | 'location' | 'phone' | 'hours' | 'prices' | 'legalBasis';

export interface Change {
  field: FreshField | 'description' | 'address' | 'providers';
  /** A price item's id, for price changes. */
  serviceId?: string;
  from: unknown;
  to: unknown;
  needsReview: boolean;
  why?: string;
}

export interface RevisionPlan {
  changes: Change[];
  /** The version that goes live now: every low-risk change applied, every other field as it was. */
  publishNow: { fields: OutletFields; services: Service[] };
  /** What waits for the worker, or null: the reviewed fields' new values and the held price items. */
  pending: { fields: Partial<Pick<OutletFields, 'name' | 'categories' | 'lat' | 'lng' | 'legalBasis'>>; services: Service[] } | null;
  /** Fields whose check date moves on with this edit (an edit of one field does not refresh the others). */
  touched: FreshField[];
}

// Key order means nothing: the stored version comes back from the database, the edit from a form.
const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);

/** How far a price moved, as a share of the old one (a price from nothing counts as a big move). */
export function priceChangeRatio(from: Pick<Service, 'priceFen' | 'priceMaxFen'>, to: Pick<Service, 'priceFen' | 'priceMaxFen'>): number {
  const ratio = (a: number | null | undefined, b: number | null | undefined) => {
    if ((a ?? null) === (b ?? null)) return 0;
    if (!a) return Infinity;
    return Math.abs((b ?? 0) - a) / a;
  };
  return Math.max(ratio(from.priceFen, to.priceFen), ratio(from.priceMaxFen ?? from.priceFen, to.priceMaxFen ?? to.priceFen));
}

export function planRevision(current: { fields: OutletFields; services: Service[] }, next: { fields: OutletFields; services: Service[] }): RevisionPlan {
  const cur = current.fields;
  const nxt = next.fields;
  const changes: Change[] = [];
  const live: OutletFields = { ...cur };
  const pendingFields: NonNullable<RevisionPlan['pending']>['fields'] = {};
  const touched = new Set<FreshField>();

  const reviewed = (field: ReviewedField, from: unknown, to: unknown, why: string) => changes.push({ field, from, to, needsReview: true, why });
  if (nxt.name !== cur.name) (reviewed('name', cur.name, nxt.name, '网点名称变更'), (pendingFields.name = nxt.name));
  if (!same([...nxt.categories].sort(), [...cur.categories].sort())) (reviewed('categories', cur.categories, nxt.categories, '经营类别变更'), (pendingFields.categories = nxt.categories));
  if (!same(nxt.legalBasis, cur.legalBasis)) (reviewed('legalBasis', cur.legalBasis, nxt.legalBasis, '经营依据变更'), (pendingFields.legalBasis = nxt.legalBasis));
  const moved = distanceMetres(cur, nxt);
  if (moved > PIN_MOVE_REVIEW_METRES) {
    reviewed('location', { lat: cur.lat, lng: cur.lng }, { lat: nxt.lat, lng: nxt.lng }, `位置移动约${Math.round(moved)}米`);
    Object.assign(pendingFields, { lat: nxt.lat, lng: nxt.lng });
  } else if (moved > 0) {
    Object.assign(live, { lat: nxt.lat, lng: nxt.lng });
    changes.push({ field: 'location', from: { lat: cur.lat, lng: cur.lng }, to: { lat: nxt.lat, lng: nxt.lng }, needsReview: false });
    touched.add('location');
  }
  const direct: Array<['address' | 'phone' | 'hours' | 'description' | 'providers', FreshField | undefined]> = [['address', 'location'], ['phone', 'phone'], ['hours', 'hours'], ['description', undefined], ['providers', 'hours']];
  for (const [field, fresh] of direct) {
    if (same(nxt[field], cur[field])) continue;
    changes.push({ field, from: cur[field], to: nxt[field], needsReview: false });
    (live as unknown as Record<string, unknown>)[field] = nxt[field];
    if (fresh) touched.add(fresh);
  }

  const before = new Map(current.services.map((s) => [s.id, s]));
  const liveServices: Service[] = [];
  const held: Service[] = [];
  for (const s of next.services) {
    const old = before.get(s.id);
    if (!old) {
      changes.push({ field: 'prices', serviceId: s.id, from: null, to: s, needsReview: false });
      liveServices.push(s);
      continue;
    }
    const ratio = priceChangeRatio(old, s);
    const unitChanged = (old.unit ?? '') !== (s.unit ?? '');
    if (ratio > PRICE_CHANGE_REVIEW_RATIO || unitChanged) {
      changes.push({ field: 'prices', serviceId: s.id, from: old, to: s, needsReview: true, why: unitChanged ? '计价单位变更' : `价格变动超过${PRICE_CHANGE_REVIEW_RATIO * 100}%` });
      held.push(s);
      liveServices.push(old);
    } else {
      if (!same(old, s)) changes.push({ field: 'prices', serviceId: s.id, from: old, to: s, needsReview: false });
      liveServices.push(s);
    }
  }
  for (const old of current.services) if (!next.services.some((s) => s.id === old.id)) changes.push({ field: 'prices', serviceId: old.id, from: old, to: null, needsReview: false });
  if (changes.some((c) => c.field === 'prices' && !c.needsReview)) touched.add('prices');

  const waiting = held.length > 0 || Object.keys(pendingFields).length > 0;
  return { changes, publishNow: { fields: live, services: liveServices }, pending: waiting ? { fields: pendingFields, services: held } : null, touched: [...touched] };
}
