/**
 * A revision's field-by-field diff (shared/revisions Change) in words, for the worker deciding on it and the
 * merchant who made it: what each field was, what it becomes, and whether it waits for review and why.
 */
import type { Service } from '@shared/api';
import { categoryName } from '@shared/categories';
import { describeDays, describeHours, type OpeningHours } from '@shared/hours';
import { formatPrice } from '@shared/money';
import { LEGAL_BASIS_NAMES, type LegalBasis, type Provider } from '@shared/outlets';
import type { Change } from '@shared/revisions';
import { distanceMetres } from '@shared/walking';

export const FIELD_NAMES: Record<Change['field'], string> = {
  name: '网点名称',
  categories: '经营类别',
  location: '位置',
  phone: '电话',
  hours: '营业时间',
  prices: '收费项目',
  legalBasis: '经营依据',
  description: '简介',
  address: '地址',
  providers: '轮值安排',
};

export interface ChangeLine {
  /** A stable key for lists. */
  key: string;
  field: string;
  from: string;
  to: string;
  needsReview: boolean;
  why?: string;
}

/** "修伞（换伞骨） 10–20元/把": the item as the price board shows it, so the worker compares like with like. */
export function serviceText(s: Pick<Service, 'name' | 'note' | 'priceFen' | 'priceMaxFen' | 'unit' | 'materials'>): string {
  const tag = s.materials && !s.name.includes('材料') ? '［材料费］' : '';
  return `${s.name}${tag}${s.note ? `（${s.note}）` : ''} ${formatPrice(s.priceFen, s.priceMaxFen, s.unit)}`;
}

export function legalBasisText(b: LegalBasis | undefined): string {
  if (!b) return '未填写';
  const name = LEGAL_BASIS_NAMES[b.kind];
  if (b.kind === 'licence') return `${name} ${b.licenceNo}`;
  if (b.kind === 'designated_stall') return `${name}：${b.place}，${b.hours}`;
  if (b.kind === 'community') return `${name}：${b.organiser}`;
  return name;
}

export function providerText(p: Provider): string {
  return `${p.name}（${p.craft}）${describeDays(p.days)} ${p.open}–${p.close}`;
}

/** What an absent value reads as. */
export const NONE = '（无）';
const none = NONE;

function valueText(field: Change['field'], v: unknown): string {
  if (v === null || v === undefined || v === '') return none;
  switch (field) {
    case 'categories':
      return (v as string[]).map(categoryName).join('、');
    case 'hours':
      return describeHours(v as OpeningHours).join('；');
    case 'prices':
      return serviceText(v as Service);
    case 'legalBasis':
      return legalBasisText(v as LegalBasis);
    case 'providers':
      return (v as Provider[]).length ? (v as Provider[]).map(providerText).join('；') : none;
    case 'location': {
      const p = v as { lat: number; lng: number };
      return `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`;
    }
    default:
      return String(v);
  }
}

export function changeLine(c: Change, index = 0): ChangeLine {
  const line: ChangeLine = { key: `${c.field}-${c.serviceId ?? index}`, field: FIELD_NAMES[c.field], from: valueText(c.field, c.from), to: valueText(c.field, c.to), needsReview: c.needsReview, ...(c.why ? { why: c.why } : {}) };
  if (c.field === 'location' && c.from && c.to) {
    // Coordinates mean nothing to a person; how far the pin moved does.
    const moved = Math.round(distanceMetres(c.from as { lat: number; lng: number }, c.to as { lat: number; lng: number }));
    return { ...line, from: '原位置', to: `移动约${moved}米` };
  }
  if (c.field === 'prices') {
    if (!c.from) return { ...line, field: '新增收费项目', from: none };
    if (!c.to) return { ...line, field: '删除收费项目', to: none };
  }
  return line;
}

/**
 * The lines of a revision: those that went live at once, and those waiting for the worker. A change that
 * reads the same before and after (an item stored with its fields in another order) is no change to a person.
 */
export function changeLines(changes: readonly Change[]): { now: ChangeLine[]; waiting: ChangeLine[] } {
  const lines = changes.map((c, i) => changeLine(c, i)).filter((l) => l.needsReview || l.from !== l.to);
  return { now: lines.filter((l) => !l.needsReview), waiting: lines.filter((l) => l.needsReview) };
}
