/**
 * The single-table key design: every item's keys are built here and nowhere else.
 *
 * | item            | PK                    | SK                 | GSI1PK / GSI1SK                      | GSI2PK / GSI2SK              |
 * |-----------------|-----------------------|--------------------|--------------------------------------|------------------------------|
 * | circle          | CIRCLE#<id>           | #META              | CIRCLES / <id>                       |                              |
 * | compound figures| CIRCLE#<id>           | COMMUNITY#<cid>    |   (households, residents, share 60+: kept by the circle's worker)   |
 * | health gen      | HEALTH#<circleId>     | #GEN               |   (bumped with every change the report depends on)                  |
 * | health report   | HEALTH#<circleId>     | REPORT#<profile>   |   (cached report, gzip; valid while its gen is current)             |
 * | health snapshot | HEALTH#<circleId>     | SNAP#<profile>#<YYYY-MM> | (monthly figures for the trend)                               |
 * | need            | NEED#<id>             | #META              | CIRCLENEEDS#<circleId> / <createdAt>#<id> | USERNEEDS#<authorId> / <createdAt>#<id> |
 * | need support    | NEED#<id>             | SUPPORT#<userId>   |   (one per person; the need's `supports` counts them)               |
 * | need day        | NEEDDAY#<userId>#<date> | #COUNT           |   (needs filed and supports given that day, bounded)                |
 * | outlet          | OUTLET#<id>           | #META              | OWNER#<userId> / OUTLET#<id>         | CIRCLE#<id>#OUTLETS / <id>   |
 * | service         | OUTLET#<id>           | SERVICE#<serviceId>|                                      |                              |
 * | nearby entry    | OUTLET#<id>           | NEAR#<cat or *>    | NEAR#<cat or *>#<geohash6> / <geohash9>#<id> |                      |
 * | user            | USER#<id>             | #PROFILE           | ROLE#<role> / <id> (demo sign-in list)|                             |
 * | WeChat link     | WXOPENID#<openid>     | #LINK              |                                      |                              |
 * | seed marker     | #SYSTEM               | SEED#<version>     |                                      |                              |
 * | slot            | SLOTS#<outletId>      | <startUtc>#<serviceId> |                                  |                              |
 * | slot claim      | CLAIM#<slotId>#<userId> | #CLAIM           |   (one live booking per person per slot)                            |
 * | booking         | BOOKING#<id>          | #META              | USERBOOKINGS#<userId> / <start>#<id> | OUTLETBOOKINGS#<outletId> / <start>#<id> |
 * |                 |                       |                    | GSI3: CIRCLEBOOKINGS#<circleId> / <start>#<id>                      |
 * | idempotency rec | IDEMPOTENCY#<userId>#<key> | #RECORD       |   (request hash + result id; ttl)                                   |
 * | subsidy day     | SUBSIDY#<userId>#<date> | #COUNT           |   (subsidised meals used that day; never above the canteen's limit) |
 * | family code     | FAMILYCODE#<code>     | #CODE              |   (→ userId: the 亲情码 an elder shows to family)                   |
 * | family link     | LINK#<elderId>        | FAMILY#<familyId>  | FAMILYOF#<familyId> / <elderId>      |   (pending → confirmed)     |
 * | child profile   | USER#<userId>         | CHILD#<childId>    |   (name, birth date: childcare age bands)                           |
 * | waitlist entry  | WAIT#<slotId>         | <since>#<bookingId>|   (first in, first promoted when a place frees)                     |
 * | pickup code     | PICKUP#<outletId>#<date>#<code> | #CODE    |   (→ bookingId; one code, one meal)                                  |
 * | activity        | ACTIVITY#<id>         | #META              | CIRCLEACTIVITIES#<circleId> / <start>#<id>                          |
 * | signup (hours)  | ACTIVITY#<id>         | SIGNUP#<userId>    | USERHOURS#<userId> / <start>#<activityId>                           |
 * | hours claimed   | USER#<userId>         | #HOURS             |   (confirmed intervals + version: no two overlapping claims)        |
 * | points account  | POINTS#<userId>       | #ACCOUNT           | POINTACCOUNTS#<shard 0-7> / <userId>  (balance, seq, firstExpiry)   |
 * | ledger entry    | POINTS#<userId>       | ENTRY#<seq 10 digits> |   (append-only; balance after it; written with the account)      |
 * | reward          | REWARDS#<outletId>    | <rewardId>         |   (point price and stock of an exchange station)                    |
 * | redemption      | REDEMPTION#<id>       | #META              | USERREDEMPTIONS#<userId> / <at>#<id> | STATIONREDEMPTIONS#<outletId> / <at>#<id> |
 * | redemption code | REDEEMCODE#<outletId>#<code> | #CODE       |   (→ redemptionId; one code, one hand-over)                         |
 * | try counter     | LIMIT#<limit>#<subject> | #WINDOW          |   (code tries in the open window, its end; ttl: db/limits.ts)       |
 *
 * Points: the account item and its entries share one partition. Every change is one transaction that
 * appends ENTRY#<seq+1> (attribute_not_exists) and moves the account from seq to seq+1 (condition seq = read
 * value), so two writers can never both append after the same balance: the loser re-reads and retries.
 *
 * Nearby entries are one small copy of an approved outlet per category (plus one under '*'), keyed by the
 * geohash-6 cell (~1.0 km × 0.6 km here) it sits in. A nearby search queries GSI1 only for the cells that
 * can hold an outlet within walking reach, for just the category asked, and never scans the table.
 */

