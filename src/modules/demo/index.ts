/** Demo tray: a deterministic generated catalogue for development, demos and benchmarks. */
export { ensureDemoData, loadDemoData, defaultDemoOptions, type DemoOptions, type DemoLoadResult } from './demo.service.ts';
export { generateDemoCatalogue, demoRegionCodes, type DemoInput, type DemoCatalogue } from './demo.generator.ts';
