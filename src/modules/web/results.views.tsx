/**
 * Search results: the filters are one plain GET form (works without JavaScript, bookmarkable),
 * with facet counts; the list is complete on its own and the map only enhances it.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { textOf } from '../../platform/localised.ts';
import { ChoiceGroup, SelectField, type ChoiceOption } from '../../ui/choices.tsx';
import { ErrorSummary, Layout } from '../../ui/layout.tsx';
import type { SearchResult } from '../search/index.ts';
import { ActivityCard, Pagination, PrintBackLink, termLabel, type TrayProps, languageName } from './web.components.tsx';
import {
  accessibilityFeatures,
  activityLanguages,
  hasFilters,
  radiusOptions,
  trayQueryString,
  type FieldError,
  type TrayFilters,
} from './tray-filters.ts';
import { ShareActions } from './share.views.tsx';

export interface MapSettings {
  tileUrl: string;
  attribution: string;
}

export interface ResultsPageProps extends TrayProps {
  filters: TrayFilters;
  errors: FieldError[];
  result: SearchResult;
  /** the absolute address of this results page (share link, QR code) */
  pageUrl: string;
  map?: MapSettings | undefined;
}

const count = (n: number | undefined) => `(${n ?? 0})`;

/**
 * Facet counts are counts within the current results. Options of one group combine with OR, so
 * once a group has a selection the counts of its other options would mislead: they are shown only
 * while the group has no selection (and on the selected options).
 */
const countFor = (selected: readonly string[], value: string, n: number | undefined) =>
  selected.length === 0 || selected.includes(value) ? count(n) : undefined;

/** The same search text with every filter removed. */
const withoutFilters: Partial<TrayFilters> = {
  themes: [], targetGroups: [], regionCode: '', municipalityCode: '', postalCode: '', radiusKm: undefined, free: false,
  kaikukortti: false, language: '', accessibility: [], weekdays: [], times: [], age: undefined, page: 1, sort: 'relevance',
};

function activeFilterLinks(props: ResultsPageProps): { label: string; href: string }[] {
  const { ctx, filters: f, base, reference } = props;
  const lang = ctx.lang;
  const href = (overrides: Partial<TrayFilters>) => `${base}/search${trayQueryString(f, { ...overrides, page: 1 })}`;
  const links: { label: string; href: string }[] = [];
  for (const code of f.themes) links.push({ label: termLabel(reference.themes, code, lang).text, href: href({ themes: f.themes.filter((c) => c !== code) }) });
  for (const code of f.targetGroups) {
    links.push({ label: termLabel(reference.targetGroups, code, lang).text, href: href({ targetGroups: f.targetGroups.filter((c) => c !== code) }) });
  }
  if (f.regionCode) links.push({ label: textOf(reference.regions.find((r) => r.code === f.regionCode)?.name, lang), href: href({ regionCode: '', municipalityCode: '' }) });
  if (f.municipalityCode) links.push({ label: textOf(reference.municipalities.find((m) => m.code === f.municipalityCode)?.name, lang), href: href({ municipalityCode: '' }) });
  if (f.postalCode) links.push({ label: `${ctx.t('web.filters.postalCode')} ${f.postalCode}`, href: href({ postalCode: '', radiusKm: undefined, sort: f.sort === 'distance' ? 'relevance' : f.sort }) });
  if (f.free) links.push({ label: ctx.t('web.cost.free'), href: href({ free: false }) });
  if (f.kaikukortti) links.push({ label: ctx.t('web.cost.kaikukortti'), href: href({ kaikukortti: false }) });
  if (f.language) links.push({ label: languageName(ctx, f.language), href: href({ language: '' }) });
  for (const a of f.accessibility) links.push({ label: ctx.t(`web.access.${a}`), href: href({ accessibility: f.accessibility.filter((x) => x !== a) }) });
  for (const d of f.weekdays) links.push({ label: ctx.t(`web.weekday.${d}`), href: href({ weekdays: f.weekdays.filter((x) => x !== d) }) });
  for (const t of f.times) links.push({ label: ctx.t(`web.time.${t}`), href: href({ times: f.times.filter((x) => x !== t) }) });
  if (f.age !== undefined) links.push({ label: ctx.t('web.filters.ageValue', { age: f.age }), href: href({ age: undefined }) });
  return links;
}

