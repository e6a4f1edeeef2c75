import type { Catalogue } from '../../platform/i18n.ts';

export const webMessages: Catalogue = {
  fi: {
    'web.home.title': 'Löydä hyvinvointia tukevaa toimintaa',
    'web.home.lead': 'Liikuntaa, kulttuuria, vertaistukea, kohtaamispaikkoja ja neuvontaa kunnilta, järjestöiltä, seurakunnilta ja hyvinvointialueelta.',
    'web.home.themes': 'Teemat',
  },
  sv: {
    'web.home.title': 'Hitta verksamhet som stöder välbefinnande',
    'web.home.lead': 'Motion, kultur, kamratstöd, mötesplatser och rådgivning från kommuner, organisationer, församlingar och välfärdsområdet.',
    'web.home.themes': 'Teman',
  },
  en: {
    'web.home.title': 'Find activities that support well-being',
    'web.home.lead': 'Exercise, culture, peer support, meeting places and advice from municipalities, NGOs, parishes and the welfare region.',
    'web.home.themes': 'Themes',
  },
};
