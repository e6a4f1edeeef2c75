export { registerWebRoutes, type WebDeps } from './web.routes.ts';
export { webMessages } from './web.messages.ts';
