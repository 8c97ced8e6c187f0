/** What the circle-health report says, shared by the functions that compute it and the pages that show it. */
import type { FacilityGroup, FacilityLevel, FacilityTier, TimeWindow } from './standards';

export type CellStatus = 'met' | 'thin' | 'missing';
export type Pace = 'adult' | 'elder';
/** 'any': open at any time counts; 'window': only outlets open in the type's time window (same as any without one). */
export type TimeMode = 'any' | 'window';

/** A compound (小区) of a circle with its people, as the circle's worker keeps them. */
export interface CompoundFigures {
  households: number;
  residents: number;
  /** Share of residents aged 60 or over, 0–1. */
  elderlyShare: number;
  updatedAt?: string;
  updatedBy?: string;
}

export interface Compound extends CompoundFigures {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

/** What the report needs of one listed outlet (exactly what a nearby entry holds). */
export interface HealthOutlet {
  id: string;
  name: string;
  categories: string[];
  lat: number;
  lng: number;
  hours: import('../hours').OpeningHours;
  closedUntil?: string;
  checkedAt?: import('../freshness').CheckedAt;
}

export interface NearestOutlet {
  id: string;
  name: string;
  minutes: number;
  elderMinutes: number;
  /** Not confirmed for a year (the living map's 365-day rule): counted apart. */
  unverified: boolean;
  /** Closed until a later date. */
  closed: boolean;
}

/** How many outlets of a type are within its limit, split by what can be relied on. */
export interface Reach {
  good: number;
  unverified: number;
  closed: number;
  status: CellStatus;
}

export interface HealthCell {
  type: string;
  /** Nearest outlet of the type within the report's reach (30 minutes), any hours. */
  nearest: NearestOutlet | null;
  /** Nearest that is open in the type's window (the same as `nearest` for types without one). */
  nearestInWindow: NearestOutlet | null;
  adult: Record<TimeMode, Reach>;
  elder: Record<TimeMode, Reach>;
}

export interface CompoundHealth extends Compound {
  elders: number;
  /** One per facility type, in the order of `CircleHealth.types`. */
  cells: HealthCell[];
}

export interface TypeInfo {
  type: string;
  name: string;
  tier: FacilityTier;
  groups: FacilityGroup[];
  level: FacilityLevel;
  limitMinutes: number;
  limitMetres?: number;
  required: boolean;
  source: string;
  assumption: boolean;
  window?: TimeWindow;
}

export interface Coverage {
  /** Population-weighted: share of residents with at least one reliable outlet within the limit. */
  residentShare: number;
  compoundShare: number;
  /** Share of residents whose compound is met (two or more reliable outlets). */
  metResidentShare: number;
  /** Share of residents reached only by unverified outlets. */
  unverifiedOnlyShare: number;
}

export interface TypeCoverage {
  type: string;
  adult: Record<TimeMode, Coverage>;
  elder: Record<TimeMode, Coverage>;
}

export interface GapCompound {
  id: string;
  name: string;
  status: Exclude<CellStatus, 'met'>;
  residents: number;
  elders: number;
  /** The nearest outlet of the type, beyond the limit when the compound lacks one, within it when thin. */
  nearest: NearestOutlet | null;
}

export interface SitingHint {
  compoundId: string;
  compoundName: string;
  coversResidents: number;
  coversElders: number;
  coversCompounds: number;
}

export interface Gap {
  type: string;
  name: string;
  required: boolean;
  status: Exclude<CellStatus, 'met'>;
  residentsAffected: number;
  eldersAffected: number;
  /** Residents affected, elders counted twice for 一老 types: the sort key. */
  weight: number;
  compounds: GapCompound[];
  siting?: SitingHint;
}

export type GradeLabel = '高品质' | '基本型' | '未达标';
export type MofcomLabel = '基础型' | '提升型' | '品质型';

export interface GradeLine {
  key: string;
  label: string;
  points: number;
  max: number;
  detail: string;
}

export interface Grade {
  rule: string;
  label: GradeLabel;
  mofcomLabel: MofcomLabel;
  points: number;
  basicPresent: number;
  qualityPresent: number;
  lines: GradeLine[];
  /** Why the label is what it is, in one sentence. */
  reason: string;
}

export interface HealthTrend {
  since: string;
  points: { from: number; to: number };
  label: { from: GradeLabel; to: GradeLabel };
  types: Array<{ type: string; from: number; to: number }>;
}

export interface CircleHealth {
  circleId: string;
  circleName: string;
  profile: { id: string; name: string; rule: string };
  /** What the main figures (gaps, grade) use. */
  basis: { pace: Pace; time: TimeMode };
  computedAt: string;
  types: TypeInfo[];
  compounds: CompoundHealth[];
  coverage: TypeCoverage[];
  gaps: Gap[];
  grade: Grade;
  outletsCounted: number;
  unverifiedOutlets: number;
  totals: { residents: number; elders: number; households: number };
  /** Against the latest monthly snapshot before this month, if any. */
  trend?: HealthTrend | null;
}

/** A month's snapshot of a circle's health, for the trend. */
export interface HealthSnapshot {
  month: string;
  profileId: string;
  points: number;
  label: GradeLabel;
  coverage: Record<string, number>;
  at: string;
}

/** A resident's simple view of their own compound: within 15 minutes or not, per type. */
export interface CompoundView {
  circleId: string;
  compound: { id: string; name: string };
  within: Array<{ type: string; name: string; nearest: NearestOutlet }>;
  missing: Array<{ type: string; name: string; nearest: NearestOutlet | null }>;
}
