/**
 * Need areas of client and service guidance: the resident's situation in everyday terms
 * (loneliness, exercise, money ...), each tied to the HYTE themes and target groups of the
 * catalogue and to words that reveal it in a service's name and summary. Kept as data and
 * reviewed like code; `npm run eval:needs` measures the word lists against real PTV services
 * labelled by the AuroraAI project.
 *
 * Word syntax (lower case): `stem` matches a word that starts with it; `~part` matches it
 * anywhere inside a word (Finnish and Swedish compounds: `~velka` finds "velkaneuvonta" and
 * "kulutusvelka"); `=word` matches the whole word only.
 */
import type { Language, LocalisedText } from '../../platform/localised.ts';
import type { TargetGroupCode, ThemeCode } from '../catalog/index.ts';

export const needAreaCodes = [
  'loneliness',
  'mental_wellbeing',
  'exercise',
  'food',
  'health',
  'substance_use',
  'money',
  'housing',
  'study_work',
  'family',
  'caring',
  'culture_leisure',
  'digital',
] as const;
export type NeedAreaCode = (typeof needAreaCodes)[number];

export function isNeedAreaCode(value: unknown): value is NeedAreaCode {
  return typeof value === 'string' && (needAreaCodes as readonly string[]).includes(value);
}

export interface NeedArea {
  code: NeedAreaCode;
  label: Required<LocalisedText>;
  /** What the need area covers, for the professional. */
  hint: Required<LocalisedText>;
  /** Activities with one of these themes meet the need. */
  themes: ThemeCode[];
  /** ... or activities for one of these target groups. */
  targetGroups: TargetGroupCode[];
  /** Words that reveal the need area in a service's name and summary. */
  words: Record<Language, string[]>;
}

const words = (text: string): string[] =>
  text
    .split(';')
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w !== '');

function area(
  code: NeedAreaCode,
  label: Required<LocalisedText>,
  hint: Required<LocalisedText>,
  tags: { themes?: ThemeCode[]; targetGroups?: TargetGroupCode[] },
  list: Record<Language, string>,
): NeedArea {
  return { code, label, hint, themes: tags.themes ?? [], targetGroups: tags.targetGroups ?? [], words: { fi: words(list.fi), sv: words(list.sv), en: words(list.en) } };
}

