/**
 * Resident-facing taxonomies: HYTE themes and target groups (DESIGN.md §3). Our own small
 * lists with fi/sv/en labels; external codes (PTV service classes, ontology terms, YSO) map
 * onto them through `taxonomy_mappings`. Codes are stable identifiers: never rename one.
 */
import type { LocalisedText } from '../../../platform/localised.ts';

export interface TaxonomyTermDefinition {
  code: string;
  label: Required<LocalisedText>;
  description: Required<LocalisedText>;
  ageMin?: number;
  ageMax?: number;
}

export const themes = [
  {
    code: 'exercise',
    label: { fi: 'Liikunta ja ulkoilu', sv: 'Motion och friluftsliv', en: 'Exercise and outdoor activities' },
    description: {
      fi: 'Ryhmäliikunta, kuntosalit, uinti, tanssi ja ulkoilu kaikenikäisille.',
      sv: 'Gruppmotion, gym, simning, dans och friluftsliv för alla åldrar.',
      en: 'Group exercise, gyms, swimming, dance and outdoor activities for all ages.',
    },
  },
  {
    code: 'nature',
    label: { fi: 'Luonto', sv: 'Natur', en: 'Nature' },
    description: {
      fi: 'Luontoretket, retkeilykohteet, puutarhat ja luonnossa virkistäytyminen.',
      sv: 'Naturutflykter, friluftsmål, trädgårdar och återhämtning i naturen.',
      en: 'Nature walks, outdoor destinations, gardens and recovering in nature.',
    },
  },
  {
    code: 'culture',
    label: { fi: 'Kulttuuri ja taide', sv: 'Kultur och konst', en: 'Culture and arts' },
    description: {
      fi: 'Kirjastot, museot, konsertit, teatteri, kuvataide ja kulttuurihyvinvointi.',
      sv: 'Bibliotek, museer, konserter, teater, bildkonst och kulturellt välbefinnande.',
      en: 'Libraries, museums, concerts, theatre, visual arts and cultural well-being.',
    },
  },
  {
    code: 'hobbies',
    label: { fi: 'Harrastukset ja vapaa-aika', sv: 'Hobbyer och fritid', en: 'Hobbies and leisure' },
    description: {
      fi: 'Kerhot, kurssit, käsityöt, pelit ja muu mukava tekeminen.',
      sv: 'Klubbar, kurser, hantverk, spel och annan trevlig sysselsättning.',
      en: 'Clubs, courses, crafts, games and other things to enjoy.',
    },
  },
  {
    code: 'meeting_places',
    label: { fi: 'Kohtaamispaikat ja yhteisöt', sv: 'Mötesplatser och gemenskap', en: 'Meeting places and community' },
    description: {
      fi: 'Olohuoneet, kahvilat, asukastilat ja paikat, joissa voi tavata muita.',
      sv: 'Vardagsrum, caféer, invånarlokaler och platser där man kan träffa andra.',
      en: 'Drop-in living rooms, cafés, community spaces and places to meet others.',
    },
  },
  {
    code: 'peer_support',
    label: { fi: 'Vertaistuki', sv: 'Kamratstöd', en: 'Peer support' },
    description: {
      fi: 'Vertaisryhmät ja -tukihenkilöt samassa elämäntilanteessa oleville.',
      sv: 'Kamratgrupper och stödpersoner för personer i samma livssituation.',
      en: 'Peer groups and support persons for people in the same situation.',
    },
  },
  {
    code: 'mental_wellbeing',
    label: { fi: 'Mielen hyvinvointi', sv: 'Psykiskt välbefinnande', en: 'Mental well-being' },
    description: {
      fi: 'Keskusteluapu, kriisiapu, stressin ja yksinäisyyden helpottaminen.',
      sv: 'Samtalsstöd, kristöd, hjälp mot stress och ensamhet.',
      en: 'Someone to talk to, crisis help, easing stress and loneliness.',
    },
  },
  {
    code: 'nutrition',
    label: { fi: 'Ravitsemus ja ruoka-apu', sv: 'Kost och mathjälp', en: 'Nutrition and food aid' },
    description: {
      fi: 'Ruoanlaitto, yhteiset ateriat, ravitsemusneuvonta ja ruoka-apu.',
      sv: 'Matlagning, gemensamma måltider, kostrådgivning och mathjälp.',
      en: 'Cooking, shared meals, nutrition advice and food aid.',
    },
  },
  {
    code: 'substance_use',
    label: { fi: 'Päihteet ja rahapelaaminen', sv: 'Missbruk och penningspel', en: 'Substance use and gambling' },
    description: {
      fi: 'Tukea alkoholin, huumeiden ja rahapelaamisen hallintaan ja niistä toipumiseen.',
      sv: 'Stöd för att hantera och återhämta sig från alkohol, droger och penningspel.',
      en: 'Support for managing and recovering from alcohol, drugs and gambling.',
    },
  },
  {
    code: 'everyday_support',
    label: {
      fi: 'Arjen tuki ja neuvonta',
      sv: 'Stöd och rådgivning i vardagen',
      en: 'Everyday support and counselling',
    },
    description: {
      fi: 'Neuvontaa raha-asioissa, asumisessa ja arjen sujumisessa.',
      sv: 'Rådgivning om pengar, boende och vardagen.',
      en: 'Advice on money, housing and managing everyday life.',
    },
  },
  {
    code: 'health_advice',
    label: { fi: 'Terveysneuvonta ja elintavat', sv: 'Hälsorådgivning och levnadsvanor', en: 'Health advice and lifestyle' },
    description: {
      fi: 'Terveystarkastukset, elintapaohjaus, uni, paino ja tupakasta vieroitus.',
      sv: 'Hälsokontroller, levnadsvanor, sömn, vikt och rökavvänjning.',
      en: 'Health checks, lifestyle guidance, sleep, weight and quitting smoking.',
    },
  },
  {
    code: 'digital_support',
    label: { fi: 'Digituki', sv: 'Digistöd', en: 'Digital support' },
    description: {
      fi: 'Apua tietokoneen, puhelimen ja verkkoasioinnin käyttöön.',
      sv: 'Hjälp med dator, telefon och e-tjänster.',
      en: 'Help with computers, phones and online services.',
    },
  },
  {
    code: 'volunteering',
    label: { fi: 'Vapaaehtoistoiminta', sv: 'Frivilligverksamhet', en: 'Volunteering' },
    description: {
      fi: 'Mahdollisuuksia auttaa muita ja osallistua vapaaehtoisena.',
      sv: 'Möjligheter att hjälpa andra och delta som frivillig.',
      en: 'Ways to help others and take part as a volunteer.',
    },
  },
  {
    code: 'learning_work',
    label: { fi: 'Oppiminen ja työ', sv: 'Lärande och arbete', en: 'Learning and work' },
    description: {
      fi: 'Opinnot, kielikurssit, työllistymisen tuki ja kuntouttava työtoiminta.',
      sv: 'Studier, språkkurser, stöd till sysselsättning och arbetsverksamhet i rehabiliteringssyfte.',
      en: 'Studies, language courses, employment support and rehabilitative work activity.',
    },
  },
] as const satisfies readonly TaxonomyTermDefinition[];

