/** Slots and bookings in DynamoDB. Every capacity change is a conditional write inside a transaction. */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem, queryAll, tableName } from '../db/client';
import { keys, withoutKeys } from '../db/keys';
import { transactWrite, type TransactItem } from '../db/transact';
import type { Booking, Child, Slot } from '../../shared/api';
import type { BookingState, HistoryEntry } from './lifecycle';
import { parseSlotId } from './slots';

export type SlotRecord = Omit<Slot, 'remaining'>;

export function toSlot(r: SlotRecord): Slot {
  return { ...r, remaining: Math.max(0, r.capacity - r.booked) };
}

/** Creates the slot unless one already exists at that time for that service; true when created. */
export async function putSlotIfAbsent(slot: SlotRecord): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.slot(slot.outletId, slot.start, slot.serviceId), type: 'slot', ...slot },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

export async function getSlot(id: string): Promise<SlotRecord | undefined> {
  const p = parseSlotId(id);
  return getItem<SlotRecord>(keys.slot(p.outletId, p.startUtc, p.serviceId), { consistent: true });
}

export async function listSlots(outletId: string, fromUtc: string, toUtc: string): Promise<SlotRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': keys.slotPartition(outletId), ':from': fromUtc, ':to': `${toUtc}~` },
  });
  return items.map((i) => withoutKeys<SlotRecord>(i));
}

/** Changes a slot's capacity, never below the places already taken. */
export async function setSlotCapacity(slot: SlotRecord, capacity: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.slot(slot.outletId, slot.start, slot.serviceId),
        UpdateExpression: 'SET #cap = :c',
        ConditionExpression: 'attribute_exists(PK) AND #booked <= :c',
        ExpressionAttributeNames: { '#cap': 'capacity', '#booked': 'booked' },
        ExpressionAttributeValues: { ':c': capacity },
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

const slotKey = (b: Pick<Booking, 'outletId' | 'start' | 'serviceId'>) => keys.slot(b.outletId, b.start, b.serviceId);
export const claimantOf = (b: Pick<Booking, 'claimant' | 'userId'>) => b.claimant ?? b.userId;

export function bookingItem(b: Booking) {
  return { ...keys.booking(b.id), ...keys.bookingIndexes(b), type: 'booking', ...b };
}

/** The per-claimant claim on the slot and the booking itself, both new. */
function claimAndBooking(b: Booking): TransactItem[] {
  return [
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.slotClaim(b.slotId, claimantOf(b)), type: 'slotClaim', bookingId: b.id },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    { Put: { TableName: tableName(), Item: bookingItem(b), ConditionExpression: 'attribute_not_exists(PK)' } },
  ];
}

/**
 * The transaction that takes a place: capacity (booked < capacity, slot not started), the per-person
 * claim, the booking itself, and the caller's idempotency record. Action order is fixed; callers map a
 * failed condition by its index (see CREATE_ACTIONS).
 */
export const CREATE_ACTIONS = { capacity: 0, claim: 1, booking: 2, idempotency: 3 } as const;

export async function createBooking(b: Booking, idempotency: TransactItem, now: Date, extras: TransactItem[] = []): Promise<void> {
  await transactWrite([
    {
      Update: {
        TableName: tableName(),
        Key: slotKey(b),
        UpdateExpression: 'SET #booked = #booked + :one',
        // A freed place belongs to the waitlist first: nobody jumps the queue while anyone is waiting.
        ConditionExpression: 'attribute_exists(PK) AND #booked < #cap AND #start > :now AND (attribute_not_exists(#waiting) OR #waiting = :zero)',
        ExpressionAttributeNames: { '#start': 'start', '#booked': 'booked', '#cap': 'capacity', '#waiting': 'waiting' },
        ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':now': now.toISOString() },
      },
    },
    ...claimAndBooking(b),
    idempotency,
    ...extras,
  ]);
}

/** Joins the waitlist of a full slot: the same claim and idempotency discipline, no place taken. */
export async function createWaitlisted(b: Booking, idempotency: TransactItem, now: Date): Promise<void> {
  await transactWrite([
    {
      Update: {
        TableName: tableName(),
        Key: slotKey(b),
        UpdateExpression: 'SET #waiting = if_not_exists(#waiting, :zero) + :one',
        ConditionExpression: 'attribute_exists(PK) AND #start > :now',
        ExpressionAttributeNames: { '#waiting': 'waiting', '#start': 'start' },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':now': now.toISOString() },
      },
    },
    ...claimAndBooking(b),
    idempotency,
    { Put: { TableName: tableName(), Item: { ...keys.waitEntry(b.slotId, b.waitSince!, b.id), type: 'waitEntry', bookingId: b.id } } },
  ]);
}

export async function waitlist(slotId: string): Promise<string[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.waitPartition(slotId) } });
  return items.map((i) => i.bookingId as string);
}

/** Takes one of the day's subsidised meals of an elder: a counter that never passes the canteen's limit. */
export function takeSubsidy(userId: string, date: string, perDay: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.subsidyDay(userId, date),
      UpdateExpression: 'SET #used = if_not_exists(#used, :zero) + :one',
      ConditionExpression: 'attribute_not_exists(#used) OR #used < :max',
      ExpressionAttributeNames: { '#used': 'used' },
      ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':max': perDay },
    },
  };
}

export async function subsidisedMealsUsed(userId: string, date: string): Promise<number> {
  return (await getItem<{ used: number }>(keys.subsidyDay(userId, date), { consistent: true }))?.used ?? 0;
}

