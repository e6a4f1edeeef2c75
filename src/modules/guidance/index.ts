/** The guidance module's public API (referrals will attach to sessions and plans through it). */
export { registerGuidanceRoutes, type GuidanceRouteDeps } from './guidance.routes.ts';
export { guidanceMessages } from './guidance.messages.ts';
export { loadInstruments, parseInstrument, InstrumentConfigError, instrumentsForRegion, itemResults, type Instrument, type ItemResult } from './instruments.ts';
export { sessionFor, purgeOldGuidanceSessions, type GuidanceDeps } from './guidance.service.ts';
export { canUseGuidance, canWorkOnSession } from './guidance.policy.ts';
export { needAreas, needAreaCodes, isNeedAreaCode, type NeedAreaCode, type NeedArea } from './need-areas.ts';
export { needAreasOfService, needAreasOfText } from './need-classifier.ts';
export type { GuidanceSession } from './guidance.types.ts';
export { listGuidanceChecks, type CheckRow } from './guidance.queries.ts';
export { getPlan } from './plan.service.ts';
