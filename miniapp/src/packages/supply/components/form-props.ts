import type { ApplicationForm } from '../form/application-form';

/** What every section of the application form gets: the whole form and a patch to apply to it. */
export interface SectionProps {
  form: ApplicationForm;
  set(patch: Partial<ApplicationForm>): void;
}
