/**
 * PTV target groups (ptvkohderyhmat) and life events (ptvelti) → our target groups and themes.
 * Labels as in the PTV code lists. KR1.x are residents ("Kansalaiset"); KR2.x businesses and
 * organisations, KR3 authorities: a service for KR2/KR3 only is not for the resident tray.
 */
import type { TargetGroupCode, ThemeCode } from '../../../catalog/reference/taxonomy.ts';

export interface PtvTargetGroupMapping {
  code: string;
  /** true for KR1 and its children: the service is for residents */
  residents: boolean;
  targetGroups: readonly TargetGroupCode[];
  label: { fi: string; sv: string; en: string };
  note?: string;
}

export const ptvTargetGroupMappings: readonly PtvTargetGroupMapping[] = [
  { code: 'KR1', residents: true, targetGroups: [], label: { fi: 'Kansalaiset', sv: 'Medborgare', en: 'Citizens' } },
  { code: 'KR1.1', residents: true, targetGroups: ['older_people'], label: { fi: 'Ikäihmiset', sv: 'De äldre', en: 'Seniors' } },
  {
    code: 'KR1.2',
    residents: true,
    targetGroups: ['children', 'families'],
    label: { fi: 'Lapset ja lapsiperheet', sv: 'Barn och barnfamiljer', en: 'Children and families with children' },
  },
  { code: 'KR1.3', residents: true, targetGroups: ['young_people'], label: { fi: 'Nuoret', sv: 'De unga', en: 'Young people' } },
  {
    code: 'KR1.4',
    residents: true,
    targetGroups: [],
    label: { fi: 'Pitkäaikaissairaat', sv: 'Långtidssjuka', en: 'People with long-term illnesses' },
    note: 'no matching target group of ours',
  },
  {
    code: 'KR1.5',
    residents: true,
    targetGroups: [],
    label: { fi: 'Ulkosuomalaiset', sv: 'Utlandsfinländare', en: 'Expatriate Finns' },
    note: 'no matching target group of ours',
  },
  { code: 'KR1.6', residents: true, targetGroups: ['people_with_disabilities'], label: { fi: 'Vammaiset', sv: 'Handikappade', en: 'Disabled people' } },
  { code: 'KR2', residents: false, targetGroups: [], label: { fi: 'Yritykset ja yhteisöt', sv: 'Företag och samfund', en: 'Businesses and non-government organizations' } },
  { code: 'KR2.1', residents: false, targetGroups: [], label: { fi: 'Kansainvälistyvät yritykset', sv: 'Internationalisering av företag', en: 'Businesses going international' } },
  { code: 'KR2.2', residents: false, targetGroups: [], label: { fi: 'Keksijät', sv: 'Uppfinnare', en: 'Inventors' } },
  {
    code: 'KR2.3',
    residents: false,
    targetGroups: [],
    label: { fi: 'Kotimarkkinoilla toimivat yritykset', sv: 'Företag på den inhemska marknaden', en: 'Businesses operating in the domestic (Finnish) market' },
  },
  { code: 'KR2.4', residents: false, targetGroups: [], label: { fi: 'Suomeen ulkomailta tulevat yrittäjät', sv: 'Utländska entreprenörer i Finland', en: 'Foreign entrepreneurs in Finland' } },
  { code: 'KR2.5', residents: false, targetGroups: [], label: { fi: 'Suuryritykset', sv: 'Storföretag', en: 'Large companies' } },
  { code: 'KR2.6', residents: false, targetGroups: [], label: { fi: 'Työnantajat', sv: 'Arbetsgivare', en: 'Employers' } },
  { code: 'KR2.7', residents: false, targetGroups: [], label: { fi: 'Yhdistykset ja järjestöt', sv: 'Föreningar och organisationer', en: 'Non-government organizations' } },
  { code: 'KR2.8', residents: false, targetGroups: [], label: { fi: 'Yrityksen perustajat kotimaassa', sv: 'Inhemska företagsgrundare', en: 'Finnish startups' } },
  { code: 'KR3', residents: false, targetGroups: [], label: { fi: 'Viranomaiset', sv: 'Myndigheter', en: 'Authorities' } },
];