function Filters(props: ResultsPageProps): SafeHtml {
  const { ctx, filters: f, result, reference, errors } = props;
  const lang = ctx.lang;
  const facets = result.facets;
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? ctx.t(e.key) : undefined;
  };
  const themeOptions: ChoiceOption[] = reference.themes.map((t) => {
    const shown = termLabel(reference.themes, t.code, lang);
    return { value: t.code, label: shown.text, lang: shown.fallback ? shown.lang : undefined, detail: countFor(f.themes, t.code, facets.themes[t.code]) };
  });
  const groupOptions: ChoiceOption[] = reference.targetGroups.map((g) => {
    const shown = termLabel(reference.targetGroups, g.code, lang);
    return { value: g.code, label: shown.text, lang: shown.fallback ? shown.lang : undefined, detail: countFor(f.targetGroups, g.code, facets.targetGroups[g.code]) };
  });
  const regionCode = ctx.region?.code ?? f.regionCode;
  const municipalities = regionCode ? reference.municipalities.filter((m) => m.regionCode === regionCode) : [];
  return (
    <details class="filters" open>
      <summary>{ctx.t('web.filters.title')}</summary>
      <div class="filters__body">
        <ChoiceGroup id="theme" name="theme" legend={ctx.t('web.filters.theme')} options={themeOptions} selected={f.themes} />
        <ChoiceGroup id="group" name="group" legend={ctx.t('web.filters.group')} options={groupOptions} selected={f.targetGroups} />
        <fieldset class="choices">
          <legend>{ctx.t('web.filters.where')}</legend>
          {ctx.region ? null : (
            <SelectField
              id="region"
              label={ctx.t('web.filters.region')}
              value={f.regionCode}
              options={[
                { value: '', label: ctx.t('web.filters.wholeCountry') },
                ...reference.regions.map((r) => ({ value: r.code, label: textOf(r.name, lang) })),
              ]}
            />
          )}
          {municipalities.length > 0 ? (
            <SelectField
              id="municipality"
              label={ctx.t('web.filters.municipality')}
              value={f.municipalityCode}
              options={[
                { value: '', label: ctx.t('web.filters.allMunicipalities') },
                ...municipalities.map((m) => ({ value: m.code, label: textOf(m.name, lang), detail: countFor(f.municipalityCode ? [f.municipalityCode] : [], m.code, facets.municipalities[m.code]) })),
              ]}
            />
          ) : null}
          <div class={`field${errorOf('postalCode') ? ' field--error' : ''}`}>
            <label for="postalCode">{ctx.t('web.filters.postalCode')}</label>
            <p class="hint" id="postalCode-hint">
              {ctx.t('web.filters.postalCodeHint')}
            </p>
            {errorOf('postalCode') ? (
              <p class="field-error" id="postalCode-error">
                {errorOf('postalCode')}
              </p>
            ) : null}
            <input
              type="text"
              id="postalCode"
              name="postalCode"
              value={f.postalCode}
              inputmode="numeric"
              autocomplete="postal-code"
              maxlength={10}
              size={6}
              aria-describedby={errorOf('postalCode') ? 'postalCode-hint postalCode-error' : 'postalCode-hint'}
              aria-invalid={errorOf('postalCode') ? 'true' : undefined}
            />
          </div>
          <SelectField
            id="radius"
            label={ctx.t('web.filters.radius')}
            value={f.radiusKm === undefined ? '' : String(f.radiusKm)}
            options={[{ value: '', label: ctx.t('web.filters.anyDistance') }, ...radiusOptions.map((r) => ({ value: String(r), label: ctx.t('web.filters.radiusValue', { km: r }) }))]}
          />
        </fieldset>
        <fieldset class="choices">
          <legend>{ctx.t('web.filters.costAndCard')}</legend>
          <div class="choice">
            <input type="checkbox" id="free" name="free" value="1" checked={f.free} />
            <label for="free">
              {ctx.t('web.cost.free')} <span class="count">{count(facets.free)}</span>
            </label>
          </div>
          <div class="choice">
            <input type="checkbox" id="kaikukortti" name="kaikukortti" value="1" checked={f.kaikukortti} aria-describedby="kaikukortti-hint" />
            <label for="kaikukortti">
              {ctx.t('web.cost.kaikukortti')} <span class="count">{count(facets.kaikukortti)}</span>
            </label>
            <p class="hint" id="kaikukortti-hint">
              {ctx.t('web.cost.kaikukorttiHint')}
            </p>
          </div>
        </fieldset>
        <SelectField
          id="language"
          label={ctx.t('web.filters.language')}
          value={f.language}
          options={[
            { value: '', label: ctx.t('web.filters.anyLanguage') },
            ...activityLanguages.map((l) => ({ value: l, label: languageName(ctx, l), detail: countFor(f.language ? [f.language] : [], l, facets.languages[l]) })),
          ]}
        />
        <ChoiceGroup
          id="access"
          name="access"
          legend={ctx.t('web.filters.accessibility')}
          options={accessibilityFeatures.map((a) => ({ value: a, label: ctx.t(`web.access.${a}`) }))}
          selected={f.accessibility}
        />
        <ChoiceGroup
          id="day"
          name="day"
          legend={ctx.t('web.filters.weekdays')}
          inline
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: ctx.t(`web.weekday.${d}`) }))}
          selected={f.weekdays.map(String)}
        />
        <ChoiceGroup
          id="time"
          name="time"
          legend={ctx.t('web.filters.time')}
          options={(['morning', 'afternoon', 'evening'] as const).map((t) => ({ value: t, label: ctx.t(`web.time.${t}`) }))}
          selected={f.times}
        />
        <div class={`field${errorOf('age') ? ' field--error' : ''}`}>
          <label for="age">{ctx.t('web.filters.age')}</label>
          <p class="hint" id="age-hint">
            {ctx.t('web.filters.ageHint')}
          </p>
          {errorOf('age') ? (
            <p class="field-error" id="age-error">
              {errorOf('age')}
            </p>
          ) : null}
          <input
            type="text"
            id="age"
            name="age"
            inputmode="numeric"
            maxlength={3}
            size={4}
            value={f.age === undefined ? '' : String(f.age)}
            aria-describedby={errorOf('age') ? 'age-hint age-error' : 'age-hint'}
            aria-invalid={errorOf('age') ? 'true' : undefined}
          />
        </div>
        <p class="form-actions">
          <button type="submit">{ctx.t('web.filters.apply')}</button>
        </p>
      </div>
    </details>
  );
}

