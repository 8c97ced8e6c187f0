/**
 * An outlet as its merchant describes it (商户入驻, and later edits): the one schema the server validates with
 * and the application form checks before sending. Prices are 明码标价: each item names 项目, 内容, 计价单位 and
 * a price or a range; a material charge is its own item, never a note on another.
 */
import * as z from 'zod/mini';
import { CATEGORY_KEYS } from '../categories';
import { overlapProblem, validateHours } from '../hours';

export const OUTLET_LIMITS = {
  name: { min: 2, max: 30 },
  categories: { min: 1, max: 3 },
  address: { min: 4, max: 60 },
  services: { min: 1, max: 40 },
  windows: { max: 14 },
  /** 10,000 元: nothing a neighbourhood service charges comes near it. */
  maxPriceFen: 1_000_000,
} as const;

/** Mainland China, generously: a pin outside it is a mistake (or a test of our limits). */
export const CHINA_BOUNDS = { lat: [18, 54], lng: [73, 135] } as const;

const L = OUTLET_LIMITS;
const text = (label: string, min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min > 1 ? `请填写${label}（至少${min}个字）` : `请填写${label}`), z.maxLength(max, `${label}最多${max}字`));
const optionalText = (label: string, max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, `${label}最多${max}字`)));
const fen = z.int('价格以分为单位').check(z.minimum(0, '价格不能为负'), z.maximum(L.maxPriceFen, '价格超出范围'));
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间请按 08:00 这样填写'));

/** A mobile number or a landline with area code. */
export const PHONE_RE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

const serviceSchema = z
  .strictObject({
    id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, '项目编号格式不对'))),
    name: text('项目名称', 1, 20),
    /** 内容: what is done or sold. */
    note: optionalText('服务内容', 60),
    unit: optionalText('计价单位', 8),
    priceFen: fen,
    priceMaxFen: z.optional(fen),
    /** This item is the material charge (另收材料费) of the outlet's other items. */
    materials: z.optional(z.boolean()),
    /** Absent: a new item is not bookable; an edited one keeps what it was. */
    bookable: z.optional(z.boolean()),
  })
  .check(
    z.refine((s) => s.priceMaxFen === undefined || s.priceMaxFen > s.priceFen, { message: '价格区间的上限要高于下限', path: ['priceMaxFen'] }),
    z.refine((s) => s.materials || !/另收|材料费另|另加/.test(s.note ?? ''), { message: '材料费请单独列一项，不要写在其他项目里', path: ['note'] }),
  );

const legalBasisSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('licence'), licenceNo: z.string().check(z.trim(), z.regex(/^[0-9A-HJ-NPQRTUWXY]{18}$|^\d{15}$/, '营业执照号应为18位统一社会信用代码')) }),
  z.strictObject({ kind: z.literal('skill_service') }),
  z.strictObject({ kind: z.literal('designated_stall'), place: text('摊位地点', 4, 60), hours: text('摊位时段', 2, 60) }),
  z.strictObject({ kind: z.literal('community'), organiser: text('举办单位', 2, 40) }),
]);

export const hoursSchema = z
  .strictObject({
    windows: z.array(z.strictObject({ days: z.array(z.int()).check(z.minLength(1, '请选择营业日'), z.maxLength(7)), open: time, close: time })).check(z.maxLength(L.windows.max, `营业时段最多${L.windows.max}个`)),
    note: optionalText('营业时间说明', 40),
  })
  .check(
    z.refine((h) => !validateHours(h), { message: '营业时间无效' }),
    z.refine((h) => !overlapProblem(h), { message: '营业时段有重叠' }),
  );

const providerSchema = z.strictObject({
  name: text('师傅称呼', 1, 10),
  craft: text('手艺', 1, 20),
  days: z.array(z.int().check(z.minimum(1), z.maximum(7))).check(z.minLength(1, '请选择出摊日'), z.maxLength(7)),
  open: time,
  close: time,
});

export const outletApplicationSchema = z.strictObject({
  circleId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '生活圈编号格式不对')),
  name: text('网点名称', L.name.min, L.name.max),
  categories: z
    .array(z.string().check(z.refine((c) => CATEGORY_KEYS.includes(c), '未知的分类')))
    .check(z.minLength(L.categories.min, '请至少选择1个分类'), z.maxLength(L.categories.max, `最多选择${L.categories.max}个分类`), z.refine((cs) => new Set(cs).size === cs.length, '分类重复了')),
  lat: z.number().check(z.minimum(CHINA_BOUNDS.lat[0], '位置不在国内'), z.maximum(CHINA_BOUNDS.lat[1], '位置不在国内')),
  lng: z.number().check(z.minimum(CHINA_BOUNDS.lng[0], '位置不在国内'), z.maximum(CHINA_BOUNDS.lng[1], '位置不在国内')),
  address: text('地址', L.address.min, L.address.max),
  phone: z.string().check(z.trim(), z.regex(PHONE_RE, '电话请填手机号或带区号的座机')),
  hours: hoursSchema,
  services: z.array(serviceSchema).check(z.minLength(L.services.min, '请至少填写1个收费项目'), z.maxLength(L.services.max, `收费项目最多${L.services.max}个`)),
  legalBasis: legalBasisSchema,
  description: optionalText('简介', 200),
  /** 定点不定人: who is at the booth when. */
  providers: z.optional(z.array(providerSchema).check(z.maxLength(14, '轮值最多14条'))),
});

export type OutletApplication = z.infer<typeof outletApplicationSchema>;

/** The first problem in words, or null when the application can be sent. */
export function applicationProblem(draft: unknown): string | null {
  const r = outletApplicationSchema.safeParse(draft);
  return r.success ? null : r.error.issues[0].message;
}
