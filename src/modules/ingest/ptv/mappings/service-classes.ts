/**
 * PTV service classes (ptvserclass2, koodistot.suomi.fi, 2021 version: all 228 codes with their
 * fi/sv/en labels) → tray verdict, HYTE themes and target groups. Reviewed data: change a row,
 * not the algorithm (relevance.ts).
 *
 * Verdicts:
 * - 'in': the class itself says "a well-being activity or low-threshold support" (exercise,
 *   culture, youth work, peer support, advice, health promotion, neuvola).
 * - 'out': the class says "administrative or not for residents' well-being" (permits, land
 *   use, taxes, registers, formal education, child welfare, housing services). An 'out'
 *   class outweighs an 'in' class on the same service; a specific ontology term can still
 *   bring the service in (e.g. school clubs under P6.2 "Perusopetus").
 * - 'neutral': decides nothing alone; its themes and target groups are used when another
 *   signal brings the service in. Treatment and care (P5.1 primary care, P5.13 rehabilitation,
 *   P4.3 home care…) are neutral rather than 'out' so that e.g. adapted exercise classed both
 *   P27.1 and P5.13 stays in, while a doctor's appointment has no 'in' signal and stays out.
 * Services bound to school enrolment (P4.9 pupil welfare, P5.9 school health care) are
 * neutral: residents reach them through their school, not the tray.
 */
import type { TargetGroupCode, ThemeCode } from '../../../catalog/reference/taxonomy.ts';

export type ClassVerdict = 'in' | 'out' | 'neutral';

export interface ServiceClassMapping {
  code: string;
  verdict: ClassVerdict;
  themes?: readonly ThemeCode[];
  targetGroups?: readonly TargetGroupCode[];
  label: { fi: string; sv: string; en: string };
  note?: string;
}

