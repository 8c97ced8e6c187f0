import Taro from '@tarojs/taro';

/** The circle and compound a resident last looked at or filed for, kept across launches (picked once). */
const KEY = 'ykz.needsCompound';

export interface CompoundChoice {
  circleId: string;
  /** null: the whole circle. */
  compoundId: string | null;
}

export function readChoice(): CompoundChoice | null {
  try {
    const v = Taro.getStorageSync(KEY) as CompoundChoice | '';
    return v && v.circleId ? { circleId: v.circleId, compoundId: v.compoundId ?? null } : null;
  } catch {
    return null;
  }
}

export function saveChoice(c: CompoundChoice) {
  Taro.setStorageSync(KEY, c);
}
