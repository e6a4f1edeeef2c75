/**
 * Word stems in service texts (fi, sv, en) → effect, themes, target groups: the last resort
 * of the relevance rule, after service classes and ontology terms.
 *
 * Where stems are looked for (relevance.ts):
 * - 'veto' stems: in names and alternative names only ("Rakennuslupa", "Kulttuuriavustukset").
 * - 'in' and 'adds' stems: names, alternative names and keywords count fully (an 'in' stem
 *   there brings the service in unless a service class says 'out'); summaries only supply
 *   themes and target groups when nothing else did.
 *
 * Match modes: 'infix' anywhere in a word (Finnish compounds: "senioriliikunta"), 'prefix' at
 * the start of a word ("sports" but not "transport"), 'suffix' at the end of a word
 * ("rakennuslupa" but not "palvelupaikka"), 'word' a whole word ("park" but not "parking",
 * "gym" but not "gymnasium"). Texts are compared in lower case.
 */
import type { TargetGroupCode, ThemeCode } from '../../../catalog/reference/taxonomy.ts';

export type StemEffect = 'in' | 'veto' | 'adds';
export type StemMatch = 'infix' | 'prefix' | 'suffix' | 'word';

export interface TextStemRule {
  stems: readonly string[];
  match: StemMatch;
  effect: StemEffect;
  themes?: readonly ThemeCode[];
  targetGroups?: readonly TargetGroupCode[];
  /** what the stems mean, for reviewers and for the audit's reasons */
  note: string;
}

