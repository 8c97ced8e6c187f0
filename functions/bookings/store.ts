/**
 * Slots, bookings, claims and the waitlist in DynamoDB. Every change of a place is one transaction owned here,
 * and each reports what happened in the domain's words ('created', 'full', 'alreadyBooked', …), never which
 * action of the transaction failed.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, getItem, queryAll, tableName } from '../db/client';
import { keys, withoutKeys } from '../db/keys';
import { GUARD, transactWrite, TransactionFailed, type TransactItem } from '../db/transact';
import type { Booking, Slot } from '../../shared/api';
import type { BookingState, HistoryEntry, SlotEffect } from './lifecycle';
import { parseSlotId } from './slot-ids';
import { pickupCodeItem, returnSubsidy, takeSubsidy } from './canteen-store';

export type SlotRecord = Omit<Slot, 'remaining'>;

export function toSlot(r: SlotRecord): Slot {
  return { ...r, remaining: Math.max(0, r.capacity - r.booked) };
}

const isConditionFailure = (e: unknown) => (e as Error).name === 'ConditionalCheckFailedException';

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
    if (isConditionFailure(e)) return false;
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
export async function setSlotCapacity(slot: SlotRecord, capacity: number): Promise<'changed' | 'belowBooked'> {
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
    return 'changed';
  } catch (e) {
    if (isConditionFailure(e)) return 'belowBooked';
    throw e;
  }
}

const slotKey = (b: Pick<Booking, 'outletId' | 'start' | 'serviceId'>) => keys.slot(b.outletId, b.start, b.serviceId);
const claimantOf = (b: Pick<Booking, 'claimant' | 'userId'>) => b.claimant ?? b.userId;

interface SlotChange {
  update: string;
  condition: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

function slotUpdate(b: Booking, c: SlotChange): TransactItem {
  return { Update: { TableName: tableName(), Key: slotKey(b), UpdateExpression: c.update, ConditionExpression: c.condition, ExpressionAttributeNames: c.names, ExpressionAttributeValues: c.values } };
}

/** The per-claimant claim on the slot (one live booking per person or child) and the booking itself, both new. */
function claimAndBooking(b: Booking) {
  return {
    claim: { Put: { TableName: tableName(), Item: { ...keys.slotClaim(b.slotId, claimantOf(b)), type: 'slotClaim', bookingId: b.id }, ConditionExpression: 'attribute_not_exists(PK)' } },
    booking: { Put: { TableName: tableName(), Item: { ...keys.booking(b.id), ...keys.bookingIndexes(b), type: 'booking', ...b }, ConditionExpression: 'attribute_not_exists(PK)' } },
  } satisfies Record<string, TransactItem>;
}

/**
 * 'full' covers every reason the slot's counter refused: no place left, someone waiting (a freed place belongs
 * to the waitlist first), the slot has started, or it does not exist.
 */
export type CreateOutcome = 'created' | 'full' | 'alreadyBooked' | 'subsidyTaken' | 'codeTaken';

/**
 * Takes a place: the slot counter, the claim, the booking and the caller's idempotency record; for a canteen
 * meal also the elder's subsidy counter (when subsidised, up to `subsidyPerDay`) and the pickup code.
 */
export async function createBooking(b: Booking, guard: TransactItem, now: Date, subsidyPerDay = 0): Promise<CreateOutcome> {
  try {
    await transactWrite({
      capacity: slotUpdate(b, { update: 'SET #booked = #booked + :one', condition: 'attribute_exists(PK) AND #booked < #cap AND #start > :now AND (attribute_not_exists(#waiting) OR #waiting = :zero)', names: { '#start': 'start', '#booked': 'booked', '#cap': 'capacity', '#waiting': 'waiting' }, values: { ':one': 1, ':zero': 0, ':now': now.toISOString() } }),
      ...claimAndBooking(b),
      [GUARD]: guard,
      subsidy: !!b.subsidised && takeSubsidy(b.userId, b.date, subsidyPerDay),
      pickupCode: !!b.pickupCode && pickupCodeItem(b.outletId, b.date, b.pickupCode, b.id),
    });
    return 'created';
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    if (e.has('claim')) return 'alreadyBooked';
    if (e.has('capacity')) return 'full';
    if (e.has('subsidy')) return 'subsidyTaken';
    if (e.has('pickupCode')) return 'codeTaken';
    throw e;
  }
}

