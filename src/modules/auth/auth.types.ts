/** Who is acting: the signed-in user with their roles, each scoped to an organisation and a region. */

export const roles = ['professional', 'provider', 'coordinator', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export interface RoleGrant {
  role: Role;
  /** null only for a national admin */
  organisationId: string | null;
  /** null only for a national admin */
  regionCode: string | null;
}

export interface Actor {
  userId: string;
  name: string;
  roles: RoleGrant[];
}

export type SignInMethod = 'oidc' | 'dev';
