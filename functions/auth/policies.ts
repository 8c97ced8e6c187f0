/**
 * Who may act on what: the one place the server decides it, from its own view of the caller (roles read from
 * the database by `authenticate`, never from the request). Use cases call these and nothing else; each
 * `require…` throws 403 with words for the person, each question answers true or false.
 *
 * | relation          | rule                                                                   |
 * |-------------------|------------------------------------------------------------------------|
 * | role              | the stored roles include it                                            |
 * | circle worker     | role worker with a circle; "of" a thing: the thing is in that circle   |
 * | outlet owner      | role merchant and the outlet's ownerId                                 |
 * | station operator  | the exchange station's ownerId (a merchant or a community worker)      |
 * | linked relative   | a confirmed family link from the elder to the caller                   |
 * | circle member     | lives there (verified) or signed up for its activities themselves      |
 */
import { forbidden } from '../core/errors';
import type { AuthUser } from './authenticate';
import type { Booking, Outlet, Role } from '../../shared/api';
import { getLink } from '../family/store';
import { listSignupsOfUser } from '../volunteering/store';

export function hasRole(user: AuthUser, role: Role): boolean {
  return user.roles.includes(role);
}

export function requireRole(user: AuthUser, role: Role, message: string): void {
  if (!hasRole(user, role)) throw forbidden(message);
}

/** The circle a community worker answers for, or 403. */
export function requireWorker(user: AuthUser, message: string): string {
  if (!hasRole(user, 'worker') || !user.circleId) throw forbidden(message);
  return user.circleId;
}

export function isWorkerOf(user: AuthUser, circleId: string | undefined): boolean {
  return hasRole(user, 'worker') && !!user.circleId && user.circleId === circleId;
}

export function requireWorkerOf(user: AuthUser, circleId: string, message: string, notWorker = message): void {
  requireWorker(user, notWorker);
  if (user.circleId !== circleId) throw forbidden(message);
}

export function ownsOutlet(user: AuthUser, outlet: Pick<Outlet, 'ownerId'>): boolean {
  return !!outlet.ownerId && outlet.ownerId === user.id;
}

/** A merchant managing their own outlet (slots, canteen, inbox). */
export function requireOutletOwner(user: AuthUser, outlet: Pick<Outlet, 'ownerId'>, message = '只能管理自己的网点'): void {
  if (!hasRole(user, 'merchant') || !ownsOutlet(user, outlet)) throw forbidden(message);
}

/** The person who runs an exchange station: its owner, whether merchant or worker. */
export function requireStationOperator(user: AuthUser, station: Pick<Outlet, 'ownerId'>): void {
  if (!ownsOutlet(user, station)) throw forbidden('只有兑换点的管理人可以操作');
}

/** True when `familyId` may act for `elderId` (a confirmed 亲情 link). */
export async function actsFor(familyId: string, elderId: string): Promise<boolean> {
  return (await getLink(elderId, familyId))?.state === 'confirmed';
}

export async function requireActsFor(user: AuthUser, beneficiaryId: string, message: string): Promise<void> {
  if (beneficiaryId !== user.id && !(await actsFor(user.id, beneficiaryId))) throw forbidden(message);
}

/**
 * Whether a person is one of the circle's own: they live there (verified by its worker) or signed up for one
 * of its activities themselves. Hours a worker entered by hand do not count, so crediting someone once cannot
 * make them the circle's for further credit.
 */
export async function memberOfCircle(person: { id: string; homeCircleId?: string }, circleId: string): Promise<boolean> {
  if (person.homeCircleId === circleId) return true;
  return (await listSignupsOfUser(person.id)).some((s) => s.circleId === circleId && !s.manual && s.state !== 'cancelled');
}

export type BookingRelation = 'resident' | 'merchant' | 'worker';

/** Who is this caller to the booking: its resident (or their relative), the outlet's merchant, the circle's worker, or nobody. */
export async function relationToBooking(user: AuthUser, b: Booking, outletOwner: () => Promise<string | undefined>): Promise<BookingRelation | null> {
  if (b.userId === user.id || b.bookedBy === user.id || (await actsFor(user.id, b.userId))) return 'resident';
  if (hasRole(user, 'merchant') && (await outletOwner()) === user.id) return 'merchant';
  if (isWorkerOf(user, b.circleId)) return 'worker';
  return null;
}