/** Joins the waitlist of a full slot: the same claim and idempotency discipline, no place taken. */
export async function createWaitlisted(b: Booking, guard: TransactItem, now: Date): Promise<'waitlisted' | 'alreadyBooked' | 'slotPast'> {
  try {
    await transactWrite({
      waiting: slotUpdate(b, { update: 'SET #waiting = if_not_exists(#waiting, :zero) + :one', condition: 'attribute_exists(PK) AND #start > :now', names: { '#waiting': 'waiting', '#start': 'start' }, values: { ':zero': 0, ':one': 1, ':now': now.toISOString() } }),
      ...claimAndBooking(b),
      [GUARD]: guard,
      waitEntry: { Put: { TableName: tableName(), Item: { ...keys.waitEntry(b.slotId, b.waitSince!, b.id), type: 'waitEntry', bookingId: b.id } } },
    });
    return 'waitlisted';
  } catch (e) {
    if (!(e instanceof TransactionFailed)) throw e;
    return e.has('claim') ? 'alreadyBooked' : 'slotPast';
  }
}

/** The slot's waitlist, first in line first. */
export async function waitlist(slotId: string): Promise<string[]> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.waitPartition(slotId) } });
  return items.map((i) => i.bookingId as string);
}

export async function getBooking(id: string): Promise<Booking | undefined> {
  return getItem<Booking>(keys.booking(id), { consistent: true });
}

/**
 * Moves a booking from `from` to `to` only if it is still in `from` (compare-and-swap), appending the history
 * entry, and applies the transition's effect on the slot in the same transaction. 'changedMeanwhile': someone
 * moved the booking first, or (promotion) no place is free any more.
 */
export async function applyTransition(b: Booking, from: BookingState, to: { state: BookingState; name: string; entry: HistoryEntry }, effect: SlotEffect): Promise<'moved' | 'changedMeanwhile'> {
  const counter: Record<SlotEffect['counter'], TransactItem | false> = {
    none: false,
    takePlace: slotUpdate(b, { update: 'SET #booked = #booked + :one, #waiting = #waiting - :one', condition: '#booked < #cap AND #waiting > :zero', names: { '#booked': 'booked', '#cap': 'capacity', '#waiting': 'waiting' }, values: { ':one': 1, ':zero': 0 } }),
    leaveWaitlist: slotUpdate(b, { update: 'SET #waiting = #waiting - :one', condition: '#waiting > :zero', names: { '#waiting': 'waiting' }, values: { ':one': 1, ':zero': 0 } }),
    releasePlace: slotUpdate(b, { update: 'SET #booked = #booked - :one', condition: '#booked > :zero', names: { '#booked': 'booked' }, values: { ':one': 1, ':zero': 0 } }),
  };
  try {
    await transactWrite({
      state: {
        Update: {
          TableName: tableName(),
          Key: keys.booking(b.id),
          UpdateExpression: 'SET #state = :to, stateName = :name, history = list_append(history, :entry)',
          ConditionExpression: '#state = :from',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':to': to.state, ':from': from, ':name': to.name, ':entry': [to.entry] },
        },
      },
      counter: counter[effect.counter],
      waitEntry: effect.removeWaitEntry && !!b.waitSince && { Delete: { TableName: tableName(), Key: keys.waitEntry(b.slotId, b.waitSince, b.id) } },
      claim: effect.releaseClaim && { Delete: { TableName: tableName(), Key: keys.slotClaim(b.slotId, claimantOf(b)) } },
      subsidy: effect.releaseClaim && !!b.subsidised && returnSubsidy(b.userId, b.date),
    });
    return 'moved';
  } catch (e) {
    if (e instanceof TransactionFailed) return 'changedMeanwhile';
    throw e;
  }
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
export const listBookingsOfOutlet = (outletId: string, fromUtc?: string, toUtc?: string) => listBookings('GSI2', keys.bookingsOfOutlet(outletId), fromUtc, toUtc);
export const listBookingsOfCircle = (circleId: string, fromUtc?: string, toUtc?: string) => listBookings('GSI3', keys.bookingsOfCircle(circleId), fromUtc, toUtc);
