import { z } from 'zod';
import { AppError } from './errors';

/** Parse with a zod schema; any failure becomes one 400 with every problem listed. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, where: 'query' | 'body' | 'path'): T {
  const result = schema.safeParse(input);
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

export const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不对');

export { z };
