/** What every page view receives: language, translator, paths and the signed-in user, as props. */
import type { FastifyRequest } from 'fastify';
import type { I18n, Translate } from './i18n.ts';
import { isLanguage, type Language } from './localised.ts';

export interface RegionBrand {
  code: string;
  slug: string;
  name: string;
  colour: string | null;
}

export interface PageUser {
  id: string;
  name: string;
  roles: string[];
  organisationName?: string;
}

export interface PageContext {
  lang: Language;
  t: Translate;
  /** The current path without the language prefix, with its query string ('/activities/…?…'). */
  pathWithoutLang: string;
  publicUrl: string;
  region?: RegionBrand;
  user?: PageUser;
  csrfToken?: string;
}

/** The page language from the URL prefix (/fi, /sv, /en), else from Accept-Language, else Finnish. */
export function requestLanguage(request: FastifyRequest): Language {
  const prefix = request.url.split('/')[1]?.split('?')[0];
  if (isLanguage(prefix)) return prefix;
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return 'fi';
}

export function stripLanguage(url: string): string {
  const match = /^\/(fi|sv|en)(?=\/|\?|$)/.exec(url);
  const rest = match ? url.slice(match[0].length) : url;
  return rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest;
}

export function createPageContext(
  request: FastifyRequest,
  i18n: I18n,
  publicUrl: string,
  extra: Partial<Pick<PageContext, 'region' | 'user' | 'csrfToken'>> = {},
): PageContext {
  const lang = requestLanguage(request);
  return {
    lang,
    t: i18n.translator(lang),
    pathWithoutLang: stripLanguage(request.url),
    publicUrl,
    ...extra,
  };
}
