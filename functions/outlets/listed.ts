/** Outlets as residents may see and book them: approved ones; any other answers exactly like a missing one. */
import { notFound } from '../core/errors';
import type { Outlet } from '../../shared/api';
import { getOutlet, getOutletWithServices } from './store';

/** The outlet record alone (one GetItem) where its price list is not needed. */
export async function listedOutlet(id: string): Promise<Outlet> {
  const outlet = await getOutlet(id);
  if (!outlet || outlet.approval !== 'approved') throw notFound('商户');
  return outlet;
}

export async function listedOutletWithServices(id: string) {
  const found = await getOutletWithServices(id);
  if (!found || found.outlet.approval !== 'approved') throw notFound('商户');
  return found;
}
