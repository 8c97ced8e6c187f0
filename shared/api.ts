/** Request and response shapes of the HTTP API, shared by the functions and the mini-program. */
import type { OpeningHours, OpenState } from './hours';
import type { WalkingBucket } from './walking';
import type { CategoryTier } from './categories';
import type { DecisionReason, LegalBasis, OutletStatus, Provider, ProvidersNow, ReportKind, ReportOutcome } from './outlets';
import type { CheckedAt } from './freshness';
import type { Change } from './revisions';
import type { BookingState } from './bookings';

export type Role = 'resident' | 'volunteer' | 'merchant' | 'worker';
export const ROLES: readonly Role[] = ['resident', 'volunteer', 'merchant', 'worker'];
export const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  merchant: '商户',
  worker: '社区工作者',
};

export type ApprovalState = 'pending' | 'approved' | 'rejected' | 'suspended';

export interface Community {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

export interface Circle {
  id: string;
  name: string;
  district: string;
  centre: { lat: number; lng: number };
  communities: Community[];
}

export interface CategoryDto {
  key: string;
  name: string;
  tier: CategoryTier;
  tierName: string;
  focus: boolean;
  icon: string;
}

/** An outlet's priced item (明码标价). Prices are in fen; a range has priceMaxFen. */
export interface Service {
  id: string;
  name: string;
  priceFen: number | null;
  priceMaxFen?: number;
  unit?: string;
  bookable: boolean;
  note?: string;
  /** 'canteen': priced per person from their verified age (see functions/bookings/pricing.ts). */
  pricing?: 'canteen';
  /** The free set meal for residents certified in hardship (one a day, counted with the subsidy). */
  hardshipOnly?: boolean;
  ageBand?: AgeBand;
  /** This item is the material charge (另收材料费) of the outlet's other items. */
  materials?: boolean;
}

export interface Outlet {
  id: string;
  /** Elderly canteens: discount and subsidy rules (defaults: 60+ 9折, 3 元 once a day). */
  canteenPricing?: { elderAge: number; elderRatePermille: number; subsidyFen: number; subsidisedMealsPerDay: number };
  circleId: string;
  name: string;
  categories: string[];
  lat: number;
  lng: number;
  address: string;
  phone?: string;
  hours: OpeningHours;
  approval: ApprovalState;
  /** Where the outlet is in its life on the map; older records have only `approval` (see shared/outlets.ts). */
  status?: OutletStatus;
  legalBasis?: LegalBasis;
  /** closed_temporarily: the last day it is closed ('YYYY-MM-DD'). */
  closedUntil?: string;
  submittedAt?: string;
  listedAt?: string;
  /** When each field was last confirmed true (shared/freshness.ts). */
  checkedAt?: CheckedAt;
  /** A merchant's edit waiting for the worker (written with the outlet, so the queue needs no extra reads). */
  pendingRevisionId?: string;
  /** A booth's timetable of who is there when (定点不定人). */
  providers?: Provider[];
  ownerId?: string;
  description?: string;
  badges?: string[];
}

export interface HeadlinePrice {
  name: string;
  price: string;
}

export interface OutletSummary {
  id: string;
  name: string;
  categories: string[];
  address: string;
  lat: number;
  lng: number;
  distanceMetres: number;
  walkingMinutes: number;
  bucket: WalkingBucket;
  openState: OpenState;
  headlinePrices: HeadlinePrice[];
  /** Hours not confirmed for 180 days: show 待确认. */
  hoursUnconfirmed?: boolean;
}

export interface NearbyResponse {
  items: OutletSummary[];
  nextCursor: string | null;
  total: number;
  /** Echo of how the search was done, so the client can explain it. */
  search: { maxMinutes: number; pace: 'standard' | 'elder'; radiusMetres: number; cellsQueried: number };
}

export interface OutletDetail extends Outlet {
  services: Service[];
  openState: OpenState;
  hoursText: string[];
  circleName?: string;
  /** Hours not confirmed for 180 days: show 待确认. */
  hoursUnconfirmed?: boolean;
  /** A booth with a timetable: who is there now and next. */
  providersNow?: ProvidersNow;
}

export interface Me {
  id: string;
  nickname: string;
  roles: Role[];
  circleId?: string;
  /**
   * Outlets this user runs or applied for, with their categories (a `points_exchange` one is an exchange
   * station) and status (an applicant's is `submitted` until the worker decides).
   */
  outlets: Array<{ id: string; name: string; categories: string[]; status: OutletStatus }>;
}

export interface SessionResponse {
  token: string;
  expiresAt: string;
  user: Me;
}

export interface DemoUser {
  id: string;
  nickname: string;
  roles: Role[];
}

export type BookingMode = 'in_store' | 'home_visit' | 'pickup';
export const BOOKING_MODES: readonly BookingMode[] = ['in_store', 'home_visit', 'pickup'];
export const BOOKING_MODE_NAMES: Record<BookingMode, string> = { in_store: '到店', home_visit: '上门', pickup: '自取' };

/** A bookable time window of one service, with its capacity. Times are Shanghai local. */
export interface Slot {
  id: string;
  outletId: string;
  serviceId: string;
  serviceName: string;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
  capacity: number;
  booked: number;
  remaining: number;
  modes: BookingMode[];
  cancelCutoffMinutes: number;
  /** Canteen meals are confirmed on booking; the pickup code completes them. */
  autoAccept?: boolean;
  /** Childcare sessions: the child's age in months must fall in the band. */
  ageBand?: AgeBand;
  /** Canteen meals: the dishes of that meal. */
  menu?: string[];
  /** People waiting for a place (a freed place goes to them first). */
  waiting?: number;
}

export interface AgeBand {
  minMonths: number;
  maxMonths: number;
}

export interface Child {
  id: string;
  name: string;
  birthDate: string;
}

export interface BookingHistoryEntry {
  at: string;
  by: string;
  role: 'resident' | 'merchant';
  action: string;
  from: string;
  to: string;
  reason?: string;
}

export interface Booking {
  id: string;
  slotId: string;
  outletId: string;
  outletName: string;
  circleId: string;
  serviceId: string;
  serviceName: string;
  price: string;
  /** Who the booking is for (an elder, when a family member orders on their behalf). */
  userId: string;
  userName: string;
  /** Childcare: the child the place is for. */
  childId?: string;
  childName?: string;
  /** Who holds the place: one live booking per claimant per slot (the person, or the child). */
  claimant?: string;
  /** Waitlisted bookings: when they joined, and (in lists) their position. */
  waitSince?: string;
  waitPosition?: number;
  /** Who placed it, when not the person it is for. */
  bookedBy?: string;
  bookedByName?: string;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
  mode: BookingMode;
  address?: string;
  note?: string;
  state: BookingState;
  stateName: string;
  cancelCutoffMinutes: number;
  /** Canteen meals: the price computed on the server, how it was made up, and the pickup code. */
  payFen?: number;
  priceLines?: PriceLine[];
  subsidised?: boolean;
  pickupCode?: string;
  history: BookingHistoryEntry[];
  createdAt: string;
}

export interface FamilyLink {
  elderId: string;
  elderName: string;
  familyId: string;
  familyName: string;
  state: 'pending' | 'confirmed';
  requestedAt: string;
  confirmedAt?: string;
  confirmedBy?: string;
}

/** Volunteer activities (志愿活动) published by a circle's community worker. Times are Shanghai local. */
export interface Activity {
  id: string;
  circleId: string;
  circleName?: string;
  title: string;
  description: string;
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
  capacity: number;
  signedUp: number;
  remaining: number;
  /** Points per verified hour (default 1), counted in half hours. */
  pointsPerHour: number;
  state: 'published' | 'cancelled';
  createdBy: string;
  createdAt: string;
  /** Walking minutes from the caller to the circle centre, when a position was given. */
  walkMinutes?: number;
}

/** What a community worker fills in to publish an activity. */
export type ActivityDraft = Pick<Activity, 'title' | 'description' | 'place' | 'date' | 'startTime' | 'endTime' | 'capacity'> & { pointsPerHour?: number };

export type SignupState = 'signed_up' | 'cancelled' | 'checked_in' | 'pending' | 'confirmed' | 'rejected';
export const SIGNUP_STATE_NAMES: Record<SignupState, string> = {
  signed_up: '已报名',
  cancelled: '已取消',
  checked_in: '已签到',
  pending: '待确认时长',
  confirmed: '时长已确认',
  rejected: '时长未通过',
};

/** One volunteer's place in one activity, and the hours it became. */
export interface VolunteerHours {
  activityId: string;
  activityTitle: string;
  circleId: string;
  place: string;
  userId: string;
  userName: string;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
  state: SignupState;
  stateName: string;
  signedUpAt?: string;
  checkInAt?: string;
  checkOutAt?: string;
  /** Hours from check-in/out (or as adjusted/added by the worker), in half hours. */
  halfHours?: number;
  /** Points earned when confirmed. */
  points?: number;
  /** Added by hand by a community worker, not proven by check-in. */
  manual?: boolean;
  reviewedBy?: string;
  reviewedAt?: string;
  reason?: string;
}

export type LedgerKindDto = 'earn' | 'redeem' | 'refund' | 'expire' | 'adjust';
export const LEDGER_KIND_NAMES: Record<LedgerKindDto, string> = { earn: '服务获得', redeem: '兑换', refund: '退回', expire: '到期清零', adjust: '人工调整' };

export interface PassbookEntry {
  id: string;
  seq: number;
  kind: LedgerKindDto;
  kindName: string;
  /** Signed points (steps of 0.5). */
  points: number;
  /** Balance after this entry. */
  balance: number;
  at: string;
  cause: { type: 'activity' | 'redemption' | 'adjustment' | 'expiry'; id?: string; title: string };
  expiresAt?: string;
  manual?: boolean;
  reason?: string;
}

export interface Passbook {
  balance: number;
  entries: PassbookEntry[];
  /** Points still held, grouped by the day they expire (oldest first). */
  expiring: Array<{ expiresAt: string; date: string; points: number }>;
}

export interface Reward {
  id: string;
  outletId: string;
  name: string;
  description?: string;
  pricePoints: number;
  stock: number;
  active: boolean;
}

export interface Station {
  id: string;
  name: string;
  address: string;
  rewards: Reward[];
}

export type RedemptionState = 'issued' | 'handed_over' | 'cancelled';
export const REDEMPTION_STATE_NAMES: Record<RedemptionState, string> = { issued: '待领取', handed_over: '已领取', cancelled: '已取消' };

export interface Redemption {
  id: string;
  userId: string;
  userName: string;
  outletId: string;
  outletName: string;
  outletAddress: string;
  rewardId: string;
  rewardName: string;
  pricePoints: number;
  /** Shown at the station to take the goods; works once. */
  code: string;
  state: RedemptionState;
  stateName: string;
  createdAt: string;
  handedOverAt?: string;
  cancelledAt?: string;
}

// ---- Named response and request shapes: what each endpoint answers and takes, declared once here ----

/** The answer of every list endpoint without paging (`/circles`, `/bookings/mine`, `/redemptions/mine`, …). */
export interface ListResponse<T> {
  items: T[];
}

/** One line of a canteen price: the base price, the elder discount, the subsidy (negative amounts). */
export interface PriceLine {
  label: string;
  amountFen: number;
}

/** GET /bookings/quote: what a canteen meal costs this person, made up line by line. */
export interface BookingQuote {
  payFen: number;
  lines: PriceLine[];
  subsidised: boolean;
  ageVerified: boolean;
}

/** POST /bookings (with an idempotency-key header). */
export interface BookingRequest {
  slotId: string;
  mode: BookingMode;
  forUserId?: string;
  childId?: string;
  waitlist?: boolean;
  address?: string;
  note?: string;
}

export type BookingAction = 'accept' | 'reject' | 'cancel' | 'merchantCancel' | 'complete' | 'noShow';

/** POST /bookings/{id}/actions. */
export interface BookingActionRequest {
  action: BookingAction;
  reason?: string;
}

/** GET /merchant/bookings: the merchant's bookings and the outlets they run. */
export interface MerchantInbox {
  items: Booking[];
  outlets: Array<{ id: string; name: string }>;
}

/** POST /merchant/outlets/{id}/slots. */
export interface PublishSlotsRequest {
  serviceId: string;
  modes: BookingMode[];
  menu?: string[];
  cancelCutoffMinutes?: number;
  slots: Array<{ date: string; start: string; end: string; capacity: number }>;
}

export interface PublishSlotsResponse {
  created: number;
  existing: number;
  slotIds: string[];
}

/** One meal of a canteen's day: how many were reserved and collected. */
export interface CanteenMeal {
  slotId: string;
  serviceName: string;
  startTime: string;
  endTime: string;
  reserved: number;
  collected: number;
}

/** GET /merchant/outlets/{id}/meals. */
export interface CanteenDay {
  date: string;
  meals: CanteenMeal[];
  items: Booking[];
}

/** GET /family/links: the links where I am the elder, and those where I am the relative. */
export interface FamilyLinks {
  asElder: FamilyLink[];
  asFamily: FamilyLink[];
}

export interface FamilyCode {
  code: string;
}

/** POST /me/children. */
export interface NewChild {
  name: string;
  birthDate: string;
}

/** POST /me/volunteer. */
export interface BecomeVolunteerResponse {
  id: string;
  roles: Role[];
}

/** GET /volunteer/hours: every sign-up of mine, with confirmed and waiting totals in hours. */
export interface VolunteerHoursResponse {
  items: VolunteerHours[];
  confirmedHours: number;
  pendingHours: number;
}

/** GET /worker/activities/{id}/signups. */
export interface ActivitySignups {
  activity: Activity;
  items: VolunteerHours[];
}

/** GET /worker/activities/{id}/checkin-code: the rotating 6-digit code and when it changes. */
export interface CheckinCode {
  code: string;
  rotatesAt: string;
  validFrom: string;
  validUntil: string;
}

/** POST /worker/activities/{id}/hours/{userId}. */
export interface HoursReview {
  action: 'confirm' | 'adjust' | 'reject';
  halfHours?: number;
  reason?: string;
}

/** POST /worker/activities/{id}/manual-hours. */
export interface ManualHours {
  userId: string;
  halfHours: number;
  reason: string;
}

/** POST /redemptions (with an idempotency-key header). */
export interface RedeemRequest {
  outletId: string;
  rewardId: string;
}

/** POST /station/outlets/{id}/rewards. */
export interface RewardDraft {
  name: string;
  description?: string;
  pricePoints: number;
  stock: number;
}

/** POST /station/outlets/{id}/rewards/{rewardId}: any one change. */
export interface RewardChange {
  pricePoints?: number;
  active?: boolean;
  addStock?: number;
}

/** A listed outlet's edit that waits for the circle's worker, field by field. */
export interface PendingRevision {
  id: string;
  outletId: string;
  createdAt: string;
  by: string;
  changes: Change[];
}

/** One line of an outlet's public price history. */
export interface PriceChange {
  at: string;
  serviceId: string;
  name: string;
  from: string | null;
  to: string | null;
}

/** A resident's report about an outlet (纠错), and what came of it. */
export interface OutletReport {
  outletId: string;
  outletName: string;
  kind: ReportKind;
  note?: string;
  at: string;
  outcome?: ReportOutcome;
  outcomeNote?: string;
}

/** Three or more independent reports within 30 days: a task in the circle worker's queue. */
export interface ReportTask {
  outletId: string;
  outletName: string;
  circleId: string;
  state: 'collecting' | 'open';
  openedAt?: string;
  reports: Array<{ userId: string; kind: ReportKind; note?: string; at: string }>;
  version: number;
}

/** One entry of an outlet's append-only audit trail: who did what, when, and why. */
export interface AuditEntry {
  id: string;
  at: string;
  by: string;
  role: 'owner' | 'worker' | 'system';
  action: string;
  from?: OutletStatus;
  to?: OutletStatus;
  reason?: DecisionReason;
  note?: string;
  until?: string;
}
