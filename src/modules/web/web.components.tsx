/** Parts shared by the resident pages: activity cards, pagination, JSON-LD, QR, labels. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { raw } from '#jsx/jsx-runtime';
import { formatDateTime, formatNumber } from '../../platform/format.ts';
import { pickText, type Language, type ShownText } from '../../platform/localised.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { Text } from '../../ui/layout.tsx';
import type { SearchHit } from '../search/index.ts';
import { serializeJsonLd } from './json-ld.ts';
import { qrSvg } from '../../ui/qr.ts';
import type { TaxonomyTerm, TrayReference } from './web.service.ts';

/** What every resident page view receives besides its own data. */
export interface TrayProps {
  ctx: PageContext;
  /** path prefix of the tray: '/fi', or '/fi/pirkanmaa' on a region's tray */
  base: string;
  reference: TrayReference;
}

export function termLabel(terms: readonly TaxonomyTerm[], code: string, lang: Language): ShownText {
  const term = terms.find((t) => t.code === code);
  return pickText(term?.label, lang) ?? { text: code, lang, fallback: false };
}

export function municipalityName(reference: TrayReference, code: string | null, lang: Language): string {
  if (!code) return '';
  return pickText(reference.municipalities.find((m) => m.code === code)?.name, lang)?.text ?? code;
}

export function JsonLd(props: { data: unknown }): SafeHtml {
  return raw(`<script type="application/ld+json">${serializeJsonLd(props.data)}</script>`);
}

/** The QR code back to a page with the address written out, shown only on paper. */
export function PrintBackLink(props: { ctx: PageContext; url: string }): SafeHtml {
  const { ctx, url } = props;
  return (
    <div class="print-only print-back">
      {raw(qrSvg(url, ctx.t('web.print.qrLabel')))}
      <p>
        {ctx.t('web.print.qrText')}
        <br />
        <span class="print-url">{url}</span>
      </p>
    </div>
  );
}

export function CostBadges(props: { ctx: PageContext; costType: string; kaikukortti: boolean }): SafeHtml {
  const { ctx } = props;
  return (
    <>
      {props.costType === 'free' ? <li class="badge badge--free">{ctx.t('web.cost.free')}</li> : null}
      {props.kaikukortti ? <li class="badge">{ctx.t('web.cost.kaikukortti')}</li> : null}
    </>
  );
}

export function ActivityCard(props: TrayProps & { hit: SearchHit; headingLevel?: 2 | 3; target?: string }): SafeHtml {
  const { ctx, hit, base, reference } = props;
  const lang = ctx.lang;
  const summary = pickText(hit.plainSummary, lang) ?? pickText(hit.summary, lang);
  const place = hit.location
    ? [pickText(hit.location.name, lang)?.text, municipalityName(reference, hit.location.municipalityCode, lang)].filter(Boolean).join(', ')
    : '';
  const otherLanguages = hit.languages.filter((l) => l !== lang);
  const title = (
    <a href={`${base}/activities/${hit.id}`} target={props.target}>
      <Text shown={pickText(hit.name, lang)} />
    </a>
  );
  return (
    <li class="card">
      {props.headingLevel === 2 ? <h2 class="card__title">{title}</h2> : <h3 class="card__title">{title}</h3>}
      <p class="card__org">
        <Text shown={pickText(hit.organisation.name, lang)} />
      </p>
      {summary ? (
        <p class="card__summary" lang={summary.fallback ? summary.lang : undefined}>
          {summary.text}
        </p>
      ) : null}
      <ul class="facts">
        {place ? (
          <li>
            <span class="facts__label">{ctx.t('web.card.place')}</span> {place}
            {hit.distanceKm !== undefined ? ` (${ctx.t('web.card.distance', { km: formatNumber(hit.distanceKm, lang, 1) })})` : ''}
          </li>
        ) : null}
        {hit.nextEventAt ? (
          <li>
            <span class="facts__label">{ctx.t('web.card.next')}</span> {formatDateTime(new Date(hit.nextEventAt), lang)}
          </li>
        ) : null}
        {otherLanguages.length > 0 && !hit.languages.includes(lang) ? (
          <li>
            <span class="facts__label">{ctx.t('web.card.language')}</span> {hit.languages.map((l) => languageName(ctx, l)).join(', ')}
          </li>
        ) : null}
      </ul>
      <ul class="badges">
        <CostBadges ctx={ctx} costType={hit.costType} kaikukortti={hit.kaikukortti} />
      </ul>
    </li>
  );
}

/** Previous / next and nearby page numbers, as plain links. */
export function Pagination(props: { ctx: PageContext; page: number; pageCount: number; href: (page: number) => string }): SafeHtml {
  const { ctx, page, pageCount, href } = props;
  if (pageCount <= 1) return raw('');
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={ctx.t('web.pagination.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {ctx.t('web.pagination.previous')}
            </a>
          </li>
        ) : null}
        {numbers.map((n, i) => (
          <>
            {i > 0 && n - numbers[i - 1]! > 1 ? <li aria-hidden="true">…</li> : null}
            <li>
              {n === page ? (
                <span aria-current="page">
                  <span class="visually-hidden">{ctx.t('web.pagination.page')} </span>
                  {n}
                </span>
              ) : (
                <a href={href(n)}>
                  <span class="visually-hidden">{ctx.t('web.pagination.page')} </span>
                  {n}
                </a>
              )}
            </li>
          </>
        ))}
        {page < pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {ctx.t('web.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A full URL of a page path on this site. */
export function absolute(ctx: PageContext, path: string): string {
  return `${ctx.publicUrl}${path}`;
}

const languageNames: Record<Language, Intl.DisplayNames> = {
  fi: new Intl.DisplayNames(['fi'], { type: 'language' }),
  sv: new Intl.DisplayNames(['sv'], { type: 'language' }),
  en: new Intl.DisplayNames(['en'], { type: 'language' }),
};

/** The name of a language an activity is held in ('fi-plain' is selkokieli, plain Finnish). */
export function languageName(ctx: PageContext, code: string): string {
  if (code === 'fi-plain') return ctx.t('web.language.fiPlain');
  try {
    return languageNames[ctx.lang].of(code) ?? code;
  } catch {
    return code;
  }
}