export const targetGroups = [
  {
    code: 'children',
    label: { fi: 'Lapset', sv: 'Barn', en: 'Children' },
    description: { fi: 'Alle 13-vuotiaat.', sv: 'Under 13 år.', en: 'Under 13 years.' },
    ageMin: 0,
    ageMax: 12,
  },
  {
    code: 'young_people',
    label: { fi: 'Nuoret', sv: 'Unga', en: 'Young people' },
    description: { fi: '13–29-vuotiaat.', sv: '13–29 år.', en: 'Aged 13 to 29.' },
    ageMin: 13,
    ageMax: 29,
  },
  {
    code: 'families',
    label: { fi: 'Lapsiperheet', sv: 'Barnfamiljer', en: 'Families with children' },
    description: { fi: 'Vanhemmat ja lapset yhdessä.', sv: 'Föräldrar och barn tillsammans.', en: 'Parents and children together.' },
  },
  {
    code: 'working_age',
    label: { fi: 'Työikäiset', sv: 'Personer i arbetsför ålder', en: 'Working-age adults' },
    description: { fi: '18–64-vuotiaat.', sv: '18–64 år.', en: 'Aged 18 to 64.' },
    ageMin: 18,
    ageMax: 64,
  },
  {
    code: 'older_people',
    label: { fi: 'Ikääntyneet', sv: 'Äldre', en: 'Older people' },
    description: { fi: 'Eläkeikäiset ja ikäihmiset.', sv: 'Pensionärer och äldre personer.', en: 'Retired and older people.' },
    ageMin: 65,
    ageMax: 120,
  },
  {
    code: 'carers',
    label: { fi: 'Omaishoitajat', sv: 'Närståendevårdare', en: 'Informal carers' },
    description: {
      fi: 'Läheistään hoitavat ja heidän perheensä.',
      sv: 'Personer som vårdar en närstående och deras familjer.',
      en: 'People caring for a family member or friend.',
    },
  },
  {
    code: 'people_with_disabilities',
    label: { fi: 'Vammaiset henkilöt', sv: 'Personer med funktionsnedsättning', en: 'People with disabilities' },
    description: {
      fi: 'Toimintarajoitteiset ja heidän läheisensä.',
      sv: 'Personer med funktionsnedsättning och deras närstående.',
      en: 'People with disabilities and their families.',
    },
  },
  {
    code: 'immigrants',
    label: { fi: 'Maahanmuuttajat', sv: 'Invandrare', en: 'Immigrants' },
    description: {
      fi: 'Suomeen muuttaneet ja kotoutumisvaiheessa olevat.',
      sv: 'Personer som flyttat till Finland och håller på att integreras.',
      en: 'People who have moved to Finland and are settling in.',
    },
  },
  {
    code: 'recovery',
    label: { fi: 'Mielenterveys- ja päihdekuntoutujat', sv: 'Rehabiliteringsklienter inom psykisk hälsa och missbruk', en: 'People in mental health or substance use recovery' },
    description: {
      fi: 'Mielenterveys- tai päihdeongelmista toipuvat.',
      sv: 'Personer som återhämtar sig från psykiska problem eller missbruk.',
      en: 'People recovering from mental health or substance problems.',
    },
  },
  {
    code: 'unemployed',
    label: { fi: 'Työttömät', sv: 'Arbetslösa', en: 'Unemployed people' },
    description: {
      fi: 'Työttömät ja lomautetut.',
      sv: 'Arbetslösa och permitterade.',
      en: 'People without work or laid off.',
    },
  },
] as const satisfies readonly TaxonomyTermDefinition[];

export type ThemeCode = (typeof themes)[number]['code'];
export type TargetGroupCode = (typeof targetGroups)[number]['code'];

export const themeCodes: readonly ThemeCode[] = themes.map((theme) => theme.code);
export const targetGroupCodes: readonly TargetGroupCode[] = targetGroups.map((group) => group.code);

export function isThemeCode(value: string): value is ThemeCode {
  return (themeCodes as readonly string[]).includes(value);
}

export function isTargetGroupCode(value: string): value is TargetGroupCode {
  return (targetGroupCodes as readonly string[]).includes(value);
}