export const needAreas: readonly NeedArea[] = [
  area(
    'loneliness',
    { fi: 'Yksinäisyys ja yhteys muihin', sv: 'Ensamhet och gemenskap', en: 'Loneliness and connection' },
    { fi: 'Seuraa, ystäviä, kohtaamispaikkoja, vertaistukea.', sv: 'Sällskap, vänner, mötesplatser, kamratstöd.', en: 'Company, friends, meeting places, peer support.' },
    { themes: ['meeting_places', 'peer_support'] },
    {
      fi: 'yksinäi; ~yksinäisyy; ystävä; ~ystävä; kaveri; ~kaveritoimin; kohtaamispaik; ~kohtaamispaik; vertais; ~vertais; tukihenkilö; ~tukihenkilö; vapaaehtoi; ~vapaaehtoi; yhteisö; ~yhteisöllis; olohuone; ~olohuone; osallisuu; ~osallisuu; =seuraa; nuorisotil; ~nuorisotil; nuorisotal; ~nuorisotal; asukastup; ~asukastup; asukastil; ~asukastil; ikätoveri; ~ikätoveri; =tavata',
      sv: 'ensam; vän; vänn; ~vänverksamhet; kamrat; ~kamratstöd; mötesplats; ~mötesplats; gemenskap; frivillig; ~frivillig; stödperson; ~stödperson; delaktighet',
      en: 'lonel; friend; befriend; peer; meeting place; community; volunteer; drop-in; companionship; social contact',
    },
  ),
  area(
    'mental_wellbeing',
    { fi: 'Mielen hyvinvointi', sv: 'Psykiskt välbefinnande', en: 'Mental well-being' },
    { fi: 'Jaksaminen, stressi, mieliala, kriisit, itsetunto.', sv: 'Ork, stress, humör, kriser, självkänsla.', en: 'Coping, stress, mood, crises, self-esteem.' },
    { themes: ['mental_wellbeing'] },
    {
      fi: 'mielentervey; ~mielentervey; mielen hyvinvoin; masennu; ~masennu; ahdistu; ~ahdistu; kriisi; ~kriisi; psykolog; ~psykolog; psykiatr; ~psykiatr; terapia; terapeut; keskusteluap; ~keskusteluap; keskustelutu; ~keskustelutu; jaksami; ~jaksami; stressi; ~stressi; uupumu; ~uupumu; itsemurh; ~itsemurh; suru; ~suru; itsetunto; ~itsetunto; traum; ~traum; elämänhallin; ~elämänhallin',
      sv: 'psykisk; ~psykisk; mental; depression; ~depression; ångest; ~ångest; krishjälp; ~krishjälp; kristelefon; krisstöd; ~krisstöd; samtalsstöd; samtalshjälp; psykolog; ~psykolog; psykiatr; ~psykiatr; terapi; stress; utbrändhet; självmord; ~självmord; sorg; ~sorg; självkänsla',
      en: 'mental; depress; anxi; crisis; psycholog; psychiatr; therap; counsel; stress; burnout; suicid; grief; bereave; self-esteem; emotional',
    },
  ),
  area(
    'exercise',
    { fi: 'Liikunta', sv: 'Motion', en: 'Exercise' },
    { fi: 'Liikkuminen, urheilu ja ulkoilu omalla tasolla.', sv: 'Motion, idrott och friluftsliv på egen nivå.', en: 'Moving, sport and outdoor activity at one’s own level.' },
    { themes: ['exercise', 'nature'] },
    {
      fi: 'liikun; ~liikun; liiku; liikku; urheil; ~urheil; kuntosal; ~kuntosal; kuntoil; uinti; uima; ~uima; jumppa; ~jumppa; voimistel; ~voimistel; tanssi; ~tanssi; kävely; ~kävely; pyöräil; hiiht; luistel; ulkoil; ~ulkoil; jooga; retkeil; ~retkeil; ~pallo',
      sv: 'motion; ~motion; idrott; ~idrott; gym; ~gym; simn; simhall; dans; ~dans; promenad; ~promenad; friluft; ~friluft; jogg; cykl; skid; yoga; träning; ~träning',
      en: 'exercise; sport; gym; swim; dance; walk; fitness; yoga; cycling; outdoor; physical activit',
    },
  ),
  area(
    'food',
    { fi: 'Ruoka ja ravitsemus', sv: 'Mat och kost', en: 'Food and nutrition' },
    { fi: 'Ruoka-apu, yhteiset ateriat, ruoanlaitto, ravitsemusneuvonta.', sv: 'Mathjälp, gemensamma måltider, matlagning, kostrådgivning.', en: 'Food aid, shared meals, cooking, nutrition advice.' },
    { themes: ['nutrition'] },
    {
      fi: 'ruoka; ~ruoka; ruoan; ~ruoan; ruuan; ravitsem; ~ravitsem; ateria; ~ateria; lounas; ~lounas; kokkau; ~kokkau; ruoanlait; syömi; ~syömi',
      sv: '=mat; ~mathjälp; matlagning; ~matlagning; matutdelning; matbank; matkasse; måltid; ~måltid; kost; ~kost; näring; ~näring; lunch',
      en: 'food; meal; nutrition; cooking; lunch; diet',
    },
  ),
  area(
    'health',
    { fi: 'Terveys ja elintavat', sv: 'Hälsa och levnadsvanor', en: 'Health and lifestyle' },
    { fi: 'Terveysneuvonta, uni, paino, kuntoutus, terveystarkastukset.', sv: 'Hälsorådgivning, sömn, vikt, rehabilitering, hälsokontroller.', en: 'Health advice, sleep, weight, rehabilitation, health checks.' },
    { themes: ['health_advice'] },
    {
      fi: 'tervey; ~tervey; sairau; ~sairau; sairaal; ~sairaal; sairaan; lääkär; ~lääkär; lääke; ~lääke; neuvola; ~neuvola; hammas; ~hammas; rokot; ~rokot; kuntoutu; ~kuntoutu; fysioter; ~fysioter; diabet; vastaanott; ~vastaanott; seulon; tapaturm; ensiapu; päivystys; ~päivystys; =uni; unettomuu; elintap; ~elintap; painonhallin; ~painonhallin; muistisair; ~muistisair',
      sv: 'hälsa; ~hälso; ~hälsa; sjuk; ~sjuk; läkar; ~läkar; läkemedel; tand; ~tandvård; vaccin; ~vaccin; rehabilit; ~rehabilit; fysioterapi; mottagning; ~mottagning; jour; ~jour; sömn; levnadsvan',
      en: 'health; medical; doctor; nurse; clinic; hospital; dental; vaccin; rehabilit; physiotherap; illness; disease; sleep; lifestyle',
    },
  ),
  area(
    'substance_use',
    { fi: 'Päihteet ja rahapelaaminen', sv: 'Rusmedel och penningspel', en: 'Substance use and gambling' },
    { fi: 'Alkoholi, huumeet, tupakka, rahapelit ja niistä toipuminen.', sv: 'Alkohol, droger, tobak, penningspel och återhämtning.', en: 'Alcohol, drugs, tobacco, gambling and recovery.' },
    { themes: ['substance_use'] },
    {
      fi: 'päiht; ~päiht; päihde; ~päihde; alkoho; ~alkoho; huume; ~huume; riippuvu; ~riippuvu; rahapel; ~rahapel; peliongelm; ~peliongelm; tupak; ~tupak; nikotiin; katkaisuhoi; ~katkaisuhoi; raittiu; ~raittiu; korvaushoi; addikt',
      sv: 'missbruk; ~missbruk; rusmedel; ~rusmedel; alkohol; ~alkohol; drog; ~drog; narkotika; beroende; ~beroende; spelproblem; ~spelproblem; tobak; rökning; nykter',
      en: 'substance; alcohol; drug; addict; gambling; smoking; tobacco; sober',
    },
  ),
  area(
    'money',
    { fi: 'Raha-asiat', sv: 'Ekonomi', en: 'Money matters' },
    { fi: 'Toimeentulo, velat, etuudet, talousneuvonta.', sv: 'Utkomst, skulder, förmåner, ekonomisk rådgivning.', en: 'Income, debts, benefits, money advice.' },
    { themes: ['everyday_support'] },
    {
      fi: 'raha; ~raha; talousneuvo; ~talousneuvo; taloudelli; ~taloudelli; talousvaike; ~talousvaike; velka; ~velka; velko; ~velko; toimeentulo; ~toimeentulo; etuu; ~etuu; avustu; ~avustu; =eläke; eläkkee; eläketur; ~eläketur; vähävarai; ~vähävarai; ulosott; ~ulosott; budjet; =tuet; =kelan; kela',
      sv: 'pengar; ekonom; ~ekonom; skuld; ~skuld; försörjningsstöd; förmån; ~förmån; bidrag; ~bidrag; pension; ~pension; =fpa; budget; utsökning; låginkomst',
      en: 'money; financ; debt; benefit; income; budget; pension; allowance',
    },
  ),
  area(
    'housing',
    { fi: 'Asuminen', sv: 'Boende', en: 'Housing' },
    { fi: 'Asunnon saaminen ja pitäminen, asumisneuvonta.', sv: 'Att få och behålla en bostad, boenderådgivning.', en: 'Finding and keeping a home, housing advice.' },
    { themes: ['everyday_support'] },
    {
      fi: 'asunt; ~asunt; asumi; ~asumi; asunno; ~asunno; vuokra; ~vuokra; kodittom; majoitu; ~majoitu',
      sv: 'bostad; ~bostad; boende; ~boende; hyra; ~hyres; bostadslös; hemlös',
      en: 'housing; rent; accommodation; homeless; tenant',
    },
  ),
  area(
    'study_work',
    { fi: 'Opiskelu ja työ', sv: 'Studier och arbete', en: 'Study and work' },
    { fi: 'Opinnot, työnhaku, työkokeilu, kuntouttava työtoiminta.', sv: 'Studier, jobbsökande, arbetsprövning, arbetsverksamhet.', en: 'Studies, job seeking, work trials, rehabilitative work.' },
    { themes: ['learning_work'] },
    {
      fi: 'opisk; ~opiskel; opinto; ~opinto; koulutu; ~koulutu; koulu; ~koulu; oppilaitos; ~oppilaitos; lukio; ~lukio; ammatilli; ~ammatilli; ammatinvalin; ammattikoulu; ~ammattikoulu; ammattitutkin; ~ammattitutkin; =työ; työll; ~työll; työtön; ~työttöm; työnhak; ~työnhak; työpaja; ~työpaja; työkokeil; ~työkokeil; työtoimin; ~työtoimin; työelä; ~työelä; työpaik; ~työpaik; kesätyö; ura; harjoittel; ~harjoittel; oppisopim; ~oppisopim; tutkinto; ~tutkinto; yrittäj; ~yrittäj',
      sv: 'studi; ~studie; studer; utbildning; ~utbildning; skol; ~skol; gymnasi; yrke; ~yrkes; arbete; ~arbets; arbetslös; jobb; ~jobb; praktik; läroavtal; examen; företagar',
      en: 'study; student; school; education; training; =work; =job; =jobs; jobseek; employ; unemploy; career; apprentice; internship; entrepreneur',
    },
  ),
  area(
    'family',
    { fi: 'Perhe ja vanhemmuus', sv: 'Familj och föräldraskap', en: 'Family and parenting' },
    { fi: 'Lapsiperheen arki, vanhemmuus, ero, perheen tuki.', sv: 'Barnfamiljens vardag, föräldraskap, skilsmässa, stöd till familjen.', en: 'Family life, parenting, separation, family support.' },
    { targetGroups: ['families'] },
    {
      fi: 'perhe; ~perhe; vanhem; ~vanhem; lapsi; lapse; lasten; ~lasten; vauva; ~vauva; äiti; ~äiti; =isä; =isät; isyy; ~isyy; adopt; ~adopt; lastensuojel; ~lastensuojel; sijaishuol; ~sijaishuol; avioer; ~avioer; lähisuhde; ~lähisuhde; puoliso; kasvatu; ~kasvatu; elatu; ~elatu; =huoltaja',
      sv: 'famil; ~famil; föräld; ~föräld; barn; ~barn; bebis; baby; mamma; pappa; adoption; barnskydd; skilsmäss; ~skilsmäss; uppfostran; underhåll',
      en: 'family; famil; parent; child; baby; mother; father; adoption; divorce; custody; foster',
    },
  ),
  area(
    'caring',
    { fi: 'Omaishoito', sv: 'Närståendevård', en: 'Caring for a family member' },
    { fi: 'Läheisen hoitaminen ja omaishoitajan jaksaminen.', sv: 'Att vårda en närstående och orka som närståendevårdare.', en: 'Looking after someone close and coping as a carer.' },
    { targetGroups: ['carers'] },
    {
      fi: 'omaishoi; ~omaishoi; omais; ~omais; läheishoi; ~läheishoi',
      sv: 'närståendevård; ~närståendevård; anhörig; ~anhörig; närstående',
      en: 'carer; caregiver; informal care; caring for',
    },
  ),
  area(
    'culture_leisure',
    { fi: 'Kulttuuri ja harrastukset', sv: 'Kultur och hobbyer', en: 'Culture and hobbies' },
    { fi: 'Mielekäs tekeminen: kulttuuri, taide, luonto, kurssit, kerhot.', sv: 'Meningsfull sysselsättning: kultur, konst, natur, kurser, klubbar.', en: 'Meaningful things to do: culture, arts, nature, courses, clubs.' },
    { themes: ['culture', 'hobbies', 'nature'] },
    {
      fi: 'kulttuur; ~kulttuur; kirjast; ~kirjast; museo; ~museo; harrast; ~harrast; taide; ~taide; taitee; ~taitee; musiik; ~musiik; teatter; ~teatter; konsert; ~konsert; kerho; ~kerho; kurssi; ~kurssi; leiri; ~leiri; retki; ~retki; luonto; ~luonto; käsity; ~käsity; lukupiiri; kuoro; ~kuoro; näyttely; ~näyttely; elokuv; ~elokuv; kansalaisopisto; ~kansalaisopisto',
      sv: 'kultur; ~kultur; bibliotek; ~bibliotek; museum; muse; hobby; ~hobby; =konst; konstnär; ~konstnär; musik; ~musik; teater; ~teater; konsert; klubb; ~klubb; kurs; läger; utflykt; natur; ~natur; hantverk; =kör; film',
      en: 'culture; library; museum; hobby; =art; =arts; artist; music; theatre; theater; concert; club; course; =camp; =camps; nature; craft; choir; film; cinema; leisure',
    },
  ),
  area(
    'digital',
    { fi: 'Digitaidot ja asiointi', sv: 'Digitala färdigheter', en: 'Digital skills' },
    { fi: 'Apua tietokoneen, puhelimen ja verkkoasioinnin kanssa.', sv: 'Hjälp med dator, telefon och e-tjänster.', en: 'Help with computers, phones and online services.' },
    { themes: ['digital_support'] },
    {
      fi: 'digi; ~digi; tietokone; ~tietokone; älypuhelin; ~älypuhelin; tabletti; verkkoasioin; ~verkkoasioin; tunnistautu; ~tunnistautu; tietotekniik; ~tietotekniik; laitetuki; ~laitetuki',
      sv: 'digi; ~digi; dator; ~dator; smarttelefon; surfplatta; internet',
      en: 'digital; computer; smartphone; tablet; internet; online service; e-service; it support',
    },
  ),
];

const byCode = new Map(needAreas.map((a) => [a.code, a]));

export function needArea(code: NeedAreaCode): NeedArea {
  return byCode.get(code)!;
}
