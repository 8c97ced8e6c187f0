/**
 * The demo circles' compound figures (households, residents, share aged 60+), plausible for old Jinan
 * neighbourhoods. Written once per compound: a worker's later edit is kept across restarts.
 */
import { keys } from '../functions/db/keys';
import { tableName } from '../functions/db/client';
import { bumpGen } from '../functions/health/store';
import { transactWrite, TransactionFailed } from '../functions/db/transact';
import type { CompoundFigures } from '../shared/health/types';

export const DEMO_COMPOUND_FIGURES: Record<string, Record<string, CompoundFigures>> = {
  'c-hongfeng': {
    'cm-hongfeng': { households: 3200, residents: 8100, elderlyShare: 0.31 },
    'cm-xingfuli': { households: 1850, residents: 4700, elderlyShare: 0.27 },
    'cm-yinxing': { households: 1420, residents: 3600, elderlyShare: 0.22 },
    'cm-shuxiangli': { households: 980, residents: 2500, elderlyShare: 0.35 },
    'cm-dongling': { households: 2300, residents: 6200, elderlyShare: 0.38 },
  },
  'c-quanyuan': {
    'cm-quanyuan': { households: 2600, residents: 6800, elderlyShare: 0.29 },
    'cm-liuyin': { households: 1300, residents: 3300, elderlyShare: 0.33 },
    'cm-jinqiao': { households: 1750, residents: 4500, elderlyShare: 0.18 },
    'cm-nanmen': { households: 1100, residents: 2900, elderlyShare: 0.41 },
  },
  'c-lvyin': {
    'cm-lvyin': { households: 2400, residents: 6100, elderlyShare: 0.3 },
    'cm-heshun': { households: 1600, residents: 4200, elderlyShare: 0.21 },
    'cm-fuyuan': { households: 1200, residents: 3000, elderlyShare: 0.36 },
    'cm-beiyuan': { households: 900, residents: 2300, elderlyShare: 0.44 },
  },
};

/** Puts each compound's figures unless the worker has already entered some; returns how many were written. */
export async function ensureDemoCompounds(now = new Date()): Promise<number> {
  let written = 0;
  for (const [circleId, compounds] of Object.entries(DEMO_COMPOUND_FIGURES)) {
    for (const [compoundId, figures] of Object.entries(compounds)) {
      try {
        await transactWrite({
          figures: {
            Put: {
              TableName: tableName(),
              Item: { ...keys.compoundFigures(circleId, compoundId), type: 'compoundFigures', ...figures, updatedAt: now.toISOString(), updatedBy: 'demo-seed' },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          gen: bumpGen(circleId),
        });
        written++;
      } catch (e) {
        if (!(e instanceof TransactionFailed)) throw e;
      }
    }
  }
  return written;
}