export const NEAR_ALL = '*';

/** Accounts are listed (ledger check, year-end expiry) from a few index partitions, not one hot one. */
export const POINT_ACCOUNT_SHARDS = 8;
function shardOf(id: string, shards: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % shards;
}
export const NEAR_CELL_PRECISION = 6;

export const keys = {
  circle: (id: string) => ({ PK: `CIRCLE#${id}`, SK: '#META' }),
  circleList: () => ({ GSI1PK: 'CIRCLES' }),
  circleListEntry: (id: string) => ({ GSI1PK: 'CIRCLES', GSI1SK: id }),
  compoundFigures: (circleId: string, compoundId: string) => ({ PK: `CIRCLE#${circleId}`, SK: `COMMUNITY#${compoundId}` }),
  compoundFiguresPrefix: 'COMMUNITY#',
  healthPartition: (circleId: string) => `HEALTH#${circleId}`,
  healthGen: (circleId: string) => ({ PK: `HEALTH#${circleId}`, SK: '#GEN' }),
  healthReport: (circleId: string, profileId: string) => ({ PK: `HEALTH#${circleId}`, SK: `REPORT#${profileId}` }),
  healthSnapshot: (circleId: string, profileId: string, month: string) => ({ PK: `HEALTH#${circleId}`, SK: `SNAP#${profileId}#${month}` }),
  healthSnapshotPrefix: (profileId: string) => `SNAP#${profileId}#`,

  need: (id: string) => ({ PK: `NEED#${id}`, SK: '#META' }),
  needIndexes: (n: { id: string; circleId: string; authorId: string; createdAt: string }) => ({
    GSI1PK: `CIRCLENEEDS#${n.circleId}`,
    GSI1SK: `${n.createdAt}#${n.id}`,
    GSI2PK: `USERNEEDS#${n.authorId}`,
    GSI2SK: `${n.createdAt}#${n.id}`,
  }),
  needsOfCircle: (circleId: string) => `CIRCLENEEDS#${circleId}`,
  needsOfUser: (userId: string) => `USERNEEDS#${userId}`,
  needSupport: (needId: string, userId: string) => ({ PK: `NEED#${needId}`, SK: `SUPPORT#${userId}` }),
  needSupportPrefix: 'SUPPORT#',
  needDay: (userId: string, date: string) => ({ PK: `NEEDDAY#${userId}#${date}`, SK: '#COUNT' }),

  outletPartition: (id: string) => `OUTLET#${id}`,
  outlet: (id: string) => ({ PK: `OUTLET#${id}`, SK: '#META' }),
  outletByOwner: (ownerId: string, outletId: string) => ({ GSI1PK: `OWNER#${ownerId}`, GSI1SK: `OUTLET#${outletId}` }),
  outletsOfOwner: (ownerId: string) => ({ GSI1PK: `OWNER#${ownerId}` }),
  outletInCircle: (circleId: string, outletId: string) => ({ GSI2PK: `CIRCLE#${circleId}#OUTLETS`, GSI2SK: outletId }),

  service: (outletId: string, serviceId: string) => ({ PK: `OUTLET#${outletId}`, SK: `SERVICE#${serviceId}` }),
  /** An outlet's audit entries (append-only), in time order within its partition. */
  outletAudit: (outletId: string, at: string, id: string) => ({ PK: `OUTLET#${outletId}`, SK: `AUDIT#${at}#${id}` }),
  outletAuditPrefix: 'AUDIT#',
  /** The one revision of a listed outlet waiting for its worker (a newer edit replaces it). */
  outletRevision: (outletId: string) => ({ PK: `OUTLET#${outletId}`, SK: 'REVISION#pending' }),
  /** One line of an outlet's public price history (价格变动记录). */
  priceChange: (outletId: string, at: string, serviceId: string) => ({ PK: `OUTLET#${outletId}`, SK: `PRICE#${at}#${serviceId}` }),
  priceChangePrefix: 'PRICE#',
  /** One person's 30-day gate for reporting one outlet (one report per person per outlet per 30 days). */
  reportGate: (outletId: string, userId: string) => ({ PK: `REPORTGATE#${outletId}#${userId}`, SK: '#GATE' }),
  /** The residents' reports of an outlet not yet resolved; indexed for its circle's worker once it is a task. */
  reportTask: (outletId: string) => ({ PK: `OUTLET#${outletId}`, SK: 'REPORTS#open' }),
  reportTaskOfCircle: (circleId: string, openedAt: string, outletId: string) => ({ GSI2PK: `CIRCLE#${circleId}#REPORTTASKS`, GSI2SK: `${openedAt}#${outletId}` }),
  reportTasksOfCircle: (circleId: string) => `CIRCLE#${circleId}#REPORTTASKS`,
  resolvedReports: (outletId: string, at: string) => ({ PK: `OUTLET#${outletId}`, SK: `REPORTS#resolved#${at}` }),
  /** A resident's own report, where they see what came of it. */
  reportOfUser: (userId: string, at: string, outletId: string) => ({ PK: `USER#${userId}`, SK: `REPORT#${at}#${outletId}` }),
  reportOfUserPrefix: 'REPORT#',
  servicePrefix: 'SERVICE#',

  nearEntry: (outletId: string, category: string) => ({ PK: `OUTLET#${outletId}`, SK: `NEAR#${category}` }),
  nearIndex: (category: string, cell: string, geohash: string, outletId: string) => ({
    GSI1PK: `NEAR#${category}#${cell}`,
    GSI1SK: `${geohash}#${outletId}`,
  }),
  nearCell: (category: string, cell: string) => `NEAR#${category}#${cell}`,

  user: (id: string) => ({ PK: `USER#${id}`, SK: '#PROFILE' }),
  userByRole: (role: string, userId: string) => ({ GSI1PK: `ROLE#${role}`, GSI1SK: userId }),
  usersWithRole: (role: string) => `ROLE#${role}`,
  wechatLink: (openid: string) => ({ PK: `WXOPENID#${openid}`, SK: '#LINK' }),

  seedMarker: (version: string) => ({ PK: '#SYSTEM', SK: `SEED#${version}` }),

  slotPartition: (outletId: string) => `SLOTS#${outletId}`,
  slot: (outletId: string, startUtc: string, serviceId: string) => ({ PK: `SLOTS#${outletId}`, SK: `${startUtc}#${serviceId}` }),
  slotClaim: (slotId: string, userId: string) => ({ PK: `CLAIM#${slotId}#${userId}`, SK: '#CLAIM' }),

  booking: (id: string) => ({ PK: `BOOKING#${id}`, SK: '#META' }),
  bookingIndexes: (b: { id: string; userId: string; outletId: string; circleId: string; start: string }) => ({
    GSI1PK: `USERBOOKINGS#${b.userId}`,
    GSI1SK: `${b.start}#${b.id}`,
    GSI2PK: `OUTLETBOOKINGS#${b.outletId}`,
    GSI2SK: `${b.start}#${b.id}`,
    GSI3PK: `CIRCLEBOOKINGS#${b.circleId}`,
    GSI3SK: `${b.start}#${b.id}`,
  }),
  bookingsOfUser: (userId: string) => `USERBOOKINGS#${userId}`,
  bookingsOfOutlet: (outletId: string) => `OUTLETBOOKINGS#${outletId}`,
  bookingsOfCircle: (circleId: string) => `CIRCLEBOOKINGS#${circleId}`,

  subsidyDay: (userId: string, date: string) => ({ PK: `SUBSIDY#${userId}#${date}`, SK: '#COUNT' }),
  pickupCode: (outletId: string, date: string, code: string) => ({ PK: `PICKUP#${outletId}#${date}#${code}`, SK: '#CODE' }),

  familyCode: (code: string) => ({ PK: `FAMILYCODE#${code}`, SK: '#CODE' }),
  familyLinkPartition: (elderId: string) => `LINK#${elderId}`,
  familyLink: (elderId: string, familyId: string) => ({ PK: `LINK#${elderId}`, SK: `FAMILY#${familyId}` }),
  familyLinkIndex: (familyId: string, elderId: string) => ({ GSI1PK: `FAMILYOF#${familyId}`, GSI1SK: elderId }),
  eldersOf: (familyId: string) => `FAMILYOF#${familyId}`,

  child: (userId: string, childId: string) => ({ PK: `USER#${userId}`, SK: `CHILD#${childId}` }),
  childPrefix: 'CHILD#',
  userPartition: (userId: string) => `USER#${userId}`,
  waitEntry: (slotId: string, since: string, bookingId: string) => ({ PK: `WAIT#${slotId}`, SK: `${since}#${bookingId}` }),
  waitPartition: (slotId: string) => `WAIT#${slotId}`,

  activity: (id: string) => ({ PK: `ACTIVITY#${id}`, SK: '#META' }),
  activityOfCircle: (circleId: string, start: string, id: string) => ({ GSI1PK: `CIRCLEACTIVITIES#${circleId}`, GSI1SK: `${start}#${id}` }),
  activitiesOfCircle: (circleId: string) => `CIRCLEACTIVITIES#${circleId}`,
  activityPartition: (id: string) => `ACTIVITY#${id}`,
  signup: (activityId: string, userId: string) => ({ PK: `ACTIVITY#${activityId}`, SK: `SIGNUP#${userId}` }),
  signupPrefix: 'SIGNUP#',
  signupOfUser: (userId: string, start: string, activityId: string) => ({ GSI1PK: `USERHOURS#${userId}`, GSI1SK: `${start}#${activityId}` }),
  signupsOfUser: (userId: string) => `USERHOURS#${userId}`,
  hoursClaimed: (userId: string) => ({ PK: `USER#${userId}`, SK: '#HOURS' }),

  pointsAccount: (userId: string) => ({ PK: `POINTS#${userId}`, SK: '#ACCOUNT' }),
  pointsAccountIndex: (userId: string) => ({ GSI1PK: `POINTACCOUNTS#${shardOf(userId, POINT_ACCOUNT_SHARDS)}`, GSI1SK: userId }),
  pointsAccountShard: (shard: number) => `POINTACCOUNTS#${shard}`,
  pointsPartition: (userId: string) => `POINTS#${userId}`,
  ledgerEntry: (userId: string, seq: number) => ({ PK: `POINTS#${userId}`, SK: `ENTRY#${String(seq).padStart(10, '0')}` }),
  ledgerEntryPrefix: 'ENTRY#',

  reward: (outletId: string, rewardId: string) => ({ PK: `REWARDS#${outletId}`, SK: rewardId }),
  rewardsPartition: (outletId: string) => `REWARDS#${outletId}`,
  redemption: (id: string) => ({ PK: `REDEMPTION#${id}`, SK: '#META' }),
  redemptionIndexes: (r: { id: string; userId: string; outletId: string; createdAt: string }) => ({
    GSI1PK: `USERREDEMPTIONS#${r.userId}`,
    GSI1SK: `${r.createdAt}#${r.id}`,
    GSI2PK: `STATIONREDEMPTIONS#${r.outletId}`,
    GSI2SK: `${r.createdAt}#${r.id}`,
  }),
  redemptionsOfUser: (userId: string) => `USERREDEMPTIONS#${userId}`,
  redemptionsOfStation: (outletId: string) => `STATIONREDEMPTIONS#${outletId}`,
  redemptionCode: (outletId: string, code: string) => ({ PK: `REDEEMCODE#${outletId}#${code}`, SK: '#CODE' }),

  idempotency: (userId: string, key: string) => ({ PK: `IDEMPOTENCY#${userId}#${key}`, SK: '#RECORD' }),
  /** Tries at a short code (亲情码, pickup, redemption, check-in) by one caller or at one target, per window. */
  tryLimit: (limit: string, subject: string) => ({ PK: `LIMIT#${limit}#${subject}`, SK: '#WINDOW' }),
};

/** Strip key attributes before an item leaves the data layer. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, type, ...rest } = item as Record<string, unknown>;
  void PK; void SK; void GSI1PK; void GSI1SK; void GSI2PK; void GSI2SK; void GSI3PK; void GSI3SK; void type;
  return rest as T;
}