export interface PtvLifeEventMapping {
  code: string;
  themes: readonly ThemeCode[];
  targetGroups: readonly TargetGroupCode[];
  label: { fi: string; sv: string; en: string };
}

/** Life events add themes and target groups; they never decide the tray alone. */
export const ptvLifeEventMappings: readonly PtvLifeEventMapping[] = [
  { code: 'KE1', themes: [], targetGroups: ['families'], label: { fi: 'Lapsen saaminen', sv: 'Att få barn', en: 'Having a child' } },
  { code: 'KE1.1', themes: [], targetGroups: ['families'], label: { fi: 'Adoptio', sv: 'Adoption', en: 'Adoption' } },
  { code: 'KE2', themes: [], targetGroups: ['young_people'], label: { fi: 'Asevelvollisuus', sv: 'Värnplikt', en: 'Conscription' } },
  { code: 'KE3', themes: ['learning_work'], targetGroups: [], label: { fi: 'Kokoaikaisen opiskelun aloittaminen', sv: 'Inledande av heltidsstudier', en: 'Beginning full-time studies' } },
  { code: 'KE4', themes: [], targetGroups: [], label: { fi: 'Muuttaminen', sv: 'Flyttning', en: 'Moving' } },
  { code: 'KE4.1', themes: [], targetGroups: ['young_people'], label: { fi: 'Kotoa muuttaminen', sv: 'Att flytta hemifrån', en: 'Moving from childhood home' } },
  { code: 'KE4.2', themes: [], targetGroups: [], label: { fi: 'Suomen sisällä muuttaminen', sv: 'Att flytta inom Finland', en: 'Moving to new home within Finland' } },
  { code: 'KE4.3', themes: [], targetGroups: [], label: { fi: 'Suomesta muuttaminen', sv: 'Flyttning till Finland', en: 'Moving abroad' } },
  { code: 'KE4.4', themes: [], targetGroups: [], label: { fi: 'Paluumuutto Suomeen', sv: 'Återflyttning till Finland', en: 'Moving back to Finland' } },
  { code: 'KE5', themes: [], targetGroups: ['immigrants'], label: { fi: 'Maahanmuuttajana Suomeen', sv: 'Till Finland som invandrare', en: 'Immigrating to Finland' } },
  { code: 'KE6', themes: [], targetGroups: [], label: { fi: 'Talon rakentaminen', sv: 'Att bygga ett hus', en: 'Building a home' } },
  { code: 'KE7', themes: ['mental_wellbeing'], targetGroups: ['families'], label: { fi: 'Avioero', sv: 'Skilsmässa', en: 'Divorce' } },
  { code: 'KE8', themes: ['learning_work'], targetGroups: ['unemployed'], label: { fi: 'Työttömäksi jääminen', sv: 'Att bli arbetslös', en: 'Losing a job' } },
  { code: 'KE9', themes: ['everyday_support'], targetGroups: [], label: { fi: 'Velkaantuminen', sv: 'Skuldsättning', en: 'Burdened by debt' } },
  { code: 'KE10', themes: [], targetGroups: ['older_people'], label: { fi: 'Eläkkeelle siirtyminen', sv: 'Att gå i pension', en: 'Retirement' } },
  { code: 'KE11', themes: [], targetGroups: [], label: { fi: 'Vakava sairastuminen', sv: 'När man blir allvarligt sjuk', en: 'Falling seriously ill' } },
  { code: 'KE12', themes: [], targetGroups: [], label: { fi: 'Kuntoutus', sv: 'Rehabilitering', en: 'Rehabilition' } },
  { code: 'KE13', themes: [], targetGroups: ['carers'], label: { fi: 'Omaishoitajana toimiminen', sv: 'Att arbeta som anhörigvårdare', en: 'Giving informal care' } },
  { code: 'KE14', themes: ['mental_wellbeing'], targetGroups: [], label: { fi: 'Omaisen kuolema', sv: 'När en anhörig avlider', en: 'Death of a close family member' } },
];

export const findTargetGroupMapping = (code: string) => ptvTargetGroupMappings.find((mapping) => mapping.code === code);
export const findLifeEventMapping = (code: string) => ptvLifeEventMappings.find((mapping) => mapping.code === code);
