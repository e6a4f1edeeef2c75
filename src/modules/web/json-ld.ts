/**
 * schema.org JSON-LD for search engines: an activity as Service (GovernmentService when a public
 * body provides it) with its channels and places, its dated occurrences as Events, organisations
 * and the site's search. Confidential addresses never appear. Pure functions.
 */
import { textOf, type Language } from '../../platform/localised.ts';
import type { ServiceDetail } from '../catalog/index.ts';

type Json = Record<string, unknown>;

const publicBodies = ['municipality', 'welfare_region', 'state'];

/** JSON for a <script type="application/ld+json">: `<` is escaped so that text cannot close the script. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function organisationType(type: string): string {
  if (publicBodies.includes(type)) return 'GovernmentOrganization';
  if (type === 'ngo') return 'NGO';
  return 'Organization';
}

function place(location: ServiceDetail['locations'][number], lang: Language, municipalityName: (code: string | null) => string): Json {
  const street = textOf(location.streetAddress, lang);
  const locality = textOf(location.postOffice, lang) || municipalityName(location.municipality);
  return {
    '@type': 'Place',
    name: textOf(location.name, lang) || locality,
    address: {
      '@type': 'PostalAddress',
      ...(street ? { streetAddress: street } : {}),
      ...(location.postalCode ? { postalCode: location.postalCode } : {}),
      ...(locality ? { addressLocality: locality } : {}),
      addressCountry: 'FI',
    },
    ...(location.latitude !== null && location.longitude !== null
      ? { geo: { '@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude } }
      : {}),
  };
}

export interface ActivityJsonLdInput {
  activity: ServiceDetail;
  lang: Language;
  url: string;
  organisationUrl: string;
  targetGroupLabels: string[];
  municipalityName: (code: string | null) => string;
}

export function activityJsonLd(input: ActivityJsonLdInput): Json {
  const { activity, lang, url } = input;
  const provider = {
    '@type': organisationType(activity.organisation.type),
    name: textOf(activity.organisation.name, lang),
    url: input.organisationUrl,
  };
  const places = activity.locations.map((l) => place(l, lang, input.municipalityName));
  const phone = activity.channels.find((c) => c.kind === 'phone');
  const web = activity.channels.find((c) => c.kind === 'web' || c.kind === 'eservice');
  const email = activity.channels.find((c) => c.kind === 'email');
  const free = activity.costType === 'free';
  const service: Json = {
    '@type': publicBodies.includes(activity.organisation.type) ? 'GovernmentService' : 'Service',
    '@id': url,
    url,
    name: textOf(activity.name, lang),
    description: textOf(activity.summary, lang) || textOf(activity.description, lang),
    provider,
    ...(activity.municipalities.length
      ? { areaServed: activity.municipalities.map((code) => ({ '@type': 'AdministrativeArea', name: input.municipalityName(code) })) }
      : activity.areaType === 'nationwide'
        ? { areaServed: { '@type': 'Country', name: 'Finland' } }
        : {}),
    ...(input.targetGroupLabels.length ? { audience: { '@type': 'Audience', audienceType: input.targetGroupLabels.join(', ') } } : {}),
    ...(activity.languages.length ? { availableLanguage: activity.languages.map((l) => (l === 'fi-plain' ? 'fi' : l)) } : {}),
    ...(free ? { offers: { '@type': 'Offer', price: '0', priceCurrency: 'EUR' } } : {}),
    availableChannel: {
      '@type': 'ServiceChannel',
      ...(web ? { serviceUrl: textOf(web.value, lang) } : {}),
      ...(phone || email
        ? {
            servicePhone: {
              '@type': 'ContactPoint',
              ...(phone ? { telephone: textOf(phone.value, lang) } : {}),
              ...(email ? { email: textOf(email.value, lang) } : {}),
            },
          }
        : {}),
      ...(places[0] ? { serviceLocation: places[0] } : {}),
    },
  };
  const events = activity.upcomingEvents.map((event) => {
    const location = activity.locations.find((l) => l.id === event.locationId) ?? activity.locations[0];
    return {
      '@type': 'Event',
      name: textOf(event.name, lang) || textOf(activity.name, lang),
      url,
      startDate: event.startsAt,
      ...(event.endsAt ? { endDate: event.endsAt } : {}),
      eventStatus: `https://schema.org/${event.status === 'cancelled' ? 'EventCancelled' : event.status === 'postponed' ? 'EventPostponed' : 'EventScheduled'}`,
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      ...(location ? { location: place(location, lang, input.municipalityName) } : {}),
      organizer: provider,
      isAccessibleForFree: free,
      ...(free ? { offers: { '@type': 'Offer', price: '0', priceCurrency: 'EUR', url } } : {}),
    };
  });
  return { '@context': 'https://schema.org', '@graph': [service, ...events] };
}

export function organisationJsonLd(input: { name: string; type: string; url: string; description: string; website: string | null; email: string | null; phone: string | null }): Json {
  return {
    '@context': 'https://schema.org',
    '@type': organisationType(input.type),
    name: input.name,
    url: input.url,
    ...(input.description ? { description: input.description } : {}),
    ...(input.website ? { sameAs: input.website } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.phone ? { telephone: input.phone } : {}),
  };
}

/** The site and its search box (schema.org SearchAction). */
export function websiteJsonLd(input: { name: string; url: string; searchUrl: string; lang: Language }): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: input.name,
    url: input.url,
    inLanguage: input.lang,
    potentialAction: { '@type': 'SearchAction', target: `${input.searchUrl}?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  };
}