function EmptyState(props: ResultsPageProps): SafeHtml {
  const { ctx, filters, base } = props;
  return (
    <div class="empty">
      <p>
        <strong>{ctx.t('web.results.none')}</strong>
      </p>
      <ul>
        {filters.text ? <li>{ctx.t('web.results.noneSpelling')}</li> : null}
        {hasFilters(filters) ? (
          <li>
            <a href={`${base}/search${trayQueryString(filters, withoutFilters)}`}>
              {ctx.t('web.results.noneClearFilters')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/self-check`}>{ctx.t('web.results.noneSelfCheck')}</a>
        </li>
      </ul>
    </div>
  );
}

export function ResultsPage(props: ResultsPageProps): SafeHtml {
  const { ctx, filters: f, result, base, errors, map } = props;
  const lang = ctx.lang;
  const heading = f.text ? ctx.t('web.results.titleFor', { text: f.text }) : ctx.t('web.results.title');
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const chips = activeFilterLinks(props);
  const points = map
    ? result.items.flatMap((hit) =>
        hit.location?.latitude != null && hit.location.longitude != null
          ? [{ lat: hit.location.latitude, lon: hit.location.longitude, name: textOf(hit.name, lang), url: `${base}/activities/${hit.id}` }]
          : [],
      )
    : [];
  const title = `${heading} (${ctx.t('web.results.count', { count: result.total })})${f.page > 1 ? ` – ${ctx.t('web.pagination.page')} ${f.page}` : ''}`;
  return (
    <Layout
      ctx={ctx}
      title={errors.length ? `${ctx.t('web.form.errorTitlePrefix')} ${title}` : title}
      description={ctx.t('web.home.lead')}
      head={
        <>
          <meta name="robots" content="noindex, follow" />
          {map ? <link rel="stylesheet" href="/assets/vendor/leaflet/leaflet.css" /> : null}
        </>
      }
      scripts={map ? ['tray.js', 'vendor/leaflet/leaflet.js', 'map.js'] : ['tray.js']}
    >
      <h1>{heading}</h1>
      <form method="get" action={`${base}/search`} class="tray-search" novalidate>
        <ErrorSummary ctx={ctx} errors={errors.map((e) => ({ field: e.field, message: ctx.t(e.key) }))} />
        <div class="search-box">
          <label for="q">{ctx.t('web.search.label')}</label>
          <div class="search-box__row">
            <input
              type="search"
              id="q"
              name="q"
              value={f.text}
              maxlength={600}
              autocomplete="off"
              aria-invalid={errors.some((e) => e.field === 'q') ? 'true' : undefined}
            />
            <button type="submit">{ctx.t('web.search.submit')}</button>
          </div>
        </div>
        <div class="results-layout">
          <Filters {...props} />
          <section class="results" aria-labelledby="results-count">
            <h2 id="results-count" class="results__count">
              {ctx.t('web.results.count', { count: result.total })}
            </h2>
            {result.didYouMean ? (
              <p class="did-you-mean">
                {ctx.t('web.results.didYouMean')}{' '}
                <a href={`${base}/search${trayQueryString(f, { text: result.didYouMean, page: 1 })}`}>{result.didYouMean}</a>
              </p>
            ) : null}
            {chips.length ? (
              <div class="chips">
                <p class="chips__title screen-only">{ctx.t('web.results.activeFilters')}</p>
                <p class="chips__title print-only">{ctx.t('web.results.printFilters')}</p>
                <ul>
                  {chips.map((chip) => (
                    <li>
                      <a href={chip.href}>
                        <span class="visually-hidden">{ctx.t('web.results.removeFilter')} </span>
                        {chip.label}
                        <span aria-hidden="true"> ×</span>
                      </a>
                    </li>
                  ))}
                </ul>
                <p class="screen-only">
                  <a href={`${base}/search${trayQueryString(f, withoutFilters)}`}>
                    {ctx.t('web.results.clearFilters')}
                  </a>
                </p>
              </div>
            ) : null}
            <div class="results__tools">
              <SelectField
                id="sort"
                label={ctx.t('web.sort.label')}
                value={f.sort}
                options={[
                  { value: 'relevance', label: ctx.t('web.sort.relevance') },
                  ...(f.postalCode ? [{ value: 'distance', label: ctx.t('web.sort.distance') }] : []),
                  { value: 'soonest', label: ctx.t('web.sort.soonest') },
                ]}
              />
              <button type="submit" class="button--secondary">
                {ctx.t('web.sort.apply')}
              </button>
            </div>
            <ShareActions ctx={ctx} url={props.pageUrl} title={heading} />
            {map && points.length > 0 ? (
              <div
                id="map"
                class="map"
                hidden
                role="region"
                aria-label={ctx.t('web.map.label')}
                data-tiles={map.tileUrl}
                data-attribution={map.attribution}
                data-points={JSON.stringify(points)}
              ></div>
            ) : null}
            {result.items.length === 0 ? (
              <EmptyState {...props} />
            ) : (
              <ol class="cards" start={(result.page - 1) * result.pageSize + 1}>
                {result.items.map((hit) => (
                  <ActivityCard ctx={ctx} base={base} reference={props.reference} hit={hit} />
                ))}
              </ol>
            )}
            <Pagination ctx={ctx} page={f.page} pageCount={pageCount} href={(page) => `${base}/search${trayQueryString(f, { page })}`} />
            <PrintBackLink ctx={ctx} url={props.pageUrl} />
          </section>
        </div>
      </form>
      <p class="small">
        <a href={`${base}/self-check`}>{ctx.t('web.results.noneSelfCheck')}</a>
      </p>
    </Layout>
  );
}
