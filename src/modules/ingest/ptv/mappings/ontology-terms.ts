/**
 * PTV ontology terms (KOKO URIs; PTV's `ontologyTerms[].uri`) → effect, themes, target groups.
 * The terms are those the 2018 Vaasa/Naantali records use plus a few TERO/JUPO concepts for
 * well-being activities (vertaistukitoiminta, ruoka-apu, elintapaohjaus…). Labels from the
 * records and finto/tero.json / jupo.json; rows marked "our translation" lack an sv/en label
 * in those sources.
 *
 * Effects:
 * - 'in': a concept of a well-being activity; brings the service into the tray unless a
 *   service class says 'out'. With `overridesClassOut` (clubs, open early childhood
 *   education, playgrounds, day activities, youth spaces) it wins over an 'out' class too:
 *   these concepts name an activity precisely, while classes are broad ("school clubs" are
 *   classed P6.2 Perusopetus). Broad terms such as "viheralueet" do not override: street
 *   maintenance (P16.7) carries that term too.
 * - 'veto': grants, permits, rentals, housing services, treatment, child welfare procedures;
 *   keeps the service out whatever else it says.
 * - 'adds': themes/target groups only.
 */
import type { TargetGroupCode, ThemeCode } from '../../../catalog/reference/taxonomy.ts';

export type OntologyEffect = 'in' | 'veto' | 'adds';

export interface OntologyTermMapping {
  uri: string;
  effect: OntologyEffect;
  overridesClassOut?: boolean;
  themes?: readonly ThemeCode[];
  targetGroups?: readonly TargetGroupCode[];
  label: { fi: string; sv?: string; en?: string };
  note?: string;
}

const koko = (id: string) => `http://www.yso.fi/onto/koko/${id}`;