/** The pickup code's lookup item: unique per canteen and day, so a code names exactly one meal. */
export function pickupCodeItem(outletId: string, date: string, code: string, bookingId: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.pickupCode(outletId, date, code), type: 'pickupCode', bookingId },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export async function bookingIdForPickup(outletId: string, date: string, code: string): Promise<string | undefined> {
  return (await getItem<{ bookingId: string }>(keys.pickupCode(outletId, date, code), { consistent: true }))?.bookingId;
}

export async function getBooking(id: string): Promise<Booking | undefined> {
  return getItem<Booking>(keys.booking(id), { consistent: true });
}

/**
 * Moves a booking from `from` to `to` only if it is still in `from` (compare-and-swap), appending the
 * history entry; when the move gives the place back, the slot counter and the claim change in the same
 * transaction.
 */
export interface SlotEffect {
  releasesCapacity: boolean;
  leavesWaitlist: boolean;
  takesCapacity: boolean;
}

/**
 * Moves a booking from `from` to `to` only if it is still in `from` (compare-and-swap), appending the
 * history entry. Its effect on the slot happens in the same transaction: a place given back (counter and
 * claim), a place taken by promotion (only while one is free), or leaving the waitlist.
 */
export async function applyTransition(b: Booking, from: BookingState, to: BookingState, entry: HistoryEntry, effect: SlotEffect, stateName: string): Promise<void> {
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: keys.booking(b.id),
        UpdateExpression: 'SET #state = :to, stateName = :name, history = list_append(history, :entry)',
        ConditionExpression: '#state = :from',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':to': to, ':from': from, ':name': stateName, ':entry': [entry] },
      },
    },
  ];
  const slotUpdate = (update: string, condition: string, values: Record<string, number>, names: Record<string, string>): TransactItem => ({
    Update: { TableName: tableName(), Key: slotKey(b), UpdateExpression: update, ConditionExpression: condition, ExpressionAttributeNames: names, ExpressionAttributeValues: values },
  });
  if (effect.takesCapacity) {
    items.push(
      slotUpdate('SET #booked = #booked + :one, #waiting = #waiting - :one', '#booked < #cap AND #waiting > :zero', { ':one': 1, ':zero': 0 }, { '#booked': 'booked', '#cap': 'capacity', '#waiting': 'waiting' }),
    );
  } else if (effect.leavesWaitlist) {
    items.push(slotUpdate('SET #waiting = #waiting - :one', '#waiting > :zero', { ':one': 1, ':zero': 0 }, { '#waiting': 'waiting' }));
  } else if (effect.releasesCapacity) {
    items.push(slotUpdate('SET #booked = #booked - :one', '#booked > :zero', { ':one': 1, ':zero': 0 }, { '#booked': 'booked' }));
  }
  if (effect.leavesWaitlist && b.waitSince) items.push({ Delete: { TableName: tableName(), Key: keys.waitEntry(b.slotId, b.waitSince, b.id) } });
  // Leaving for good (not promotion) frees the claim so the person (or child) may book this slot again.
  if (effect.releasesCapacity || (effect.leavesWaitlist && !effect.takesCapacity)) {
    items.push({ Delete: { TableName: tableName(), Key: keys.slotClaim(b.slotId, claimantOf(b)) } });
    if (b.subsidised) {
      items.push({
        Update: {
          TableName: tableName(),
          Key: keys.subsidyDay(b.userId, b.date),
          UpdateExpression: 'SET #used = #used - :one',
          ConditionExpression: '#used > :zero',
          ExpressionAttributeNames: { '#used': 'used' },
          ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
        },
      });
    }
  }
  await transactWrite(items);
}

/** Children of a parent (childcare age checks). */
export async function putChild(userId: string, child: Child): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.child(userId, child.id), type: 'child', ...child } }));
}

export async function listChildren(userId: string): Promise<Child[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :child)',
    ExpressionAttributeValues: { ':pk': keys.userPartition(userId), ':child': keys.childPrefix },
  });
  return items.map((i) => withoutKeys<Child>(i));
}

async function listBookings(index: 'GSI1' | 'GSI2' | 'GSI3', pk: string, fromUtc?: string, toUtc?: string): Promise<Booking[]> {
  const pkName = `${index}PK`;
  const skName = `${index}SK`;
  const range = fromUtc && toUtc;
  const items = await queryAll({
    IndexName: index,
    KeyConditionExpression: range ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk',
    ExpressionAttributeNames: range ? { '#pk': pkName, '#sk': skName } : { '#pk': pkName },
    ExpressionAttributeValues: range ? { ':pk': pk, ':from': fromUtc, ':to': `${toUtc}~` } : { ':pk': pk },
    ScanIndexForward: false,
  });
  return items.map((i) => withoutKeys<Booking>(i));
}

export const listBookingsOfUser = (userId: string) => listBookings('GSI1', keys.bookingsOfUser(userId));
export const listBookingsOfOutlet = (outletId: string, fromUtc?: string, toUtc?: string) =>
  listBookings('GSI2', keys.bookingsOfOutlet(outletId), fromUtc, toUtc);
export const listBookingsOfCircle = (circleId: string, fromUtc?: string, toUtc?: string) =>
  listBookings('GSI3', keys.bookingsOfCircle(circleId), fromUtc, toUtc);

/** Live claims of a slot must equal its counter; used by tests and the consistency check. */
export async function slotCounter(id: string): Promise<number | undefined> {
  return (await getSlot(id))?.booked;
}
