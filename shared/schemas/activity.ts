/**
 * What a worker may publish as an activity: the one schema that the server validates requests with and the
 * worker's form checks before sending. zod/mini keeps the mini-program's share of it small.
 */
import * as z from 'zod/mini';

export const ACTIVITY_LIMITS = {
  title: { min: 2, max: 30 },
  description: { max: 500 },
  place: { min: 2, max: 50 },
  capacity: { min: 1, max: 500 },
  pointsPerHour: { min: 0, max: 10 },
} as const;

const text = (label: string, min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min, min > 1 ? `请填写${label}（至少${min}个字）` : `请填写${label}`), z.maxLength(max, `${label}最多${max}字`));

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A real calendar date: Date.parse rolls 2025-02-31 over into March, a real one reads back the same. */
export function isCalendarDate(d: string): boolean {
  if (!DATE.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

const L = ACTIVITY_LIMITS;

export const activityDraftSchema = z
  .strictObject({
    title: text('活动名称', L.title.min, L.title.max),
    description: text('活动介绍', 0, L.description.max),
    place: text('活动地点', L.place.min, L.place.max),
    date: z.string().check(z.refine(isCalendarDate, '日期无效')),
    startTime: z.string().check(z.regex(TIME, '时间请按 09:00 这样填写'), z.refine((t) => t !== '24:00', '开始时间不能是24:00')),
    endTime: z.string().check(z.regex(TIME, '时间请按 09:00 这样填写')),
    capacity: z.int('名额请填整数').check(z.minimum(L.capacity.min, `名额至少${L.capacity.min}人`), z.maximum(L.capacity.max, `名额最多${L.capacity.max}人`)),
    pointsPerHour: z.optional(z.int('每小时积分须为整数').check(z.minimum(L.pointsPerHour.min, '每小时积分不能为负'), z.maximum(L.pointsPerHour.max, `每小时积分最多${L.pointsPerHour.max}`))),
  })
  .check(z.refine((a) => a.endTime > a.startTime, { message: '结束时间要晚于开始时间', path: ['endTime'] }));

export type ActivityDraftInput = z.infer<typeof activityDraftSchema>;

/** The first problem in words, or null when the draft can be sent. */
export function activityDraftProblem(draft: unknown): string | null {
  const r = activityDraftSchema.safeParse(draft);
  return r.success ? null : r.error.issues[0].message;
}
