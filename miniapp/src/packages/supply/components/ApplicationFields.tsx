import type { Circle } from '@shared/api';
import { BasicsSection } from './BasicsSection';
import { HoursSection } from './HoursSection';
import { LegalSection } from './LegalSection';
import { PinSection } from './PinSection';
import { PricesSection } from './PricesSection';
import { ProvidersSection } from './ProvidersSection';
import type { SectionProps } from './form-props';

/** Every section of the outlet's description, in the order the schema checks them (so its first problem is the first on screen). */
export function ApplicationFields({ form, set, circles, circleLocked, onProblem }: SectionProps & { circles: Circle[]; circleLocked: boolean; onProblem(message: string): void }) {
  return (
    <>
      <BasicsSection form={form} set={set} onProblem={onProblem} />
      <PinSection form={form} set={set} circles={circles} circleLocked={circleLocked} />
      <HoursSection form={form} set={set} />
      <PricesSection form={form} set={set} />
      <LegalSection form={form} set={set} />
      <ProvidersSection form={form} set={set} />
    </>
  );
}
