import type { Me, Role } from '@shared/api';

/** Whether the signed-in user holds a role (the server checks again; this only decides what to show). */
export function hasRole(user: Pick<Me, 'roles'> | null | undefined, role: Role): boolean {
  return !!user?.roles.includes(role);
}
