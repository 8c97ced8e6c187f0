/**
 * The one validation layer. Schemas are zod/mini: the same library as classic zod, but tree-shakable, so a
 * function's bundle carries only the checks it uses (a Lambda's cold start pays for every byte it loads).
 * Messages zod writes itself are in Chinese (zod's zh-CN locale); ours say what to fix in words.
 */
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';
import { AppError } from '../core/errors';

z.config(zhCN());

/** Any zod schema, mini or classic (the schemas in shared/ that the pages validate with too). */
export type Schema<T> = z.core.$ZodType<T>;

/** Parse with a zod schema; any failure becomes one 400 with every problem listed. */
export function parseWith<T>(schema: Schema<T>, input: unknown, where: 'query' | 'body' | 'path'): T {
  let result: ReturnType<typeof z.safeParse<Schema<T>>>;
  try {
    result = z.safeParse(schema, input);
  } catch {
    // zod runs an object's refinements even after a field failed, so a refinement may meet input it cannot
    // read and throw (the hours overlap check on an invalid time): that input is invalid, not a server fault.
    throw new AppError('VALIDATION_FAILED', `请求参数有误：${where} 内容无效`, { problems: [{ field: where, message: '内容无效' }] });
  }
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message }));
  const first = problems[0];
  throw new AppError('VALIDATION_FAILED', `请求参数有误：${first.field} ${first.message}`, { problems });
}

/** Query-string numbers arrive as text; empty text is "absent", never 0. */
export const queryNumber = (min: number, max: number, label: string) =>
  z.pipe(
    z.pipe(z.string({ error: `缺少${label}` }).check(z.trim(), z.regex(/^-?\d+(\.\d+)?$/, `${label}必须是数字`)), z.transform(Number)),
    z.number().check(z.minimum(min, `${label}超出范围`), z.maximum(max, `${label}超出范围`)),
  );

export const queryBoolean = z.pipe(
  z.enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' }),
  z.transform((v) => v === 'true' || v === '1'),
);

/** Text a person types: trimmed, with the limits said in words. */
export const text = (label: string, max: number, min = 1) => z.string().check(z.trim(), z.minLength(min, `请填写${label}`), z.maxLength(max, `${label}最多${max}字`));

/** A whole number within limits. */
export const int = (min: number, max: number, message?: string) => z.int(message).check(z.minimum(min, message), z.maximum(max, message));

/** Points in steps of half a point. */
export const points = (min: number, max: number) =>
  z.number().check(
    z.minimum(min),
    z.maximum(max),
    z.refine((p) => Number.isInteger(p * 2), '积分以0.5为单位'),
  );

export const idParam = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不对'));

export const dateParam = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  // Date.parse rolls 2025-02-31 over into March; a real date reads back the same.
  z.refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, '日期无效'),
);
export const timeParam = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:mm'));

/** A 6- or 8-digit code typed by a person (check-in, pickup, redemption). */
export const digits = (n: number, message: string) => z.string().check(z.regex(new RegExp(`^\\d{${n}}$`), message));

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