export const serviceClassMappings: readonly ServiceClassMapping[] = [
  { code: 'P1', verdict: 'neutral', label: { fi: 'Asuminen', sv: 'Boende', en: 'Housing' } },
  { code: 'P1.1', verdict: 'out', label: { fi: 'Vuokra-asuminen', sv: 'Hyresboende', en: 'Rental housing' } },
  { code: 'P1.2', verdict: 'out', label: { fi: 'Omistusasuminen', sv: 'Ägarboende', en: 'Owner-occupied housing' } },
  { code: 'P1.3', verdict: 'out', label: { fi: 'Osaomistus- ja asumisoikeusasuminen', sv: 'Delägar- och bostadsrättsboende', en: 'Partial ownership and right-of-occupancy housing' } },
  { code: 'P1.4', verdict: 'out', label: { fi: 'Asumisen tuet', sv: 'Stöd för boende', en: 'Housing benefits' } },
  { code: 'P1.5', verdict: 'out', label: { fi: 'Muuttaminen Suomen sisällä ja väestötiedot', sv: 'Flyttning inom Finland och befolkningsuppgifter', en: 'Migration within Finland and population information' } },

  { code: 'P2', verdict: 'out', label: { fi: 'Rakennettu ympäristö', sv: 'Bebyggd miljö', en: 'Built environment' } },
  { code: 'P2.1', verdict: 'out', label: { fi: 'Rakentaminen', sv: 'Byggande', en: 'Construction' } },
  { code: 'P2.2', verdict: 'out', label: { fi: 'Korjaus- ja energia-avustukset', sv: 'Reparations- och energibidrag', en: 'Renovation and energy grants' } },
  { code: 'P2.3', verdict: 'out', label: { fi: 'Maankäyttö, kaavoitus ja tontit', sv: 'Markanvändning, planering och tomter', en: 'Land use, land use planning and sites' } },
  { code: 'P2.4', verdict: 'out', label: { fi: 'Kiinteistöt', sv: 'Fastigheter', en: 'Properties' } },
  { code: 'P2.5', verdict: 'out', label: { fi: 'Toimitilat', sv: 'Kontorslokaler', en: 'Premises' } },

  { code: 'P3', verdict: 'neutral', targetGroups: ['families'], label: { fi: 'Perheiden palvelut', sv: 'Tjänster för familjer', en: 'Services for families' } },
  { code: 'P3.1', verdict: 'in', themes: ['mental_wellbeing', 'everyday_support'], targetGroups: ['families'], label: { fi: 'Parisuhde', sv: 'Parförhållande', en: 'Intimate relationship' }, note: 'relationship counselling' },
  { code: 'P3.2', verdict: 'neutral', themes: ['everyday_support'], targetGroups: ['families'], label: { fi: 'Lapsen saaminen', sv: 'Att få barn', en: 'Having a child' } },
  { code: 'P3.3', verdict: 'out', targetGroups: ['families'], label: { fi: 'Isyyden ja äitiyden vahvistaminen', sv: 'Fastställande av faderskap och moderskap', en: 'Confirmation of paternity and maternity' }, note: 'legal procedure' },
  { code: 'P3.4', verdict: 'out', targetGroups: ['children', 'families'], label: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik', en: 'Day care' }, note: 'statutory day care; open early childhood education is recognised by its ontology term' },
  { code: 'P3.5', verdict: 'out', targetGroups: ['families'], label: { fi: 'Perheasioiden sovittelu ja perheoikeus', sv: 'Medling i familjeärenden och familjerätten', en: 'Family mediation and family law' }, note: 'legal procedure' },
  { code: 'P3.6', verdict: 'neutral', themes: ['everyday_support'], targetGroups: ['families'], label: { fi: 'Lapsiperheiden sosiaalipalvelut', sv: 'Socialtjänster för barnfamiljer', en: 'Social services for families with children' }, note: 'family social work needs an assessment' },
  { code: 'P3.7', verdict: 'in', themes: ['mental_wellbeing', 'everyday_support'], targetGroups: ['families'], label: { fi: 'Kasvatus- ja perheneuvonta', sv: 'Rådgivning i uppfostrings- och familjefrågor', en: 'Developmental and family counselling' }, note: 'low-threshold family counselling' },
  { code: 'P3.8', verdict: 'out', targetGroups: ['children', 'families'], label: { fi: 'Lastensuojelu', sv: 'Barnskydd', en: 'Child welfare' }, note: 'child welfare: statutory' },
  { code: 'P3.9', verdict: 'out', targetGroups: ['families'], label: { fi: 'Elatusapu', sv: 'Underhåll', en: 'Child maintenance' }, note: 'benefit' },

  { code: 'P4', verdict: 'neutral', label: { fi: 'Sosiaalipalvelut', sv: 'Socialtjänster', en: 'Social services' } },
  { code: 'P4.1', verdict: 'out', label: { fi: 'Asumispalvelut', sv: 'Boendetjänster', en: 'Housing services' }, note: 'housing services: care decided by officials' },
  { code: 'P4.2', verdict: 'neutral', targetGroups: ['older_people'], label: { fi: 'Vanhusten palvelut', sv: 'Äldretjänster', en: 'Services for older people' } },
  { code: 'P4.3', verdict: 'neutral', label: { fi: 'Kotihoito ja kotipalvelut', sv: 'Hemvård och hemservice', en: 'Home care and home services' }, note: 'home care: care decided by officials' },
  { code: 'P4.4', verdict: 'neutral', targetGroups: ['people_with_disabilities'], label: { fi: 'Vammaisten muut kuin asumis- ja kotipalvelut', sv: 'Andra än boende- och hemservice för personer med funktionsnedsättning', en: 'Services for the disabled other than housing and home services' } },
  { code: 'P4.5', verdict: 'neutral', targetGroups: ['people_with_disabilities'], label: { fi: 'Henkilökohtaisen avustajan palvelut', sv: 'Personlig assistans', en: 'Personal assistant services' } },
  { code: 'P4.6', verdict: 'out', label: { fi: 'Perhehoito', sv: 'Familjevård', en: 'Family care' }, note: 'family care: placement' },
  { code: 'P4.7', verdict: 'neutral', targetGroups: ['people_with_disabilities'], label: { fi: 'Kehitysvammahuolto', sv: 'Omsorgen om utvecklingsstörda', en: 'Care for persons with intellectual disabilities' } },
  { code: 'P4.8', verdict: 'in', themes: ['learning_work'], targetGroups: ['unemployed'], label: { fi: 'Työllistyjän tukeminen', sv: 'Stöd för sysselsättning', en: 'Support for jobseekers' }, note: 'rehabilitative work activity' },
  { code: 'P4.9', verdict: 'neutral', themes: ['mental_wellbeing'], targetGroups: ['children', 'young_people'], label: { fi: 'Koulu- ja opiskelijahuollon sosiaalipalvelut', sv: 'Socialtjänster för skol- och studerandevård', en: 'Pupil and student welfare social services' }, note: 'tied to enrolment in a school' },
  { code: 'P4.10', verdict: 'neutral', themes: ['everyday_support'], label: { fi: 'Toimeentulotuki', sv: 'Utkomststöd', en: 'Social assistance' }, note: 'benefit' },
  { code: 'P4.11', verdict: 'in', themes: ['everyday_support', 'learning_work'], targetGroups: ['immigrants'], label: { fi: 'Kotouttaminen', sv: 'Integration', en: 'Integration' } },
  { code: 'P4.12', verdict: 'in', themes: ['peer_support', 'volunteering'], label: { fi: 'Sosiaalipalvelujen vertais- ja vapaaehtoistoiminta', sv: 'Stöd av likställda och frivilligverksamhet inom socialtjänsterna', en: 'Peer and voluntary activities in social services' } },
  { code: 'P4.13', verdict: 'in', themes: ['everyday_support'], label: { fi: 'Sosiaalipalvelujen neuvonta- ja ohjauspalvelut', sv: 'Socialtjänsternas rådgivnings- och handledningstjänster', en: 'Social service advisory and guidance services' }, note: 'advice and guidance' },
  { code: 'P4.14', verdict: 'neutral', label: { fi: 'Sosiaalipalvelujen oheis- ja tukipalvelut', sv: 'Socialtjänsternas sido- och stödtjänster', en: 'Social service auxiliary and support services' } },

  { code: 'P5', verdict: 'neutral', label: { fi: 'Terveydenhuolto, sairaanhoito ja ravitsemus', sv: 'Hälso- och sjukvård, näring', en: 'Health and medical care, nutrition' } },
  { code: 'P5.1', verdict: 'neutral', label: { fi: 'Perusterveydenhuolto', sv: 'Primärvård', en: 'Primary health care' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.2', verdict: 'in', themes: ['health_advice'], targetGroups: ['families'], label: { fi: 'Neuvolapalvelut', sv: 'Rådgivningstjänster', en: 'Health clinic services' }, note: 'maternity and child health clinics: health promotion' },
  { code: 'P5.3', verdict: 'neutral', themes: ['health_advice'], label: { fi: 'Rokotukset', sv: 'Vaccinationer', en: 'Vaccinations' } },
  { code: 'P5.4', verdict: 'neutral', label: { fi: 'Röntgen, laboratorio ja muut tutkimuspalvelut', sv: 'Röntgen, laboratorium och övriga undersökningstjänster', en: 'Imaging, laboratory and other examination services' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.5', verdict: 'neutral', label: { fi: 'Ensiapu ja päivystys', sv: 'Förstahjälpen och jouren', en: 'First aid and emergency care' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.6', verdict: 'neutral', label: { fi: 'Erikoissairaanhoito', sv: 'Specialiserad sjukvård', en: 'Specialised medical care' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.7', verdict: 'in', themes: ['mental_wellbeing', 'substance_use'], label: { fi: 'Päihde- ja mielenterveyspalvelut', sv: 'Tjänster för missbrukare och mentalvårdstjänster', en: 'Intoxicant abuse and mental health services' }, note: 'low-threshold mental health and substance services; treatment and housing are vetoed by name and ontology term' },
  { code: 'P5.8', verdict: 'in', themes: ['health_advice'], label: { fi: 'Terveystarkastukset', sv: 'Hälsoundersökningar', en: 'Health examinations' } },
  { code: 'P5.9', verdict: 'neutral', themes: ['health_advice'], targetGroups: ['children', 'young_people'], label: { fi: 'Koulu- ja opiskelijaterveydenhuolto', sv: 'Skol- och studerandehälsovården', en: 'Pupil and student health care' }, note: 'tied to enrolment in a school' },
  { code: 'P5.10', verdict: 'neutral', label: { fi: 'Suun ja hampaiden terveydenhuolto', sv: 'Mun- och tandhälsovård', en: 'Oral and dental health care' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.11', verdict: 'neutral', themes: ['health_advice'], label: { fi: 'Oma- ja itsehoito', sv: 'Egen- och självvård', en: 'Self-care' } },
  { code: 'P5.12', verdict: 'out', label: { fi: 'Työterveyshuolto', sv: 'Företagshälsovården', en: 'Occupational health care' }, note: 'arranged by employers, not for the tray' },
  { code: 'P5.13', verdict: 'neutral', label: { fi: 'Kuntoutus', sv: 'Rehabilitering', en: 'Rehabilitation' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.14', verdict: 'neutral', targetGroups: ['carers'], label: { fi: 'Kotisairaanhoito ja omaishoito', sv: 'Hemsjukvård och närståendevård', en: 'Home nursing and informal care' } },
  { code: 'P5.15', verdict: 'neutral', label: { fi: 'Lääkkeet ja apteekit', sv: 'Läkemedel och apotek', en: 'Medicines and pharmacies' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.16', verdict: 'in', themes: ['peer_support', 'volunteering'], label: { fi: 'Terveyden vertais- ja vapaaehtoistoiminta', sv: 'Hälsovårdens stöd av likställda och frivilligverksamhet', en: 'Health-related peer and voluntary activities' } },
  { code: 'P5.17', verdict: 'neutral', themes: ['health_advice'], label: { fi: 'Terveyden ja hyvinvoinnin neuvonta- ja ohjauspalvelut', sv: 'Hälsovårdens rådgivnings- och handledningstjänster', en: 'Advisory and guidance services for health and well-being' }, note: 'mixes health counselling with ombudsmen and vouchers: needs a second signal' },
  { code: 'P5.18', verdict: 'neutral', label: { fi: 'Hyvinvointipalvelujen tukipalvelut', sv: 'Hälsovårdens stödtjänster', en: 'Support services for well-being services' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.19', verdict: 'neutral', label: { fi: 'Potilaan oikeudet', sv: 'Patientombudsmannen och patientens rättigheter', en: 'Patient’s rights' }, note: 'treatment or care, not a well-being activity' },
  { code: 'P5.20', verdict: 'in', themes: ['nutrition'], label: { fi: 'Ravinto', sv: 'Näring', en: 'Nutrition' } },
  { code: 'P5.21', verdict: 'out', label: { fi: 'Elintarviketurvallisuus', sv: 'Livsmedelssäkerhet', en: 'Food safety' }, note: 'food safety control' },

  { code: 'P6', verdict: 'out', label: { fi: 'Koulutus', sv: 'Utbildning', en: 'Education and training' } },
  { code: 'P6.1', verdict: 'out', label: { fi: 'Esiopetus', sv: 'Förskoleundervisning', en: 'Pre-school education' } },
  { code: 'P6.2', verdict: 'out', label: { fi: 'Perusopetus', sv: 'Grundläggande utbildning', en: 'Basic education' } },
  { code: 'P6.3', verdict: 'in', themes: ['hobbies'], targetGroups: ['children'], label: { fi: 'Aamu- ja iltapäiväkerhotoiminta', sv: 'Morgon- och eftermiddagsverksamhet', en: 'Morning and afternoon club activities' }, note: 'morning and afternoon clubs for schoolchildren' },
  { code: 'P6.4', verdict: 'out', label: { fi: 'Ammatinvalinta ja opintojen ohjaus', sv: 'Yrkesval och studiehandledning', en: 'Career guidance and guidance counselling' } },
  { code: 'P6.5', verdict: 'out', label: { fi: 'Koulutukseen hakeminen', sv: 'Hur man söker till utbildning', en: 'Applying for a place in education and training' } },
  { code: 'P6.6', verdict: 'out', label: { fi: 'Toisen asteen ammatillinen koulutus', sv: 'Yrkesutbildning på andra stadiet', en: 'Vocational upper secondary education and training' } },
  { code: 'P6.7', verdict: 'out', label: { fi: 'Oppisopimus', sv: 'Läroavtal', en: 'Apprenticeship training' } },
  { code: 'P6.8', verdict: 'out', label: { fi: 'Lukiokoulutus', sv: 'Gymnasieutbildning', en: 'General upper secondary education' } },
  { code: 'P6.9', verdict: 'out', label: { fi: 'Korkeakoulutus', sv: 'Högskoleutbildning', en: 'Higher education' } },
  { code: 'P6.10', verdict: 'neutral', themes: ['learning_work'], label: { fi: 'Aikuis- ja täydennyskoulutus', sv: 'Vuxen- och kompletteringsutbildning', en: 'Adult and continuing education' } },
  { code: 'P6.11', verdict: 'out', label: { fi: 'Yrityskoulutus', sv: 'Företagsutbildning', en: 'Enterprise training' } },
  { code: 'P6.12', verdict: 'out', label: { fi: 'Yrittäjäkoulutus', sv: 'Företagarutbildning', en: 'Entrepreneur training' } },
  { code: 'P6.13', verdict: 'out', label: { fi: 'Opiskelu ulkomailla', sv: 'Studier utomlands', en: 'Studying abroad' } },
  { code: 'P6.14', verdict: 'out', label: { fi: 'Opintojen tukeminen', sv: 'Stöd för studier', en: 'Financial support for studies' } },
  { code: 'P6.15', verdict: 'out', label: { fi: 'Tiede ja tutkimus', sv: 'Vetenskap och undersökning', en: 'Science and research' } },

  { code: 'P7', verdict: 'out', label: { fi: 'Oikeusturva', sv: 'Rättssäkerhet', en: 'Legal protection' } },
  { code: 'P7.1', verdict: 'out', label: { fi: 'Kansalaisten perusoikeudet', sv: 'Medborgarnas grundläggande rättigheter', en: 'Citizens’ fundamental rights' } },
  { code: 'P7.2', verdict: 'out', label: { fi: 'Lait ja asetukset', sv: 'Lagar och förordningar', en: 'Acts and decrees' } },
  { code: 'P7.3', verdict: 'out', label: { fi: 'Laillisuusvalvonta', sv: 'Laglighetsövervakning', en: 'Legal protection and legality' } },
  { code: 'P7.4', verdict: 'neutral', themes: ['everyday_support'], label: { fi: 'Oikeusapu', sv: 'Rättshjälp', en: 'Legal aid' } },
  { code: 'P7.5', verdict: 'out', label: { fi: 'Rikosten ilmoittaminen', sv: 'Anmälan om brottsmål', en: 'Reporting crimes' } },
  { code: 'P7.6', verdict: 'out', label: { fi: 'Syyttäjälaitos', sv: 'Åklagarväsendet', en: 'Prosecutors' } },
  { code: 'P7.7', verdict: 'out', label: { fi: 'Tuomioistuimet', sv: 'Domstolarna', en: 'Courts of law' } },
  { code: 'P7.8', verdict: 'out', label: { fi: 'Rangaistukset', sv: 'Straff', en: 'Sentences and sanctions' } },
  { code: 'P7.9', verdict: 'out', label: { fi: 'Tietosuoja ja henkilötiedot', sv: 'Datasekretess och personuppgifter', en: 'Data protection and personal data' } },
  { code: 'P7.10', verdict: 'neutral', label: { fi: 'Vähemmistöt', sv: 'Minoriteter', en: 'Minorities' } },
  { code: 'P7.11', verdict: 'out', label: { fi: 'Edunvalvonta', sv: 'Intressebevakning', en: 'Public guardianship' } },
  { code: 'P7.12', verdict: 'out', label: { fi: 'Immateriaalioikeudet', sv: 'Immateriella rättigheter', en: 'Intellectual property rights' } },

  { code: 'P8', verdict: 'out', label: { fi: 'Demokratia', sv: 'Demokrati', en: 'Democracy' } },
  { code: 'P8.1', verdict: 'out', label: { fi: 'Puolueet', sv: 'Partier', en: 'Political parties' } },
  { code: 'P8.2', verdict: 'out', label: { fi: 'Vaalit', sv: 'Val', en: 'Elections' } },
  { code: 'P8.3', verdict: 'neutral', label: { fi: 'Kansalaisvaikuttaminen', sv: 'Medborgarnas medverkan', en: 'Civic participation' } },
  { code: 'P8.4', verdict: 'neutral', themes: ['volunteering'], label: { fi: 'Kansalaisjärjestöjen toiminta', sv: 'Frivilligorganisationers verksamhet', en: 'Activities of non-governmental organisations' }, note: 'mostly grants to associations' },

  { code: 'P9', verdict: 'out', label: { fi: 'Yleiset tieto- ja hallintopalvelut', sv: 'Almänna informations- och förvaltningstjänster', en: 'General information and administrative services' } },
  { code: 'P9.1', verdict: 'out', label: { fi: 'Tilasto- ja tietopalvelut', sv: 'Statistik- och informationstjänster', en: 'Statistics and information services' } },
  { code: 'P9.2', verdict: 'out', label: { fi: 'Asiakirja- ja tietopyynnöt', sv: 'Begäran om dokument och information', en: 'Requests for public documents and information' } },
  { code: 'P9.3', verdict: 'out', label: { fi: 'Rekisterit ja tietokannat', sv: 'Register och databaser', en: 'Government (state and local) registers and databases' } },
  { code: 'P9.4', verdict: 'neutral', themes: ['digital_support'], label: { fi: 'Asioinnin tukipalvelut', sv: 'Stödtjänster för ärendehantering', en: 'Support services for public services users' } },
  { code: 'P9.5', verdict: 'out', label: { fi: 'Viranomaisten kuulutukset ja ilmoitukset', sv: 'Myndigheters kungörelser och annonser', en: 'Official notifications and declarations' } },
  { code: 'P9.6', verdict: 'out', label: { fi: 'Hallinnon yleiset neuvontapalvelut', sv: 'Förvaltningens generella rådgivningstjänster', en: 'General advisory services in the public sector' } },

  { code: 'P10', verdict: 'neutral', themes: ['learning_work'], label: { fi: 'Työ ja työttömyys', sv: 'Arbete och arbetslöshet', en: 'Work and unemployment' } },
  { code: 'P10.1', verdict: 'neutral', themes: ['learning_work'], label: { fi: 'Työnhaku ja työpaikat', sv: 'Jobbsökning och arbetsplatser', en: 'Jobseeking and jobs' } },
  { code: 'P10.2', verdict: 'neutral', themes: ['learning_work'], label: { fi: 'Ammatinvalinta ja urasuunnittelu', sv: 'Yrkesval och karriärplanering', en: 'Career guidance and career planning' } },
  { code: 'P10.3', verdict: 'out', label: { fi: 'Työelämän säännöt ja työehtosopimukset', sv: 'Arbetslivets regler och kollektivavtal', en: 'Working life rules and collective agreements' } },
  { code: 'P10.4', verdict: 'neutral', themes: ['learning_work'], label: { fi: 'Työkyky ja ammatillinen kuntoutus', sv: 'Arbetsförmåga och yrkesinriktad rehabilitering', en: 'Work ability and vocational rehabilitation' } },
  { code: 'P10.5', verdict: 'out', label: { fi: 'Työsuojelu', sv: 'Arbetarskydd', en: 'Occupational safety' } },
  { code: 'P10.6', verdict: 'neutral', targetGroups: ['unemployed'], label: { fi: 'Työttömän tuet ja etuudet', sv: 'Stöd och förmåner för arbetslösa', en: 'Support and benefits for the unemployed' }, note: 'benefit' },
  { code: 'P10.7', verdict: 'in', themes: ['learning_work'], targetGroups: ['unemployed'], label: { fi: 'Tuettu työllistyminen', sv: 'Beredskapsarbete', en: 'Subsidised employment' } },
  { code: 'P10.8', verdict: 'in', themes: ['peer_support', 'learning_work'], targetGroups: ['unemployed'], label: { fi: 'Työttömien järjestöt ja vertaistuki', sv: 'Föreningar och kamratstöd för arbetslösa', en: 'Organisations of the unemployed and peer support' } },

  { code: 'P11', verdict: 'out', label: { fi: 'Elinkeinot', sv: 'Näringar', en: 'Industries' } },
  { code: 'P11.1', verdict: 'out', label: { fi: 'Yrityksen perustaminen', sv: 'Etablering av företag', en: 'Establishing an enterprise' } },
  { code: 'P11.2', verdict: 'out', label: { fi: 'Toimialakohtaiset luvat ja velvoitteet', sv: 'Branschspecifika tillstånd och skyldigheter', en: 'Sector-specific permits and obligations' } },
  { code: 'P11.3', verdict: 'out', label: { fi: 'Liiketoiminnan kehittäminen', sv: 'Utveckling av affärsverksamheten', en: 'Business development' } },
  { code: 'P11.4', verdict: 'out', label: { fi: 'Tuote- ja palvelukehitys', sv: 'Utveckling av produkter och tjänster', en: 'Product and service development' } },
  { code: 'P11.5', verdict: 'out', label: { fi: 'Yritysyhteistyö ja verkostoituminen', sv: 'Företagssamarbete och nätverkande', en: 'Business cooperation and networking' } },
  { code: 'P11.6', verdict: 'out', label: { fi: 'Kansainvälistymispalvelut', sv: 'Internationaliseringstjänster', en: 'Internationalisation services' } },
  { code: 'P11.7', verdict: 'out', label: { fi: 'Tuonti ja vienti', sv: 'Import och export', en: 'Import and export' } },
  { code: 'P11.8', verdict: 'out', label: { fi: 'Omistajanvaihdos', sv: 'Ägarbyten', en: 'Change of ownership' } },
  { code: 'P11.9', verdict: 'out', label: { fi: 'Yritystoiminnan lopettaminen', sv: 'Nedläggning av företagsverksamhet', en: 'Winding up an enterprise' } },

  { code: 'P12', verdict: 'out', label: { fi: 'Työnantajan palvelut', sv: 'Arbetsgivares tjänster', en: 'Employer services' } },
  { code: 'P12.1', verdict: 'out', label: { fi: 'Palveluja työnantajalle', sv: 'Arbetsgivartjänster', en: 'Services for employers' } },
  { code: 'P12.2', verdict: 'out', label: { fi: 'Henkilöstöhankinta', sv: 'Rekrytering', en: 'Recruitments' } },
  { code: 'P12.3', verdict: 'out', label: { fi: 'Kotitalous työnantajana', sv: 'Hushåll som arbetsgivare', en: 'A household as an employer' } },
  { code: 'P12.4', verdict: 'out', label: { fi: 'Henkilöstön kehittäminen', sv: 'Personalutveckling', en: 'Personnel development' } },

  { code: 'P13', verdict: 'neutral', label: { fi: 'Eläkkeet', sv: 'Pensioner', en: 'Pensions' } },
  { code: 'P13.1', verdict: 'neutral', label: { fi: 'Kansaneläke', sv: 'Folkpension', en: 'National pension' } },
  { code: 'P13.2', verdict: 'neutral', label: { fi: 'Työeläkkeet', sv: 'Arbetspensioner', en: 'Earnings-related pensions' } },
  { code: 'P13.3', verdict: 'neutral', label: { fi: 'Työkyvyttömyyseläke', sv: 'Invalidpension', en: 'Disability pension' } },
  { code: 'P13.4', verdict: 'neutral', label: { fi: 'Suomalaisen eläketurva ulkomailla', sv: 'Finländares pensionsskydd utomlands', en: 'Pension security for expatriate Finns' } },
  { code: 'P13.5', verdict: 'neutral', label: { fi: 'Suomessa pysyvästi asuvan ulkomaalaisen eläketurva Suomessa', sv: 'Pensionsskydd för utländska medborgare som är permanent bosatta i Finland', en: 'Pension security in Finland for foreigners who are permanently resident in the country' } },

  { code: 'P14', verdict: 'out', label: { fi: 'Verotus ja julkinen talous', sv: 'Beskattning och offentlig ekonomi', en: 'Taxation and public finance' } },
  { code: 'P14.1', verdict: 'out', label: { fi: 'Henkilöverotus', sv: 'Personbeskattning', en: 'Individual taxation' } },
  { code: 'P14.2', verdict: 'out', label: { fi: 'Omaisuuden verotus', sv: 'Egendomsbeskattning', en: 'Net wealth taxation' } },
  { code: 'P14.3', verdict: 'out', label: { fi: 'Ajoneuvojen verotus', sv: 'Fordonsbeskattning', en: 'Vehicle taxation' } },
  { code: 'P14.4', verdict: 'out', label: { fi: 'Yritysverotus', sv: 'Företagsbeskattning', en: 'Corporate taxation' } },
  { code: 'P14.5', verdict: 'out', label: { fi: 'Julkinen talous ja julkiset hankinnat', sv: 'Offentlig ekonomi och upphandling', en: 'Public finance and public procurements' } },

  { code: 'P15', verdict: 'neutral', label: { fi: 'Yksityinen talous ja rahoitus', sv: 'Privat ekonomi och finansiering', en: 'Private finance and funding' } },
  { code: 'P15.1', verdict: 'in', themes: ['everyday_support'], label: { fi: 'Henkilön talous- ja velkaneuvonta', sv: 'Ekonomi- och skuldrådgivning för privatpersoner', en: 'Financial and debt advisory services for individuals' }, note: 'debt and money advice' },
  { code: 'P15.2', verdict: 'out', label: { fi: 'Yrityksen talous- ja velkaneuvonta', sv: 'Ekonomi- och skuldrådgivning för företag', en: 'Financial and debt advisory services for companies' } },
  { code: 'P15.3', verdict: 'out', label: { fi: 'Lainat ja luottotiedot', sv: 'Lån och kredituppgifter', en: 'Loans and credit history' } },
  { code: 'P15.4', verdict: 'out', label: { fi: 'Konkurssi', sv: 'Konkurs', en: 'Bankruptcy' } },
  { code: 'P15.5', verdict: 'out', label: { fi: 'Ulosotto', sv: 'Utsökning', en: 'Enforcement' } },
  { code: 'P15.6', verdict: 'out', label: { fi: 'Pankit', sv: 'Banker', en: 'Banks' } },
  { code: 'P15.7', verdict: 'out', label: { fi: 'Talletusten ja sijoitusten suoja', sv: 'Insättnings- och placeringsskydd', en: 'Protection of deposits and investments' } },
  { code: 'P15.8', verdict: 'out', label: { fi: 'Yritysrahoitus', sv: 'Företagsfinansiering', en: 'Business funding' } },
  { code: 'P15.9', verdict: 'out', label: { fi: 'Rahoitusmarkkinat', sv: 'Finansmarknaden', en: 'Financial market' } },

  { code: 'P16', verdict: 'neutral', label: { fi: 'Liikenne', sv: 'Trafik', en: 'Transport' } },
  { code: 'P16.1', verdict: 'out', label: { fi: 'Ajoneuvot ja rekisteröinti tieliikenteessä', sv: 'Fordon och registrering för vägtrafik', en: 'Vehicles and registration in road transport' } },
  { code: 'P16.2', verdict: 'out', label: { fi: 'Ajo-opetus ja ajoluvat tieliikenteessä', sv: 'Körundervisning och körtillstånd i vägtrafik', en: 'Driving instruction and driving permits in road transport' } },
  { code: 'P16.3', verdict: 'out', label: { fi: 'Liikenneturvallisuus ja liikennesäännöt tieliikenteessä', sv: 'Trafiksäkerhet och trafikregler i vägtrafik', en: 'Traffic safety and rules of the road' } },
  { code: 'P16.4', verdict: 'out', label: { fi: 'Pysäköinti', sv: 'Parkering', en: 'Parking' } },
  { code: 'P16.5', verdict: 'out', label: { fi: 'Joukkoliikenne', sv: 'Kollektivtrafik', en: 'Public transport' } },
  { code: 'P16.6', verdict: 'out', label: { fi: 'Ammattiliikenne tieliikenteessä', sv: 'Professionell vägtrafik', en: 'Professional road transport' } },
  { code: 'P16.7', verdict: 'out', label: { fi: 'Tien- ja kadunpito', sv: 'Väg- och gatuhållning', en: 'Road and street maintenance' } },
  { code: 'P16.8', verdict: 'out', label: { fi: 'Vesiliikenne', sv: 'Vattentrafik', en: 'Waterborne transport' } },
  { code: 'P16.9', verdict: 'out', label: { fi: 'Ilmailu', sv: 'Luftfart', en: 'Aviation' } },

  { code: 'P17', verdict: 'neutral', label: { fi: 'Matkailu', sv: 'Turism', en: 'Tourism' } },
  { code: 'P17.1', verdict: 'out', label: { fi: 'Matkailu Suomessa', sv: 'Turism i Finland', en: 'Tourism in Finland' } },
  { code: 'P17.2', verdict: 'out', label: { fi: 'Matkailu EU-alueella', sv: 'Turism i EU-området', en: 'Tourism in the EU area' } },
  { code: 'P17.3', verdict: 'out', label: { fi: 'Matkailu EU-alueen ulkopuolella', sv: 'Turism utanför EU-området', en: 'Tourism outside the EU area' } },

  { code: 'P18', verdict: 'out', label: { fi: 'Paikkatieto', sv: 'Geodata', en: 'Geospatial data' } },
  { code: 'P18.1', verdict: 'out', label: { fi: 'Kartat ja karttapalvelut', sv: 'Kartor och karttjänster', en: 'Maps and map services' } },
  { code: 'P18.2', verdict: 'out', label: { fi: 'Paikkatietopalvelut', sv: 'Geodatatjänster', en: 'Geographic information services' } },

  { code: 'P19', verdict: 'out', label: { fi: 'Turvallisuus', sv: 'Säkerhet', en: 'Safety and security' } },
  { code: 'P19.1', verdict: 'out', label: { fi: 'Palo- ja pelastustoiminta', sv: 'Brand- och räddningsverksamhet', en: 'Fire and rescue activities' } },
  { code: 'P19.2', verdict: 'out', label: { fi: 'Väestönsuojelu', sv: 'Befolkningsskydd', en: 'Civil defence' } },
  { code: 'P19.3', verdict: 'out', label: { fi: 'Hätänumerot ja onnettomuustilanteet', sv: 'Nödnummer och olyckor', en: 'Emergency numbers and accidents' } },
  { code: 'P19.4', verdict: 'out', label: { fi: 'Maanpuolustus', sv: 'Försvar', en: 'National defence' } },
  { code: 'P19.5', verdict: 'out', label: { fi: 'Rajavalvonta', sv: 'Gränsbevakning', en: 'Border guarding' } },
  { code: 'P19.6', verdict: 'out', label: { fi: 'Säteilyturvallisuus', sv: 'Strålsäkerhet', en: 'Radiation safety' } },

  { code: 'P20', verdict: 'out', label: { fi: 'Järjestys', sv: 'Ordning', en: 'Public order' } },
  { code: 'P20.1', verdict: 'out', label: { fi: 'Järjestyksen valvonta ja poliisin myöntämät luvat', sv: 'Övervakning av ordning och tillstånd som beviljas av polisen', en: 'Maintaining public order and licences and permits granted by the police' } },
  { code: 'P20.2', verdict: 'out', label: { fi: 'Tilaisuuksien järjestäminen', sv: 'Ordnande av evenemang', en: 'Organisation of public events' } },
  { code: 'P20.3', verdict: 'out', label: { fi: 'Löytötavarat', sv: 'Hittegods', en: 'Lost and found property' } },

  { code: 'P21', verdict: 'neutral', label: { fi: 'Kuluttaja-asiat', sv: 'Konsumentärenden', en: 'Consumer matters' } },
  { code: 'P21.1', verdict: 'neutral', themes: ['everyday_support'], label: { fi: 'Kuluttajansuoja', sv: 'Konsumentskydd', en: 'Consumer protection' } },
  { code: 'P21.2', verdict: 'out', label: { fi: 'Vakuutukset', sv: 'Försäkringar', en: 'Insurance' } },

  { code: 'P22', verdict: 'neutral', targetGroups: ['immigrants'], label: { fi: 'Maahan- ja maastamuutto', sv: 'Immigration och emigration', en: 'Immigration and emigration' } },
  { code: 'P22.1', verdict: 'out', label: { fi: 'Maahantuloluvat ja asiakirjat', sv: 'Immigrationstillstånd och handlingar', en: 'Authorisations to enter and documents' } },
  { code: 'P22.2', verdict: 'neutral', themes: ['learning_work'], targetGroups: ['immigrants'], label: { fi: 'Maahanmuuttajan työskentely ja opiskelu', sv: 'Invandrares arbete och studier', en: 'Immigrants’ employment and studies' } },
  { code: 'P22.3', verdict: 'in', themes: ['learning_work'], targetGroups: ['immigrants'], label: { fi: 'Kielikurssit', sv: 'Språkkurser', en: 'Language courses' } },
  { code: 'P22.4', verdict: 'out', label: { fi: 'Kansalaisuuden hakeminen', sv: 'Ansökan om medborgarskap', en: 'Citizenship applications' } },
  { code: 'P22.5', verdict: 'out', label: { fi: 'Muuttaminen Suomesta toiseen pohjoismaahan', sv: 'Flyttning från Finland till ett annat nordiskt land', en: 'Moving from Finland to another Nordic country' } },
  { code: 'P22.6', verdict: 'out', label: { fi: 'Muuttaminen Suomesta toiseen EU-valtioon', sv: 'Flyttning från Finland till ett annat EU-land', en: 'Moving from Finland to another EU Member State' } },
  { code: 'P22.7', verdict: 'out', label: { fi: 'Muuttaminen Suomesta EU:n ulkopuolelle', sv: 'Flyttning från Finland till ett land utanför EU', en: 'Moving from Finland to a non-EU country' } },
  { code: 'P22.8', verdict: 'out', label: { fi: 'Ulkosuomalaiset', sv: 'Finländare i utlandet', en: 'Expatriate Finns' } },
  { code: 'P22.9', verdict: 'out', label: { fi: 'Paluumuutto', sv: 'Återvändande', en: 'Return migration' } },

  { code: 'P23', verdict: 'neutral', label: { fi: 'Ympäristö', sv: 'Miljö', en: 'The environment' } },
  { code: 'P23.1', verdict: 'neutral', label: { fi: 'Ympäristön- ja luonnonsuojelu', sv: 'Miljö- och naturskydd', en: 'Environmental protection and conservation' } },
  { code: 'P23.2', verdict: 'out', label: { fi: 'Jätehuolto', sv: 'Avfallshantering', en: 'Waste management' } },
  { code: 'P23.3', verdict: 'out', label: { fi: 'Vesihuolto', sv: 'Vattenförsörjning', en: 'Water supply' } },
  { code: 'P23.4', verdict: 'out', label: { fi: 'Energiahuolto', sv: 'Energiförsörjning', en: 'Energy supply' } },
  { code: 'P23.5', verdict: 'out', label: { fi: 'Ympäristöilmoitukset ja luvat', sv: 'Miljöanmälan och -tillstånd', en: 'Environmental notifications and permits' } },
  { code: 'P23.6', verdict: 'neutral', themes: ['culture'], label: { fi: 'Rakennusperintö ja kulttuuriympäristöt', sv: 'Bebyggda miljöer och kulturmiljöer', en: 'Building heritage and cultural environments' } },
  { code: 'P23.7', verdict: 'out', label: { fi: 'Ympäristövalvonta ja -terveydenhuolto', sv: 'Miljötillsyn och -hälsovård', en: 'Environmental oversight and hygiene' } },

  { code: 'P24', verdict: 'out', label: { fi: 'Luonnonvarat, eläimet ja kasvit', sv: 'Naturresurser, djur och växter', en: 'Natural resources, flora and fauna' } },
  { code: 'P24.1', verdict: 'neutral', themes: ['nature'], label: { fi: 'Luonnonvaraiset kasvit ja eläimet', sv: 'Vilda växter och djur', en: 'Wild plants and animals' } },
  { code: 'P24.2', verdict: 'out', label: { fi: 'Kasvintuotanto', sv: 'Växtproduktion', en: 'Plant production' } },
  { code: 'P24.3', verdict: 'out', label: { fi: 'Tuotantoeläimet', sv: 'Produktionsdjur', en: 'Production animals' } },
  { code: 'P24.4', verdict: 'out', label: { fi: 'Elintarviketuotanto', sv: 'Livsmedelsproduktion', en: 'Food production' } },
  { code: 'P24.5', verdict: 'out', label: { fi: 'Eläinlääkäripalvelut', sv: 'Veterinärtjänster', en: 'Veterinary services' } },
  { code: 'P24.6', verdict: 'out', label: { fi: 'Metsä-, vesi- ja mineraalivarat', sv: 'Skogs-, vatten och mineralresurser', en: 'Forest, water and mineral resources' } },

  { code: 'P25', verdict: 'in', themes: ['culture'], label: { fi: 'Kulttuuri', sv: 'Kultur', en: 'Culture' } },
  { code: 'P25.1', verdict: 'in', themes: ['culture'], label: { fi: 'Kirjastot', sv: 'Bibliotek', en: 'Libraries' } },
  { code: 'P25.2', verdict: 'in', themes: ['culture'], label: { fi: 'Taiteet', sv: 'Konst', en: 'Arts' } },
  { code: 'P25.3', verdict: 'in', themes: ['culture'], label: { fi: 'Museot', sv: 'Museer', en: 'Museums' } },
  { code: 'P25.4', verdict: 'out', label: { fi: 'Arkistot', sv: 'Arkiv', en: 'Archives' }, note: 'archives: document requests' },
  { code: 'P25.5', verdict: 'in', themes: ['hobbies'], label: { fi: 'Vapaa-ajan palvelut', sv: 'Fritidstjänster', en: 'Free-time services' } },
  { code: 'P25.6', verdict: 'neutral', themes: ['meeting_places'], label: { fi: 'Uskonnot ja elämänkatsomukset', sv: 'Religioner och livsåskådningar', en: 'Religions and world views' } },
  { code: 'P25.7', verdict: 'in', themes: ['hobbies', 'learning_work', 'culture'], label: { fi: 'Vapaa sivistystyö ja taidekasvatus', sv: 'Fritt bildningsarbete och konstfostran', en: 'Free adult education and art education' } },

  { code: 'P26', verdict: 'out', label: { fi: 'Viestintä', sv: 'Kommunikation', en: 'Communications' } },
  { code: 'P26.1', verdict: 'out', label: { fi: 'Joukkoviestimet', sv: 'Massmedier', en: 'Mass media' } },
  { code: 'P26.2', verdict: 'out', label: { fi: 'Postipalvelut', sv: 'Posttjänster', en: 'Postal services' } },
  { code: 'P26.3', verdict: 'out', label: { fi: 'Tietoliikenne', sv: 'Datakommunikation', en: 'Data communications' } },

  { code: 'P27', verdict: 'in', themes: ['exercise'], label: { fi: 'Liikunta ja ulkoilu', sv: 'Motion och friluftsliv', en: 'Sports and outdoor activities' } },
  { code: 'P27.1', verdict: 'in', themes: ['exercise'], label: { fi: 'Liikunta ja urheilu', sv: 'Motion och idrott', en: 'Sports and exercise' } },
  { code: 'P27.2', verdict: 'in', themes: ['exercise', 'nature'], label: { fi: 'Retkeily', sv: 'Camping', en: 'Hiking' } },
  { code: 'P27.3', verdict: 'in', themes: ['nature', 'hobbies'], label: { fi: 'Veneily', sv: 'Båtliv', en: 'Boating' } },
  { code: 'P27.4', verdict: 'neutral', themes: ['nature', 'hobbies'], label: { fi: 'Metsästys', sv: 'Jakt', en: 'Hunting' }, note: 'mostly hunting permits' },
  { code: 'P27.5', verdict: 'neutral', themes: ['nature', 'hobbies'], label: { fi: 'Kalastus', sv: 'Fiske', en: 'Fishing' }, note: 'mostly fishing permits' },

  { code: 'P28', verdict: 'in', themes: ['hobbies', 'meeting_places'], targetGroups: ['young_people'], label: { fi: 'Nuorisopalvelut', sv: 'Ungdomstjänster', en: 'Youth services' } },
  { code: 'P28.1', verdict: 'in', themes: ['meeting_places', 'hobbies'], targetGroups: ['young_people'], label: { fi: 'Avoin nuorisotyö', sv: 'Öppet ungdomsarbete', en: 'Open youth work' } },
  { code: 'P28.2', verdict: 'in', themes: ['hobbies'], targetGroups: ['young_people'], label: { fi: 'Nuorten harrastukset ja omaehtoinen toiminta', sv: 'Ungas hobbyer och verksamhet på eget initiativ', en: 'Young people\'s hobbies and independent activities' } },
  { code: 'P28.3', verdict: 'in', themes: ['learning_work'], targetGroups: ['young_people'], label: { fi: 'Nuorten työpajatoiminta', sv: 'Verkstadsverksamhet för unga', en: 'Youth workshop activities' } },
  { code: 'P28.4', verdict: 'in', themes: ['everyday_support', 'mental_wellbeing'], targetGroups: ['young_people'], label: { fi: 'Etsivä nuorisotyö', sv: 'Uppsökande ungdomsarbete', en: 'Outreach youth work' } },
  { code: 'P28.5', verdict: 'in', themes: ['everyday_support', 'learning_work'], targetGroups: ['young_people'], label: { fi: 'Ohjaamot sekä muut nuorten tieto-, neuvonta- ja ohjauspalvelut', sv: 'Navigatorn och andra informations- och rådgivningstjänster för de unga', en: 'One-Stop Guidance Centers and other youth information and counceling services' } },
  { code: 'P28.6', verdict: 'in', themes: ['meeting_places'], targetGroups: ['young_people'], label: { fi: 'Nuorten yhteiskunnallista osallisuutta tukevat palvelut', sv: 'Tjänster som stöder ungas delaktighet i samhället', en: 'Services supporting young people’s societal inclusion' } },
  { code: 'P28.7', verdict: 'in', themes: ['hobbies', 'learning_work'], targetGroups: ['young_people'], label: { fi: 'Kansainvälinen nuorisotoiminta', sv: 'Internationell ungdomsverksamhet', en: 'International youth activities' } },
];

const byCode = new Map(serviceClassMappings.map((mapping) => [mapping.code, mapping]));

/** The mapping of a code, or of its nearest listed parent for a code added after 2021 (P27.9 → P27). */
export function findServiceClassMapping(code: string): ServiceClassMapping | undefined {
  for (let candidate = code; candidate !== ''; candidate = candidate.includes('.') ? candidate.slice(0, candidate.lastIndexOf('.')) : '') {
    const mapping = byCode.get(candidate);
    if (mapping) return mapping;
  }
  return undefined;
}