export const textStemRules: readonly TextStemRule[] = [
  // vetoes: administrative acts, not activities
  { stems: ['avustu', 'kuntalisä', 'hankerahoit'], match: 'infix', effect: 'veto', note: 'grants and benefits (avustus, kuntalisä)' },
  { stems: ['bidrag', 'understöd'], match: 'infix', effect: 'veto', note: 'grants (bidrag)' },
  { stems: ['grant', 'grants', 'subsidy', 'subsidies'], match: 'word', effect: 'veto', note: 'grants' },
  { stems: ['lupa', 'luvat', 'lupien'], match: 'suffix', effect: 'veto', note: 'permits (rakennuslupa, kaivuluvat)' },
  { stems: ['lupahakemu', 'todistus', 'ilmoitus', 'rekisteröin'], match: 'infix', effect: 'veto', note: 'permit applications, certificates, notifications, registrations' },
  // not plain "tillstånd": "Miljöns tillstånd" is the state of the environment
  { stems: ['tillstånds', 'bygglov', 'rivningslov', 'miljötillstånd', 'intyg', 'anmälan'], match: 'infix', effect: 'veto', note: 'permits, certificates, notifications (sv)' },
  { stems: ['permit', 'licence', 'license', 'certificate', 'notification'], match: 'prefix', effect: 'veto', note: 'permits, certificates, notifications (en)' },
  { stems: ['vuokra', 'palveluseteli', 'uthyrning', 'servicesedel'], match: 'infix', effect: 'veto', note: 'rentals and service vouchers' },
  { stems: ['rental', 'voucher'], match: 'prefix', effect: 'veto', note: 'rentals and service vouchers (en)' },
  { stems: ['asiamies', 'ombud'], match: 'infix', effect: 'veto', note: 'ombudsmen: complaints, not activities' },
  { stems: ['odotusaj'], match: 'infix', effect: 'veto', note: 'published waiting times' },
  {
    // housing services are vetoed by ontology term only: "asumispalveluohjaus" (guidance) is fine
    stems: ['katkaisuhoi', 'vieroitushoi', 'selviämishoi', 'korvaushoi', 'laitoshoi', 'sijaishuol'],
    match: 'infix',
    effect: 'veto',
    note: 'treatment, institutional care and foster care',
  },

  // activities
  {
    stems: ['liikun', 'urheilu', 'kuntosal', 'uimahal', 'jumppa', 'tanssi', 'hiihto', 'luistel', 'skeitti', 'pyöräily', 'uinti'],
    match: 'infix',
    effect: 'in',
    themes: ['exercise'],
    note: 'exercise (fi)',
  },
  { stems: ['uimaran', 'ulkoilu', 'retkeily'], match: 'infix', effect: 'in', themes: ['exercise', 'nature'], note: 'outdoor activities (fi)' },
  { stems: ['motion', 'idrott', 'simhall', 'simstrand', 'dans', 'friluft'], match: 'prefix', effect: 'in', themes: ['exercise'], note: 'exercise (sv)' },
  { stems: ['exercise', 'sport', 'swimming', 'dance', 'outdoor'], match: 'prefix', effect: 'in', themes: ['exercise'], note: 'exercise (en)' },
  { stems: ['gym', 'gymmet', 'gyms'], match: 'word', effect: 'in', themes: ['exercise'], note: 'gyms (not "gymnasium", an upper secondary school in sv)' },
  { stems: ['luonto', 'viheralue', 'puisto'], match: 'infix', effect: 'in', themes: ['nature'], note: 'nature and parks (fi)' },
  { stems: ['natur'], match: 'prefix', effect: 'in', themes: ['nature'], note: 'nature (sv)' },
  { stems: ['park', 'parker', 'parkerna'], match: 'word', effect: 'in', themes: ['nature'], note: 'parks (sv; not "parkering")' },
  { stems: ['nature', 'park', 'parks'], match: 'word', effect: 'in', themes: ['nature'], note: 'nature and parks (en)' },
  { stems: ['kulttuur', 'kirjasto', 'museo', 'teatter', 'konsert', 'orkester', 'taide', 'taitee', 'kuoro'], match: 'infix', effect: 'in', themes: ['culture'], note: 'culture (fi)' },
  { stems: ['kultur', 'bibliotek', 'muse', 'teater', 'konsert'], match: 'prefix', effect: 'in', themes: ['culture'], note: 'culture (sv)' },
  { stems: ['konst', 'konsten'], match: 'word', effect: 'in', themes: ['culture'], note: 'art (sv; not "konstruktion")' },
  { stems: ['culture', 'cultural', 'library', 'museum', 'theatre', 'theater', 'concert', 'orchestra', 'choir'], match: 'prefix', effect: 'in', themes: ['culture'], note: 'culture (en)' },
  { stems: ['harrast', 'kerho', 'viriketoim', 'käsityö', 'leiri'], match: 'infix', effect: 'in', themes: ['hobbies'], note: 'hobbies and clubs (fi)' },
  { stems: ['kansalaisopisto', 'työväenopisto', 'medborgarinstitut', 'arbetarinstitut'], match: 'infix', effect: 'in', themes: ['hobbies', 'learning_work'], note: 'adult education centres' },
  { stems: ['hobby', 'hobbies', 'klubb', 'club', 'läger'], match: 'prefix', effect: 'in', themes: ['hobbies'], note: 'hobbies and clubs (sv, en)' },
  { stems: ['camp', 'camps'], match: 'word', effect: 'in', themes: ['hobbies'], note: 'camps (en; not "campus")' },
  {
    stems: ['kohtaamispaik', 'olohuone', 'perhekahvil', 'asukastal', 'asukastil', 'asukasyhdist', 'päiväkeskus', 'nuorisotil', 'päivätoimin', 'leikkipuisto', 'avoin varhaiskasvatus'],
    match: 'infix',
    effect: 'in',
    themes: ['meeting_places'],
    note: 'meeting places and day activities (fi)',
  },
  { stems: ['mötesplats', 'dagverksamhet', 'ungdomsgård', 'ungdomslokal', 'invånarförening', 'familjecafé'], match: 'infix', effect: 'in', themes: ['meeting_places'], note: 'meeting places (sv)' },
  { stems: ['meeting place', 'drop-in', 'youth centre', 'day activit'], match: 'infix', effect: 'in', themes: ['meeting_places'], note: 'meeting places (en)' },
  { stems: ['vertais', 'kamratstöd', 'peer support', 'peer group'], match: 'infix', effect: 'in', themes: ['peer_support'], note: 'peer support' },
  { stems: ['mielenterv', 'kriisi', 'keskusteluap', 'yksinäis', 'psykolog'], match: 'infix', effect: 'in', themes: ['mental_wellbeing'], note: 'mental well-being (fi)' },
  { stems: ['psykisk', 'krisstöd', 'krishjälp', 'kriscent', 'mental health', 'crisis', 'loneliness'], match: 'prefix', effect: 'in', themes: ['mental_wellbeing'], note: 'mental well-being (sv, en)' },
  { stems: ['ruoka-apu', 'ruokajakelu', 'ravitsemus', 'mathjälp', 'matbank', 'food aid', 'food bank', 'nutrition'], match: 'infix', effect: 'in', themes: ['nutrition'], note: 'nutrition and food aid' },
  { stems: ['päihde', 'päihte', 'huume', 'alkoholi', 'peliriippuv', 'rahapel', 'tupak'], match: 'infix', effect: 'in', themes: ['substance_use'], note: 'substance use and gambling (fi)' },
  { stems: ['missbruk', 'drog', 'alkohol', 'substance', 'drug', 'alcohol', 'gambling'], match: 'prefix', effect: 'in', themes: ['substance_use'], note: 'substance use and gambling (sv, en)' },
  {
    stems: ['velkaneuvon', 'talousneuvon', 'asumisneuvon', 'palveluohjau', 'sosiaaliohjau', 'etsivä nuoriso', 'ohjaamo', 'nuorten tieto', 'skuldrådgivning', 'boenderådgivning', 'debt advice', 'money advice'],
    match: 'infix',
    effect: 'in',
    themes: ['everyday_support'],
    note: 'everyday support and counselling',
  },
  {
    stems: ['neuvola', 'terveysneuvon', 'terveyden edistä', 'hyvinvoinnin edistä', 'elintap', 'terveystarkast', 'terveysvalmenn', 'seksuaalineuvon', 'muistineuvon', 'ehkäisyneuvon'],
    match: 'infix',
    effect: 'in',
    themes: ['health_advice'],
    note: 'health advice and lifestyle (fi)',
  },
  { stems: ['terveysliikun'], match: 'infix', effect: 'in', themes: ['health_advice', 'exercise'], note: 'health-enhancing exercise' },
  { stems: ['rådgivningsbyrå', 'hälsorådgivning', 'hälsokontroll', 'levnadsvan', 'health advice', 'health check', 'health clinic'], match: 'infix', effect: 'in', themes: ['health_advice'], note: 'health advice (sv, en)' },
  { stems: ['digituki', 'digiopast', 'nettipiste', 'tietokoneopast', 'laiteopast', 'digistöd', 'datorhandledning', 'digital support', 'computer help'], match: 'infix', effect: 'in', themes: ['digital_support'], note: 'digital support' },
  { stems: ['vapaaehtois', 'frivillig', 'volunteer'], match: 'infix', effect: 'in', themes: ['volunteering'], note: 'volunteering' },
  { stems: ['työpaja', 'työtoimin', 'kielikurssi', 'verkstad', 'språkkurs', 'arbetsverksamhet', 'workshop', 'language course'], match: 'infix', effect: 'in', themes: ['learning_work'], note: 'learning and work' },

  // target groups
  { stems: ['senior', 'ikäihmi', 'ikäänty', 'eläkeläi', 'vanhus', 'vanhuk', 'ikäkeskus', 'äldre', 'pensionär', 'elderly', 'older people'], match: 'infix', effect: 'adds', targetGroups: ['older_people'], note: 'older people' },
  { stems: ['lapsi', 'lasten', 'lapset', 'child'], match: 'infix', effect: 'adds', targetGroups: ['children'], note: 'children (fi, en)' },
  { stems: ['barn'], match: 'prefix', effect: 'adds', targetGroups: ['children'], note: 'children (sv)' },
  { stems: ['perhe', 'famil'], match: 'infix', effect: 'adds', targetGroups: ['families'], note: 'families' },
  { stems: ['nuori', 'nuorten', 'nuoriso', 'ungdom', 'youth', 'young people'], match: 'infix', effect: 'adds', targetGroups: ['young_people'], note: 'young people' },
  { stems: ['unga'], match: 'word', effect: 'adds', targetGroups: ['young_people'], note: 'young people (sv)' },
  { stems: ['omaishoit', 'närståendevård', 'carer'], match: 'infix', effect: 'adds', targetGroups: ['carers'], note: 'informal carers' },
  { stems: ['vammai', 'erityisliikun', 'kehitysvamm', 'funktionsned', 'handikapp', 'disab'], match: 'infix', effect: 'adds', targetGroups: ['people_with_disabilities'], note: 'people with disabilities' },
  { stems: ['maahanmuut', 'kotoutu', 'kotoutt', 'invandr', 'immigrant'], match: 'infix', effect: 'adds', targetGroups: ['immigrants'], note: 'immigrants' },
  { stems: ['kuntoutuj', 'rehabiliteringsklient', 'recovery'], match: 'infix', effect: 'adds', targetGroups: ['recovery'], note: 'people in recovery' },
  { stems: ['työtö', 'työttöm', 'arbetslös', 'unemploy'], match: 'infix', effect: 'adds', targetGroups: ['unemployed'], note: 'unemployed people' },
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = textStemRules.map((rule) => {
  const alternatives = rule.stems.map(escape).join('|');
  const pattern =
    rule.match === 'infix'
      ? new RegExp(`(${alternatives})`, 'u')
      : rule.match === 'prefix'
        ? new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})`, 'u')
        : rule.match === 'suffix'
          ? new RegExp(`(${alternatives})(?![\\p{L}\\p{N}])`, 'u')
          : new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})(?![\\p{L}\\p{N}])`, 'u');
  return { rule, pattern };
});

export interface StemMatchResult {
  rule: TextStemRule;
  stem: string;
}

/** The rules whose stems occur in `text` (lower-cased here), with the stem that matched. */
export function matchTextStems(text: string): StemMatchResult[] {
  const lower = text.normalize('NFC').toLowerCase();
  const matches: StemMatchResult[] = [];
  for (const { rule, pattern } of compiled) {
    const found = pattern.exec(lower);
    if (found) matches.push({ rule, stem: found[1]! });
  }
  return matches;
}
