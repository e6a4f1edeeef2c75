/** Content-Security-Policy variants of the resident pages (the default is strict). */
import { defaultContentSecurityPolicy } from '../../platform/security-headers.ts';

/** The tile host of a tile URL template as a CSP source ({s} subdomains become a wildcard). */
export function tileSource(tileUrl: string): string {
  const match = /^(https?):\/\/([^/]+)/.exec(tileUrl);
  if (!match) return '';
  return `${match[1]}://${match[2]!.replace(/\{s\}/g, '*')}`;
}

/** The default policy with the map's tile host allowed as an image source. */
export function mapContentSecurityPolicy(tileUrl: string): string {
  return defaultContentSecurityPolicy.replace("img-src 'self' data:", `img-src 'self' data: ${tileSource(tileUrl)}`);
}

/** The widget may be framed by any site (municipal and NGO pages embed it). */
export const widgetContentSecurityPolicy = defaultContentSecurityPolicy.replace("frame-ancestors 'none'", 'frame-ancestors *');
