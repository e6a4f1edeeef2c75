/**
 * What routes use to render pages: a PageContext per request (language, translator, CSRF token,
 * signed-in user, region) and sending HTML. Built once in app.ts and passed to modules.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from '#jsx/jsx-runtime';
import { issueCsrfToken, type CsrfOptions } from './csrf.ts';
import type { I18n } from './i18n.ts';
import { createPageContext, type PageContext, type PageUser, type RegionBrand } from './page-context.ts';

export interface PageKit {
  i18n: I18n;
  /**
   * The context for rendering a page of this request. Its CSRF token is issued when a form reads
   * it: a page without a form (search, results, an activity) sets no cookie, so browsing the tray
   * leaves nothing in the resident's browser.
   */
  context(request: FastifyRequest, reply: FastifyReply, extra?: { region?: RegionBrand }): Promise<PageContext>;
  /** Sends a rendered page as UTF-8 HTML. */
  send(reply: FastifyReply, page: SafeHtml, status?: number): FastifyReply;
}

export interface PageKitOptions {
  i18n: I18n;
  publicUrl: string;
  csrf: CsrfOptions;
  /** Resolves the signed-in user of a request (set by the auth module). */
  user?: (request: FastifyRequest) => Promise<PageUser | undefined>;
}

export function createPageKit(options: PageKitOptions): PageKit {
  return {
    i18n: options.i18n,
    async context(request, reply, extra = {}) {
      const user = await options.user?.(request);
      const ctx = createPageContext(request, options.i18n, options.publicUrl, { ...(user ? { user } : {}), ...extra });
      let token: string | undefined;
      // Rendering ends before the reply is sent, so the cookie goes out with the page.
      Object.defineProperty(ctx, 'csrfToken', { enumerable: true, get: () => (token ??= issueCsrfToken(request, reply, options.csrf)) });
      return ctx;
    },
    send(reply, page, status = 200) {
      return reply.status(status).type('text/html; charset=utf-8').send(page.value);
    },
  };
}
