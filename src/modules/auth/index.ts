/**
 * The auth module's public API. Other modules use the route guards, the current actor and the
 * policy helpers; app.ts wires the session hook, the CSRF binding and the page user.
 */
export { roles, isRole, type Role, type RoleGrant, type Actor, type SignInMethod } from './auth.types.ts';
export * from './auth.policy.ts';
export { currentActor, currentSession, requireRole, requireSignedIn, csrfBinding, pageUserOf, sessionHook } from './auth.http.ts';
export { registerAuthRoutes, type AuthDeps } from './auth.routes.ts';
export { authMessages } from './auth.messages.ts';
export { ensureDevUsers, devUserSpecs } from './dev-users.service.ts';
export { purgeExpiredSessions } from './session.service.ts';
export { registerAdminRoutes } from './admin.routes.ts';
