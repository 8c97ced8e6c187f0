import { z } from 'zod';
import { AppError } from '../core/errors';

/** Any zod schema, classic or zod/mini (the schemas in shared/ that the pages validate with too). */
export type Schema<T> = z.core.$ZodType<T>;

/** Parse with a zod schema; any failure becomes one 400 with every problem listed. */
export function parseWith<T>(schema: Schema<T>, input: unknown, where: 'query' | 'body' | 'path'): T {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message }));
  const first = problems[0];
  throw new AppError('VALIDATION_FAILED', `请求参数有误：${first.field} ${first.message}`, { problems });
}

/** Query-string numbers arrive as text; empty text is "absent", never 0. */
export const queryNumber = (min: number, max: number, label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, `${label}必须是数字`)
    .transform(Number)
    .pipe(z.number().min(min, `${label}超出范围`).max(max, `${label}超出范围`));

export const queryBoolean = z
  .enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' })
  .transform((v) => v === 'true' || v === '1');

/** Text a person types: trimmed, with the limits said in words. */
export const text = (label: string, max: number, min = 1) => z.string().trim().min(min, `请填写${label}`).max(max, `${label}最多${max}字`);

/** Points in steps of half a point. */
export const points = (min: number, max: number) => z.number().min(min).max(max).refine((p) => Number.isInteger(p * 2), '积分以0.5为单位');

export const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不对');

export const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  // Date.parse rolls 2025-02-31 over into March; a real date reads back the same.
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, '日期无效');
export const timeParam = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm');

/** What a client's idempotency key may look like: long enough to be unique, safe in a key. */
export const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{8,64}$/;

/** The Idempotency-Key header every money-like POST needs (retries with it change nothing twice). */
export function idempotencyKeyOf(headers: Record<string, string | undefined>): string {
  const key = headers['idempotency-key'];
  if (!key || !IDEMPOTENCY_KEY_RE.test(key)) {
    throw new AppError('VALIDATION_FAILED', '缺少或无效的 Idempotency-Key 请求头（8–64位字母数字）');
  }
  return key;
}

export { z };
