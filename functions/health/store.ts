/**
 * Circle health's items: each compound's figures, the circle's health generation, the cached report and the
 * monthly snapshots. The cache is exact because every write the report depends on (an outlet's listing, a
 * compound's figures) bumps the generation of each circle it can affect in the same transaction, and a
 * cached report is served only while its generation is current and nothing it read has aged (validUntil).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { gzipSync } from 'node:zlib';
import { db, getItem, queryAll, tableName } from '../db/client';
import { keys } from '../db/keys';
import { transactWrite, type TransactItem } from '../db/transact';
import { listCircles } from '../circles/store';
import { distanceMetres, reachMetres, type LatLng } from '../../shared/walking';
import { NEAREST_REACH_MINUTES } from '../../shared/health/standards';
import type { Circle } from '../../shared/api';
import type { CircleHealth, Compound, CompoundFigures, HealthSnapshot } from '../../shared/health/types';

const NO_FIGURES: CompoundFigures = { households: 0, residents: 0, elderlyShare: 0 };

/** The circle's compounds with the figures its worker keeps (zeros until they are entered). */
export async function compoundsOf(circle: Circle): Promise<Compound[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.circle(circle.id).PK, ':sk': keys.compoundFiguresPrefix },
  });
  const figures = new Map(items.map((i) => [String(i.SK).slice(keys.compoundFiguresPrefix.length), i as unknown as CompoundFigures]));
  return circle.communities.map((c) => {
    const f = figures.get(c.id) ?? NO_FIGURES;
    return {
      ...c,
      households: f.households,
      residents: f.residents,
      elderlyShare: f.elderlyShare,
      ...(f.updatedAt ? { updatedAt: f.updatedAt, updatedBy: f.updatedBy } : {}),
    };
  });
}

/** The generation bump of one circle, to write with a change its report depends on. */
export function bumpGen(circleId: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.healthGen(circleId),
      UpdateExpression: 'ADD gen :one',
      ExpressionAttributeValues: { ':one': 1 },
    },
  };
}

/**
 * The circles whose report can change when an outlet sits (or sat) at these pins: any with a compound
 * within the report's reach. Circles are few and small, so this is one Query per outlet write.
 */
export async function circlesAround(pins: readonly LatLng[]): Promise<string[]> {
  if (!pins.length) return [];
  const reach = reachMetres(NEAREST_REACH_MINUTES) + 1;
  const circles = await listCircles();
  return circles.filter((c) => c.communities.some((cm) => pins.some((p) => distanceMetres(cm, p) <= reach))).map((c) => c.id);
}

export async function saveFigures(circleId: string, compoundId: string, figures: CompoundFigures): Promise<void> {
  await transactWrite({
    figures: { Put: { TableName: tableName(), Item: { ...keys.compoundFigures(circleId, compoundId), type: 'compoundFigures', ...figures } } },
    gen: bumpGen(circleId),
  });
}

interface CachedItem {
  gen: number;
  validUntil: string | null;
  report: Uint8Array;
}

export async function currentGen(circleId: string): Promise<number> {
  return (await getItem<{ gen?: number }>(keys.healthGen(circleId), { consistent: true }))?.gen ?? 0;
}

/** The cached report (gzipped JSON) if it was computed at the current generation and has not aged past validUntil. */
export async function cachedReport(circleId: string, profileId: string, now: Date): Promise<{ gen: number; gz?: Uint8Array }> {
  const [gen, cached] = await Promise.all([currentGen(circleId), getItem<CachedItem>(keys.healthReport(circleId, profileId), { consistent: true })]);
  if (!cached || cached.gen !== gen || (cached.validUntil && now.toISOString() >= cached.validUntil)) return { gen };
  return { gen, gz: cached.report };
}

/**
 * Keeps a report computed at generation `gen`, gzipped (a 200-compound report is ~3 MB of JSON, ~120 KB
 * zipped: well inside an item). A slower computation never replaces one of a later generation; one of an
 * earlier generation is simply never served.
 */
export async function cacheReport(circleId: string, profileId: string, gen: number, validUntil: string | null, report: CircleHealth): Promise<Uint8Array> {
  const gz = gzipSync(JSON.stringify(report));
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.healthReport(circleId, profileId), type: 'healthReport', gen, validUntil, report: gz },
        ConditionExpression: 'attribute_not_exists(gen) OR gen <= :gen',
        ExpressionAttributeValues: { ':gen': gen },
      }),
    );
  } catch (e) {
    if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
  }
  return gz;
}

export async function putSnapshot(circleId: string, s: HealthSnapshot): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.healthSnapshot(circleId, s.profileId, s.month), type: 'healthSnapshot', ...s } }));
}

/** Snapshots of one profile, oldest first. */
export async function listSnapshots(circleId: string, profileId: string): Promise<HealthSnapshot[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': keys.healthPartition(circleId), ':sk': keys.healthSnapshotPrefix(profileId) },
  });
  return items.map(({ PK: _pk, SK: _sk, type: _t, ...s }) => s as unknown as HealthSnapshot);
}
