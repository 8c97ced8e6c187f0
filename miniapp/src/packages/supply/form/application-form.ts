/**
 * The application form as typed (prices still text in 元, the pin perhaps not chosen yet) and the
 * OutletApplication it becomes. The shared schema the server validates with (outletApplicationSchema, the
 * one applicationProblem reads) has the last word: the form sends nothing it rejects, and says its first
 * problem in words before sending.
 */
import type { HoursWindow } from '@shared/hours';
import type { Outlet, Service } from '@shared/api';
import type { LegalBasis, LegalBasisKind, Provider } from '@shared/outlets';
import { outletApplicationSchema, type OutletApplication } from '@shared/schemas/outlet';
import { parseYuan, yuanText } from './money';
import { addWindow } from './hours-editor';

export interface PriceRow {
  /** The server's item id; kept so an edit changes the item instead of adding a new one. */
  id?: string;
  name: string;
  note: string;
  unit: string;
  /** 元 as typed; `priceMax` is the top of a range, empty for a single price. */
  price: string;
  priceMax: string;
  materials: boolean;
}

export interface LegalForm {
  kind: LegalBasisKind | null;
  licenceNo: string;
  place: string;
  hours: string;
  organiser: string;
}

export interface ApplicationForm {
  circleId: string;
  name: string;
  categories: string[];
  /** Null until a position is chosen. */
  pin: { lat: number; lng: number } | null;
  address: string;
  phone: string;
  windows: HoursWindow[];
  hoursNote: string;
  prices: PriceRow[];
  legal: LegalForm;
  description: string;
  providers: Provider[];
}

export const emptyPriceRow = (): PriceRow => ({ name: '', note: '', unit: '', price: '', priceMax: '', materials: false });
/** 材料费 as its own item, as 明码标价 asks: the merchant fills in what and how much. */
export const materialsRow = (): PriceRow => ({ name: '材料费', note: '按实际用料收取', unit: '', price: '', priceMax: '', materials: true });

export function emptyForm(circleId: string): ApplicationForm {
  return {
    circleId,
    name: '',
    categories: [],
    pin: null,
    address: '',
    phone: '',
    windows: addWindow([]),
    hoursNote: '',
    prices: [emptyPriceRow()],
    legal: { kind: null, licenceNo: '', place: '', hours: '', organiser: '' },
    description: '',
    providers: [],
  };
}

function legalForm(b: LegalBasis | undefined): LegalForm {
  const f: LegalForm = { kind: b?.kind ?? null, licenceNo: '', place: '', hours: '', organiser: '' };
  if (b?.kind === 'licence') f.licenceNo = b.licenceNo;
  if (b?.kind === 'designated_stall') Object.assign(f, { place: b.place, hours: b.hours });
  if (b?.kind === 'community') f.organiser = b.organiser;
  return f;
}

/** The form for an outlet that exists (a draft to finish, or a listed outlet to revise). */
export function formOf(outlet: Outlet, services: Service[]): ApplicationForm {
  return {
    circleId: outlet.circleId,
    name: outlet.name,
    categories: [...outlet.categories],
    pin: { lat: outlet.lat, lng: outlet.lng },
    address: outlet.address,
    phone: outlet.phone ?? '',
    windows: outlet.hours.windows.map((w) => ({ ...w, days: [...w.days] })),
    hoursNote: outlet.hours.note ?? '',
    prices: services.map((s) => ({
      id: s.id,
      name: s.name,
      note: s.note ?? '',
      unit: s.unit ?? '',
      price: yuanText(s.priceFen),
      priceMax: yuanText(s.priceMaxFen),
      materials: !!s.materials,
    })),
    legal: legalForm(outlet.legalBasis),
    description: outlet.description ?? '',
    providers: (outlet.providers ?? []).map((p) => ({ ...p, days: [...p.days] })),
  };
}

function legalBasisOf(f: LegalForm): LegalBasis | null {
  switch (f.kind) {
    case 'licence':
      return { kind: 'licence', licenceNo: f.licenceNo.trim().toUpperCase() };
    case 'skill_service':
      return { kind: 'skill_service' };
    case 'designated_stall':
      return { kind: 'designated_stall', place: f.place.trim(), hours: f.hours.trim() };
    case 'community':
      return { kind: 'community', organiser: f.organiser.trim() };
    default:
      return null;
  }
}

const optional = (s: string) => (s.trim() ? s.trim() : undefined);

/** A row's price, NaN when it is not an amount (the check below names the row). */
const fenOf = (text: string) => parseYuan(text) ?? NaN;

function servicesOf(rows: PriceRow[]): OutletApplication['services'] {
  return rows.map((r) => {
    const priceMaxFen = r.priceMax.trim() ? fenOf(r.priceMax) : undefined;
    return {
      ...(r.id ? { id: r.id } : {}),
      name: r.name.trim(),
      ...(optional(r.note) ? { note: optional(r.note) } : {}),
      ...(optional(r.unit) ? { unit: optional(r.unit) } : {}),
      priceFen: fenOf(r.price),
      ...(priceMaxFen !== undefined ? { priceMaxFen } : {}),
      ...(r.materials ? { materials: true } : {}),
    };
  });
}

/** The application the form describes, as it is (it may not pass the schema yet). */
export function draftOf(f: ApplicationForm): OutletApplication {
  const legalBasis = legalBasisOf(f.legal);
  return {
    circleId: f.circleId,
    name: f.name.trim(),
    categories: f.categories,
    lat: f.pin?.lat ?? NaN,
    lng: f.pin?.lng ?? NaN,
    address: f.address.trim(),
    phone: f.phone.trim().replace(/\s+/g, ''),
    hours: { windows: f.windows, ...(optional(f.hoursNote) ? { note: optional(f.hoursNote) } : {}) },
    services: servicesOf(f.prices),
    ...(legalBasis ? { legalBasis } : {}),
    ...(optional(f.description) ? { description: optional(f.description) } : {}),
    ...(f.providers.length ? { providers: f.providers.map((p) => ({ ...p, name: p.name.trim(), craft: p.craft.trim() })) } : {}),
  } as OutletApplication;
}

export type Checked = { application: OutletApplication; problem: null } | { application: null; problem: string };

/**
 * What to send, or its first problem in words, in the form's order (the schema's fields are in that order).
 * Where the schema can only say "not a number", the form says what is missing: the pin, a row's price.
 */
export function checkForm(f: ApplicationForm): Checked {
  const application = draftOf(f);
  const r = outletApplicationSchema.safeParse(application);
  if (r.success) return { application, problem: null };
  const issue = r.error.issues[0];
  const [field, row, key] = issue.path;
  let problem = issue.message;
  if ((field === 'lat' || field === 'lng') && !f.pin) problem = '请选择网点的位置';
  if (field === 'legalBasis' && !f.legal.kind) problem = '请选择经营依据';
  if (field === 'services' && typeof row === 'number' && (key === 'priceFen' || key === 'priceMaxFen')) {
    const p = f.prices[row];
    // The schema asks for the item's name first, so by here the row has one.
    const label = `「${p.name.trim()}」`;
    if (key === 'priceFen' && parseYuan(p.price) === null) problem = `${label}的价格请填数字，如 12 或 12.5（元）`;
    if (key === 'priceMaxFen' && parseYuan(p.priceMax) === null) problem = `${label}的最高价请填数字，不是价格区间就空着`;
  }
  return { application: null, problem };
}