export const ontologyTermMappings: readonly OntologyTermMapping[] = [
  { uri: koko('p30612'), effect: 'in', themes: ['exercise'], label: { fi: 'liikunta', sv: 'motion (idrott)', en: 'physical training' } },
  { uri: koko('p48399'), effect: 'in', themes: ['exercise'], label: { fi: 'urheilu', sv: 'idrott', en: 'sports' } },
  { uri: koko('p68568'), effect: 'in', themes: ['exercise'], label: { fi: 'liikuntalajit', sv: 'idrottsgrenar', en: 'types of exercise' } },
  { uri: koko('p69660'), effect: 'in', themes: ['exercise'], label: { fi: 'sisäliikunta', sv: 'inomhusidrott', en: 'indoor sports' } },
  { uri: koko('p10416'), effect: 'in', themes: ['exercise'], label: { fi: 'liikuntapaikat', sv: 'idrottsplatser', en: 'sports grounds and physical exercise facilities' } },
  { uri: koko('p2867'), effect: 'in', themes: ['exercise'], label: { fi: 'liikuntapalvelut', sv: 'motionstjänster', en: 'physical activity services' } },
  { uri: koko('p68741'), effect: 'in', themes: ['exercise'], label: { fi: 'liikunnanohjaus', sv: 'motionshandledning', en: 'physical training instruction' } },
  { uri: koko('p11070'), effect: 'in', themes: ['exercise'], label: { fi: 'uimahallit', sv: 'simhallar', en: 'indoor swimming pools (sports halls)' } },
  { uri: koko('p32246'), effect: 'in', themes: ['exercise'], label: { fi: 'uinti', sv: 'simning', en: 'swimming' } },
  { uri: koko('p31235'), effect: 'in', themes: ['exercise'], label: { fi: 'pyöräily', sv: 'cykling', en: 'cycling' } },
  { uri: koko('p66946'), effect: 'in', themes: ['exercise'], label: { fi: 'liikuntahallit (sisäliikuntapaikat)', sv: 'idrottshallar', en: 'sports halls' } },
  { uri: koko('p66287'), effect: 'in', themes: ['exercise'], label: { fi: 'sisäliikuntapaikat', sv: 'idrottställen inomhus', en: 'indoor sports facilities' } },
  { uri: koko('p7233'), effect: 'in', themes: ['exercise'], label: { fi: 'liikuntaseurat', sv: 'föreningar för idrott och motion', en: 'sports and exercise clubs' } },
  { uri: koko('p34830'), effect: 'in', themes: ['exercise'], label: { fi: 'urheiluseurat', sv: 'idrottsföreningar', en: 'sports clubs' } },
  { uri: koko('p64690'), effect: 'in', themes: ['exercise'], label: { fi: 'liikuntajärjestöt', sv: 'gymnastik- och idrottsorganisationer', en: 'physical training and sports organisations' } },
  { uri: koko('p48407'), effect: 'in', themes: ['exercise', 'culture'], label: { fi: 'tanssi', sv: 'dans', en: 'dance (performing arts)' } },
  { uri: koko('p31732'), effect: 'in', themes: ['exercise', 'nature'], label: { fi: 'ulkoilu', sv: 'friluftsliv', en: 'outdoor recreation' } },
  { uri: koko('p32966'), effect: 'in', themes: ['exercise', 'nature'], label: { fi: 'ulkoilualueet', sv: 'friluftsområden', en: 'outdoor recreation areas' } },
  { uri: koko('p34333'), effect: 'in', themes: ['nature'], label: { fi: 'puistot', sv: 'parker', en: 'parks' } },
  { uri: koko('p33392'), effect: 'in', themes: ['nature'], label: { fi: 'viheralueet', sv: 'grönområden', en: 'greenbelts' } },
  { uri: koko('p65562'), effect: 'in', themes: ['nature', 'hobbies'], label: { fi: 'viljelypalstat', sv: 'odlingsspalter', en: 'allotments' } },
  { uri: koko('p32576'), effect: 'in', overridesClassOut: true, themes: ['meeting_places', 'exercise'], targetGroups: ['children', 'families'], label: { fi: 'leikkipuistot', sv: 'lekparker', en: 'playgrounds' } },
  { uri: koko('p18172'), effect: 'in', overridesClassOut: true, themes: ['meeting_places'], label: { fi: 'päivätoiminta', sv: 'dagverksamhet', en: 'day activities' } },
  { uri: koko('p54786'), effect: 'in', overridesClassOut: true, themes: ['meeting_places'], targetGroups: ['children', 'families'], label: { fi: 'avoin varhaiskasvatus', sv: 'öppen småbarnsfostran', en: 'open early childhood education and care' }, note: 'open early childhood education: play groups and family cafés' },
  { uri: koko('p52740'), effect: 'in', themes: ['everyday_support', 'meeting_places'], targetGroups: ['families'], label: { fi: 'perhekeskukset (keskukset, sosiaalipalveluja antavat palveluyksiköt)', sv: 'familjecentra', en: 'family centres' } },
  { uri: koko('p76747'), effect: 'in', themes: ['everyday_support', 'meeting_places'], targetGroups: ['families'], label: { fi: 'perhekeskukset (keskukset)', sv: 'familjecentra', en: 'family centres' } }, // sv/en label: our translation
  { uri: koko('p30853'), effect: 'in', overridesClassOut: true, themes: ['meeting_places'], targetGroups: ['young_people'], label: { fi: 'nuorisotilat', sv: 'ungdomslokaler', en: 'youth recreational facilities' } },
  { uri: koko('p69322'), effect: 'in', overridesClassOut: true, themes: ['meeting_places'], targetGroups: ['young_people'], label: { fi: 'avoin nuorisotoiminta', sv: 'öppen ungdomsverksamhet', en: 'open youth activities' } },
  { uri: koko('p14497'), effect: 'in', themes: ['hobbies', 'meeting_places'], targetGroups: ['young_people'], label: { fi: 'nuorisotyö', sv: 'ungdomsarbete', en: 'youth work' } },
  { uri: koko('p53947'), effect: 'in', themes: ['hobbies'], targetGroups: ['young_people'], label: { fi: 'nuorisokerhot', sv: 'ungdomsföreningar', en: 'youth clubs' } },
  { uri: koko('p66986'), effect: 'in', overridesClassOut: true, themes: ['hobbies'], label: { fi: 'harrastus- ja kerhotoiminta', sv: 'hobby- och klubbverksamhet', en: 'hobby and club activities' } },
  { uri: koko('p12427'), effect: 'in', overridesClassOut: true, themes: ['hobbies'], label: { fi: 'kerhotoiminta', sv: 'klubbverksamhet', en: 'club activity' } },
  { uri: koko('p15932'), effect: 'in', overridesClassOut: true, themes: ['hobbies'], label: { fi: 'kerhot', sv: 'klubbar (fritidsverksamhet)', en: 'clubs (recreational)' } },
  { uri: koko('p36214'), effect: 'in', themes: ['hobbies'], label: { fi: 'harrastukset', sv: 'hobbyer', en: 'hobbies' } },
  { uri: koko('p34325'), effect: 'in', themes: ['hobbies'], label: { fi: 'leirit', sv: 'läger', en: 'camps' } },
  { uri: koko('p3971'), effect: 'in', themes: ['hobbies'], label: { fi: 'virkistystoiminta', sv: 'rekreation', en: 'recreation' } },
  { uri: koko('p72236'), effect: 'in', themes: ['culture'], label: { fi: 'kulttuuripalvelut', sv: 'kulturtjänster', en: 'cultural services' } },
  { uri: koko('p12'), effect: 'in', themes: ['culture'], label: { fi: 'kulttuuritoiminta', sv: 'kulturverksamhet', en: 'cultural activity' } },
  { uri: koko('p35910'), effect: 'in', themes: ['culture'], label: { fi: 'museot', sv: 'museer', en: 'museums' } },
  { uri: koko('p48364'), effect: 'in', themes: ['culture'], label: { fi: 'teatterit', sv: 'teatrar', en: 'theatres' } },
  { uri: koko('p68852'), effect: 'in', themes: ['culture'], label: { fi: 'kaupunginorkesterit', sv: 'stadsorkestrar', en: 'city orchestras' } },
  { uri: koko('p15530'), effect: 'in', themes: ['culture'], label: { fi: 'kirjastopalvelut', sv: 'biblioteksservice', en: 'library services' } },
  { uri: koko('p17635'), effect: 'in', themes: ['culture'], label: { fi: 'yleiset kirjastot', sv: 'allmänna bibliotek', en: 'public libraries' } },
  { uri: koko('p30906'), effect: 'in', themes: ['culture'], label: { fi: 'kirjastot', sv: 'bibliotek', en: 'libraries' } },
  { uri: koko('p69447'), effect: 'in', themes: ['culture'], label: { fi: 'galleriat', sv: 'gallerier', en: 'galleries' } },
  { uri: koko('p35489'), effect: 'in', themes: ['culture'], targetGroups: ['young_people'], label: { fi: 'nuorisokulttuuri', sv: 'ungdomskultur', en: 'youth culture' } },
  { uri: koko('p32167'), effect: 'in', themes: ['learning_work', 'hobbies'], label: { fi: 'kansalaisopistot', sv: 'medborgarinstitut', en: 'adult education centres' } },
  { uri: koko('p35641'), effect: 'in', themes: ['learning_work', 'hobbies'], label: { fi: 'työväenopistot', sv: 'arbetarinstitut', en: 'workers\' institutes' } },
  { uri: koko('p5141'), effect: 'in', themes: ['learning_work', 'hobbies'], label: { fi: 'vapaa sivistystyö', sv: 'fritt bildningsarbete', en: 'non-formal adult education' } },
  { uri: koko('p68304'), effect: 'in', themes: ['learning_work'], label: { fi: 'työpajatoiminta', sv: 'verksamhet i verkstäder', en: 'workshop activity' } },
  { uri: koko('p15890'), effect: 'in', themes: ['learning_work'], targetGroups: ['unemployed'], label: { fi: 'kuntouttava työtoiminta', sv: 'arbetsverksamhet i rehabiliteringssyfte', en: 'rehabilitative work experience' } },
  { uri: koko('p10274'), effect: 'in', themes: ['learning_work'], targetGroups: ['unemployed'], label: { fi: 'tuettu työllistyminen', sv: 'stödd sysselsättning', en: 'subsidised employment' } },
  { uri: koko('p65930'), effect: 'in', themes: ['learning_work'], targetGroups: ['unemployed'], label: { fi: 'työllistymistä tukeva toiminta', sv: 'sysselsättningsfrämjande verksamhet', en: 'activities that support employment' } },
  { uri: koko('p62202'), effect: 'in', themes: ['everyday_support'], targetGroups: ['young_people'], label: { fi: 'etsivä nuorisotyö', sv: 'uppsökande ungdomsverksamhet', en: 'outreach youth work' } },
  { uri: koko('p75625'), effect: 'in', themes: ['everyday_support'], targetGroups: ['young_people'], label: { fi: 'nuorisoneuvonta', sv: 'ungdomsrådgivning', en: 'youth counselling' } },
  { uri: koko('p69024'), effect: 'in', themes: ['everyday_support'], targetGroups: ['young_people'], label: { fi: 'nuorten tieto- ja neuvontapisteet', sv: 'informations- och rådgivningsställen för ungdomar', en: 'youth information and guidance points' } },
  { uri: koko('p60839'), effect: 'in', themes: ['everyday_support', 'mental_wellbeing'], targetGroups: ['young_people'], label: { fi: 'verkkonuorisotyö', sv: 'ungdomsarbete på nätet', en: 'online youth work' } },
  { uri: koko('p65422'), effect: 'in', themes: ['everyday_support'], label: { fi: 'talous- ja velkaneuvonta (neuvonta)', sv: 'ekonomisk rådgivning och skuldrådgivning', en: 'financial and debt counselling' } },
  { uri: koko('p36467'), effect: 'in', themes: ['everyday_support'], targetGroups: ['immigrants'], label: { fi: 'kotouttaminen', sv: 'integrationsfrämjande', en: 'integrative measures' } },
  { uri: koko('p63622'), effect: 'in', themes: ['everyday_support'], targetGroups: ['immigrants'], label: { fi: 'kotoutuminen', sv: 'integration (invandrare)', en: 'individual integration' } },
  { uri: koko('p15250'), effect: 'in', themes: ['substance_use'], label: { fi: 'ehkäisevä päihdetyö', sv: 'förebyggande missbruksarbete', en: 'preventive drug and intoxicant work' } },
  { uri: koko('p62410'), effect: 'in', themes: ['substance_use'], label: { fi: 'riippuvuusneuvonta', sv: 'missbruksrådgivning', en: 'addiction counselling' } },
  { uri: koko('p63904'), effect: 'in', themes: ['substance_use'], label: { fi: 'huumeneuvonta', sv: 'drogrådgivning', en: 'drugs counselling' } },
  { uri: koko('p63671'), effect: 'in', themes: ['substance_use'], label: { fi: 'ongelmapelaaminen', sv: 'problemspelande', en: 'problem gambling' } },
  { uri: koko('p62275'), effect: 'in', themes: ['substance_use'], label: { fi: 'peliriippuvuus', sv: 'spelberoende', en: 'gambling addiction' } }, // sv/en label: our translation
  { uri: koko('p53711'), effect: 'in', themes: ['substance_use'], label: { fi: 'rahapelaaminen', sv: 'penningspel', en: 'gambling' } }, // sv/en label: our translation
  { uri: koko('p59475'), effect: 'in', themes: ['mental_wellbeing'], label: { fi: 'kriisipsykologia', sv: 'krispsykologi', en: 'crisis psychology' } }, // sv/en label: our translation
  { uri: koko('p71380'), effect: 'in', themes: ['mental_wellbeing'], label: { fi: 'kriisityö', sv: 'krisarbete', en: 'crisis work' } },
  { uri: koko('p31001'), effect: 'in', themes: ['mental_wellbeing'], label: { fi: 'mielenterveys', sv: 'mental hälsa', en: 'mental health' } },
  { uri: koko('p14390'), effect: 'in', themes: ['mental_wellbeing'], label: { fi: 'mielenterveyspalvelut', sv: 'mentalvårdstjänster', en: 'mental health services' } },
  { uri: koko('p62137'), effect: 'in', themes: ['health_advice'], label: { fi: 'hyvinvoinnin edistäminen', sv: 'främjande av välfärd', en: 'promotion of well-being' } }, // sv/en label: our translation
  { uri: koko('p52890'), effect: 'in', themes: ['health_advice'], label: { fi: 'seksuaalisen terveyden edistäminen', sv: 'främjande av sexuell hälsa', en: 'sexual health promotion' } },
  { uri: koko('p15309'), effect: 'in', themes: ['health_advice'], label: { fi: 'seksuaalineuvonta', sv: 'sexualrådgivning', en: 'sexual counselling' } },
  { uri: koko('p4603'), effect: 'in', themes: ['health_advice'], label: { fi: 'terveystarkastukset', sv: 'hälsokontroller', en: 'health examinations' } },
  { uri: koko('p70515'), effect: 'in', themes: ['health_advice'], label: { fi: 'elintapaohjaus', sv: 'handledning i levnadsvanor', en: 'lifestyle counselling' } }, // sv/en label: our translation
  { uri: koko('p51733'), effect: 'in', themes: ['health_advice'], label: { fi: 'tupakoinnin lopettaminen', sv: 'rökavvänjning', en: 'smoking cessation' } },
  { uri: koko('p62699'), effect: 'in', themes: ['nutrition', 'everyday_support'], label: { fi: 'ruoka-apu', sv: 'mathjälp', en: 'food aid' } }, // sv/en label: our translation
  { uri: koko('p75751'), effect: 'in', themes: ['nutrition', 'everyday_support'], label: { fi: 'ruoka-apu (perhe- ja sosiaalipalvelut)', sv: 'mathjälp', en: 'food aid' } }, // sv/en label: our translation
  { uri: koko('p66794'), effect: 'in', themes: ['peer_support'], label: { fi: 'vertaistukitoiminta', sv: 'kamratstödsverksamhet', en: 'peer support activities' } }, // sv/en label: our translation
  { uri: koko('p77841'), effect: 'in', themes: ['everyday_support'], label: { fi: 'sosiaalinen kuntoutus (sosiaalipalvelut)', sv: 'social rehabilitering', en: 'social rehabilitation' }, note: 'social rehabilitation' }, // sv/en label: our translation
  { uri: koko('p30529'), effect: 'adds', targetGroups: ['immigrants'], label: { fi: 'maahanmuuttajat', sv: 'invandrare', en: 'immigrants' } },
  { uri: koko('p33623'), effect: 'adds', targetGroups: ['older_people'], label: { fi: 'vanhukset (ikäryhmät, ikään liittyvä rooli, väestöryhmään liittyvä rooli)', sv: 'åldringar', en: 'elderly' } },
  { uri: koko('p60845'), effect: 'adds', targetGroups: ['older_people'], label: { fi: 'iäkkäät (65-79 vuotta)', sv: 'äldre', en: 'aged' } },
  { uri: koko('p70219'), effect: 'adds', targetGroups: ['older_people'], label: { fi: 'muistisairaat', sv: 'minnessjuka', en: 'people with memory disorders' } },
  { uri: koko('p58671'), effect: 'adds', targetGroups: ['young_people'], label: { fi: 'nuori (13-18 vuotta)', sv: 'ungdomar', en: 'adolescent' } },
  { uri: koko('p56528'), effect: 'adds', targetGroups: ['children'], label: { fi: 'lapsi (6 -12 vuotta)', sv: 'barn', en: 'child' } },
  { uri: koko('p3084'), effect: 'adds', targetGroups: ['carers'], label: { fi: 'omaishoito', sv: 'närståendevård', en: 'caring for close relatives' } },
  { uri: koko('p9074'), effect: 'adds', targetGroups: ['recovery'], label: { fi: 'päihdeongelmaiset', sv: 'missbrukare', en: 'substance abusers' } },
  { uri: koko('p72032'), effect: 'adds', themes: ['substance_use'], targetGroups: ['recovery'], label: { fi: 'päihdekuntoutus (kuntoutus)', sv: 'missbrukarrehabilitering', en: 'substance abuse rehabilitation' } },
  { uri: koko('p6198'), effect: 'adds', themes: ['everyday_support'], label: { fi: 'palveluohjaus', sv: 'servicerådgivning', en: 'service counselling' }, note: 'service guidance: also used for day-care placement guidance' },
  { uri: koko('p34757'), effect: 'veto', label: { fi: 'avustukset', sv: 'understöd (bidrag)', en: 'financial aid' }, note: 'grants and funding' },
  { uri: koko('p66631'), effect: 'veto', label: { fi: 'yleishyödylliset avustukset', sv: 'allmännyttiga bidrag', en: 'nonprofit grants' }, note: 'grants and funding' },
  { uri: koko('p62568'), effect: 'veto', label: { fi: 'hankerahoitus', sv: 'projektfinansiering', en: 'project financing' }, note: 'grants and funding' },
  { uri: koko('p32857'), effect: 'veto', label: { fi: 'luvat', sv: 'tillstånd (lov)', en: 'permits' }, note: 'permits' },
  { uri: koko('p65675'), effect: 'veto', label: { fi: 'rakennus- ja toimenpideluvat', sv: 'byggnads- och åtgärdstillstånd', en: 'construction permits and planning permissions for minor construction' }, note: 'permits' },
  { uri: koko('p65281'), effect: 'veto', label: { fi: 'rakentamisen luvat', sv: 'bygglov', en: 'construction permits' }, note: 'permits' },
  { uri: koko('p30672'), effect: 'veto', label: { fi: 'kalastusluvat', sv: 'fisketillstånd', en: 'fishing licences' }, note: 'permits' },
  { uri: koko('p66934'), effect: 'veto', label: { fi: 'tilojen vuokraus', sv: 'uthyrning av lokaler', en: 'space rentals' }, note: 'rentals' },
  { uri: koko('p68128'), effect: 'veto', label: { fi: 'venepaikat', sv: 'båtplatser', en: 'boat places' }, note: 'rentals' },
  { uri: koko('p17574'), effect: 'veto', label: { fi: 'asumispalvelut', sv: 'boendeservice', en: 'housing services' }, note: 'housing services and institutional care' },
  { uri: koko('p56253'), effect: 'veto', label: { fi: 'palveluasuminen (asumispalvelut)', sv: 'serviceboende', en: 'assisted living' }, note: 'housing services and institutional care' },
  { uri: koko('p76748'), effect: 'veto', label: { fi: 'palveluasuminen (asuminen)', sv: 'serviceboende', en: 'assisted living' }, note: 'housing services and institutional care' }, // sv/en label: our translation
  { uri: koko('p64109'), effect: 'veto', label: { fi: 'tehostettu palveluasuminen', sv: 'intensifierat serviceboende', en: 'service housing with 24-hour assistance' }, note: 'housing services and institutional care' },
  { uri: koko('p53876'), effect: 'veto', label: { fi: 'tuettu asuminen (asumispalvelut)', sv: 'stödboende', en: 'supported accommodation' }, note: 'housing services and institutional care' },
  { uri: koko('p11052'), effect: 'veto', label: { fi: 'laitoshoito', sv: 'institutionsvård', en: 'institutional care' }, note: 'housing services and institutional care' },
  { uri: koko('p16233'), effect: 'veto', label: { fi: 'katkaisuhoito', sv: 'avgiftning', en: 'detoxification (social work with intoxicant abusers)' }, note: 'substance abuse treatment' },
  { uri: koko('p62595'), effect: 'veto', label: { fi: 'vieroitushoito (päihdehuolto)', sv: 'avvänjning', en: 'detoxification' }, note: 'substance abuse treatment' },
  { uri: koko('p66788'), effect: 'veto', label: { fi: 'selviämishoito', sv: 'tillnyktringsvård', en: 'sobering-up treatment' }, note: 'substance abuse treatment' },
  { uri: koko('p77847'), effect: 'veto', label: { fi: 'korvaushoito (päihdehuolto)', sv: 'substitutionsterapi', en: 'replacement therapy' }, note: 'substance abuse treatment' },
  { uri: koko('p66757'), effect: 'veto', label: { fi: 'lastensuojelun sijaishuolto', sv: 'vård utom hemmet inom barnskyddet', en: 'child protection foster care' }, note: 'child welfare procedures' },
  { uri: koko('p64613'), effect: 'veto', label: { fi: 'lastensuojeluilmoitukset (ilmoitukset (tiedotteet))', sv: 'barnskyddsanmälningar', en: 'child welfare notifications' }, note: 'child welfare procedures' }, // sv/en label: our translation
  { uri: koko('p56706'), effect: 'veto', label: { fi: 'lastensuojelutarpeen selvitys', sv: 'utredning av behovet av barnskydd', en: 'assessment of the need for child welfare' }, note: 'child welfare procedures' }, // sv/en label: our translation
];

const byUri = new Map(ontologyTermMappings.map((mapping) => [mapping.uri, mapping]));

/** Looks a term up by its URI (http or https). */
export function findOntologyTermMapping(uri: string): OntologyTermMapping | undefined {
  return byUri.get(uri.trim().replace(/^https:/, 'http:'));
}
