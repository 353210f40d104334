/**
 * Written supplement to world-countries (ODbL) and GeoNames countryInfo (CC BY 4.0):
 * the names and adjectives English news uses that those lists lack. Facts from common
 * English usage (style guides, news wording); nothing copied from actor dictionaries.
 */
import type { Country, Group } from '../../src/knowledge/countries.js';

/** Extra names by ISO alpha-3. Short all-caps forms are matched case-sensitively. */
export const NAMES: Record<string, string[]> = {
  USA: ['the US', 'U.S.', 'U.S.A.', 'America', 'United States', 'the States', 'Washington DC'],
  GBR: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'],
  RUS: ['Russia', 'Russian Federation'],
  KOR: ['South Korea', 'Korea', 'ROK', 'Republic of Korea'],
  PRK: ['North Korea', 'DPRK', 'D.P.R.K.'],
  IRN: ['Iran', 'Islamic Republic of Iran', 'Islamic Republic', 'Persia'],
  TUR: ['Turkey', 'Türkiye', 'Turkiye', 'Republic of Türkiye'],
  ARE: ['UAE', 'U.A.E.', 'Emirates', 'United Arab Emirates'],
  SAU: ['KSA', 'Saudi', 'Kingdom of Saudi Arabia'],
  CHN: ['PRC', "People's Republic of China", 'mainland China'],
  TWN: ['Republic of China', 'Formosa'],
  COD: ['DRC', 'DR Congo', 'Congo-Kinshasa', 'Democratic Republic of the Congo', 'Zaire'],
  COG: ['Congo-Brazzaville', 'Republic of Congo'],
  CIV: ["Côte d'Ivoire", 'Ivory Coast'],
  CZE: ['Czech Republic'],
  MKD: ['Macedonia', 'FYROM'],
  MMR: ['Burma'],
  SWZ: ['Swaziland'],
  CPV: ['Cabo Verde'],
  TLS: ['East Timor'],
  NLD: ['Holland', 'the Netherlands'],
  VAT: ['Holy See', 'the Vatican'],
  PSE: ['Palestinian territories', 'Palestinian Territories', 'occupied Palestinian territories', 'State of Palestine'],
  XKX: ['Kosovo', 'Republic of Kosovo'],
  AZE: ['Azerbaijan Republic', 'Republic of Azerbaijan'],
  ARM: ['Republic of Armenia'],
  SYR: ['Syrian Arab Republic'],
  LBY: ['Libya', 'State of Libya'],
  BIH: ['Bosnia', 'Bosnia-Herzegovina'],
  VNM: ['Viet Nam'],
  LAO: ['Lao PDR'],
  GNB: ['Guinea Bissau'],
  BLR: ['Belorussia', 'Byelorussia'],
  MDA: ['Moldavia'],
  KGZ: ['Kirghizia'],
  LKA: ['Ceylon'],
  BFA: ['Upper Volta'],
  BEN: ['Dahomey'],
  THA: ['Siam'],
  KHM: ['Kampuchea'],
  SUR: ['Surinam'],
  ZWE: ['Rhodesia'],
  IRL: ['Eire', 'Republic of Ireland'],
  DEU: ['West Germany', 'Federal Republic of Germany'],
};

/**
 * States that no longer exist, which older news and history name as actors ("Soviet troops",
 * "East Germany expelled …"). Coded by their ISO 3166-3 alpha-3 codes (SUN, DDR, YUG, CSK), the
 * ones they held; never independent today, so a current state wins any name they share.
 * Coordinates: the capital's (GeoNames) and a point near the state's middle.
 */
/** A former state as written here; the builder adds what no longer applies (borders, population). */
export type FormerState = Omit<Country, 'borders' | 'population' | 'geonames' | 'independent' | 'former' | 'capital'> & {
  capital: NonNullable<Country['capital']>;
};

export const FORMER_STATES: FormerState[] = [
  {
    a2: 'SU', a3: 'SUN', num: '810', name: 'Soviet Union', official: 'Union of Soviet Socialist Republics',
    names: ['Soviet Union', 'USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics'],
    demonyms: ['Soviet'],
    capital: { name: 'Moscow', lat: 55.752, lon: 37.6178, geonames: 524901 },
    lat: 60, lon: 90, region: 'Europe', subregion: 'Eastern Europe', continent: 'Europe',
  },
  {
    a2: 'DD', a3: 'DDR', num: '278', name: 'East Germany', official: 'German Democratic Republic',
    names: ['East Germany', 'German Democratic Republic', 'GDR'],
    demonyms: ['East German'],
    capital: { name: 'East Berlin', lat: 52.5244, lon: 13.4105, geonames: 2950159 },
    lat: 52.5, lon: 12.5, region: 'Europe', subregion: 'Western Europe', continent: 'Europe',
  },
  {
    a2: 'YU', a3: 'YUG', num: '891', name: 'Yugoslavia', official: 'Socialist Federal Republic of Yugoslavia',
    names: ['Yugoslavia', 'Socialist Federal Republic of Yugoslavia', 'Federal Republic of Yugoslavia'],
    demonyms: ['Yugoslav', 'Yugoslavian'],
    capital: { name: 'Belgrade', lat: 44.804, lon: 20.4651, geonames: 792680 },
    lat: 44, lon: 19, region: 'Europe', subregion: 'Southern Europe', continent: 'Europe',
  },
  {
    a2: 'CS', a3: 'CSK', num: '200', name: 'Czechoslovakia', official: 'Czechoslovak Socialist Republic',
    names: ['Czechoslovakia'],
    demonyms: ['Czechoslovak', 'Czechoslovakian'],
    capital: { name: 'Prague', lat: 50.088, lon: 14.4208, geonames: 3067696 },
    lat: 49.5, lon: 17, region: 'Europe', subregion: 'Eastern Europe', continent: 'Europe',
  },
];

/** Names shared by two countries: the first listed is the one news usually means. */
export const PREFER: Record<string, string[]> = {
  Korea: ['KOR', 'PRK'],
  Congo: ['COD', 'COG'],
};

/** Demonyms shared by two states: the one news usually means. */
export const PREFER_DEMONYM: Record<string, string> = {
  Dominican: 'DOM',
  Dominicans: 'DOM',
  Congolese: 'COD',
};

/** Demonyms and adjectives (singular; plurals are derived) by alpha-3. */
/**
 * Names the sources give a country that read as an English word once accents are folded, as
 * names are when they are looked up: Iceland's own "Ísland" (and "Island" among its
 * alternative spellings) would make "The Island Def Jam Music Group" Icelandic.
 */
export const NOT_NAMES: Record<string, string[]> = {
  ISL: ['Ísland', 'Island'],
};

export const DEMONYMS: Record<string, string[]> = {
  AZE: ['Azeri', 'Azerbaijani', 'Azerbaijanian', 'Azeri Turk'],
  ARM: ['Armenian'],
  IRN: ['Iranian', 'Persian'],
  PAK: ['Pakistani'],
  ARE: ['Emirati', 'Emirian'],
  SAU: ['Saudi', 'Saudi Arabian'],
  ISR: ['Israeli'],
  PSE: ['Palestinian'],
  USA: ['American', 'US', 'U.S.'],
  // The nations of the United Kingdom are coded GBR, as CAMEO does: "Scottish ministers".
  GBR: ['British', 'Briton', 'UK', 'U.K.', 'Brit', 'Scottish', 'Scot', 'Welsh'],
  RUS: ['Russian'],
  KOR: ['South Korean', 'Korean'],
  PRK: ['North Korean'],
  CHN: ['Chinese'],
  TUR: ['Turkish', 'Turk'],
  GEO: ['Georgian'],
  // "West German farmers": DEU, as West Germany is.
  DEU: ['German', 'West German'],
  FRA: ['French', 'Frenchman', 'Frenchwoman'],
  NLD: ['Dutch', 'Dutchman', 'Netherlander'],
  CHE: ['Swiss'],
  AFG: ['Afghan', 'Afghani'],
  IRQ: ['Iraqi'],
  SYR: ['Syrian'],
  LBN: ['Lebanese'],
  JOR: ['Jordanian'],
  EGY: ['Egyptian'],
  YEM: ['Yemeni', 'Yemenite'],
  OMN: ['Omani'],
  QAT: ['Qatari'],
  KWT: ['Kuwaiti'],
  BHR: ['Bahraini'],
  LBY: ['Libyan'],
  TUN: ['Tunisian'],
  DZA: ['Algerian'],
  MAR: ['Moroccan'],
  SDN: ['Sudanese'],
  SSD: ['South Sudanese'],
  IND: ['Indian'],
  BGD: ['Bangladeshi'],
  LKA: ['Sri Lankan'],
  NPL: ['Nepali', 'Nepalese'],
  MMR: ['Burmese', 'Myanmar'],
  UKR: ['Ukrainian'],
  BLR: ['Belarusian', 'Belarussian'],
  KAZ: ['Kazakh', 'Kazakhstani'],
  UZB: ['Uzbek', 'Uzbekistani'],
  TKM: ['Turkmen'],
  TJK: ['Tajik', 'Tajikistani'],
  KGZ: ['Kyrgyz', 'Kyrgyzstani'],
  PHL: ['Philippine', 'Filipino'],
  NZL: ['New Zealander', 'Kiwi'],
  BIH: ['Bosnian'],
  CZE: ['Czech'],
  GRC: ['Greek'],
  CYP: ['Cypriot'],
  ESP: ['Spanish', 'Spaniard'],
  PRT: ['Portuguese'],
  POL: ['Polish', 'Pole'],
  DNK: ['Danish', 'Dane'],
  SWE: ['Swedish', 'Swede'],
  FIN: ['Finnish', 'Finn'],
  NOR: ['Norwegian'],
  ISL: ['Icelandic', 'Icelander'],
  IRL: ['Irish'],
  THA: ['Thai'],
  VNM: ['Vietnamese'],
  LAO: ['Lao', 'Laotian'],
  XKX: ['Kosovar', 'Kosovan'],
  SRB: ['Serbian', 'Serb'],
  HRV: ['Croatian', 'Croat'],
  SVK: ['Slovak', 'Slovakian'],
  SVN: ['Slovenian', 'Slovene'],
  MKD: ['Macedonian', 'North Macedonian'],
  VEN: ['Venezuelan'],
  BRA: ['Brazilian'],
  ARG: ['Argentine', 'Argentinian'],
  MEX: ['Mexican'],
  ETH: ['Ethiopian'],
  ERI: ['Eritrean'],
  SOM: ['Somali', 'Somalian'],
  NGA: ['Nigerian'],
  NER: ['Nigerien'],
  COD: ['Congolese'],
  CAF: ['Central African'],
  JPN: ['Japanese'],
  TWN: ['Taiwanese'],
  HKG: ['Hong Konger', 'Hongkonger'],
  // Older and other spellings the wire uses: "Salvadorean troops".
  SLV: ['Salvadorean'],
  ECU: ['Ecuadorian'],
};

/**
 * Peoples, faiths and regions news names with an adjective that is no country's:
 * "Kurdish forces" has no country code of its own. `countries` lists where the group
 * mainly lives (for hints, never for coding); `region` is a free label.
 */
export type { Group };

export const GROUPS: Group[] = [
  { name: 'Kurds', forms: ['Kurdish', 'Kurd', 'Kurds'], kind: 'ethnic', region: 'Kurdistan (Middle East)', countries: ['TUR', 'IRQ', 'IRN', 'SYR'] },
  { name: 'Arabs', forms: ['Arab', 'Arabs', 'Arabian'], kind: 'ethnic', region: 'Arab world', countries: [] },
  { name: 'Baloch', forms: ['Baloch', 'Baluch', 'Balochi', 'Baluchi'], kind: 'ethnic', region: 'Balochistan', countries: ['PAK', 'IRN', 'AFG'] },
  { name: 'Pashtuns', forms: ['Pashtun', 'Pashtuns', 'Pathan', 'Pakhtun'], kind: 'ethnic', region: 'Afghanistan–Pakistan', countries: ['AFG', 'PAK'] },
  { name: 'Hazaras', forms: ['Hazara', 'Hazaras'], kind: 'ethnic', region: 'Afghanistan', countries: ['AFG'] },
  { name: 'Tamils', forms: ['Tamil', 'Tamils'], kind: 'ethnic', region: 'South Asia', countries: ['IND', 'LKA'] },
  { name: 'Uyghurs', forms: ['Uyghur', 'Uighur', 'Uyghurs', 'Uighurs'], kind: 'ethnic', region: 'Xinjiang', countries: ['CHN'] },
  { name: 'Tibetans', forms: ['Tibetan', 'Tibetans'], kind: 'ethnic', region: 'Tibet', countries: ['CHN'] },
  { name: 'Rohingya', forms: ['Rohingya', 'Rohingyas'], kind: 'ethnic', region: 'Rakhine', countries: ['MMR', 'BGD'] },
  { name: 'Berbers', forms: ['Berber', 'Berbers', 'Amazigh', 'Imazighen'], kind: 'ethnic', region: 'Maghreb', countries: [] },
  { name: 'Tuareg', forms: ['Tuareg', 'Tuaregs'], kind: 'ethnic', region: 'Sahel', countries: ['MLI', 'NER', 'DZA', 'LBY'] },
  { name: 'Fulani', forms: ['Fulani', 'Fula', 'Peul'], kind: 'ethnic', region: 'West Africa', countries: [] },
  { name: 'Druze', forms: ['Druze', 'Druse'], kind: 'religious', region: 'Levant', countries: ['SYR', 'LBN', 'ISR'] },
  { name: 'Yazidis', forms: ['Yazidi', 'Yazidis', 'Ezidi'], kind: 'religious', region: 'Sinjar', countries: ['IRQ'] },
  { name: 'Alawites', forms: ['Alawite', 'Alawites'], kind: 'religious', region: 'Syria', countries: ['SYR'] },
  { name: 'Chechens', forms: ['Chechen', 'Chechens'], kind: 'ethnic', region: 'North Caucasus', countries: ['RUS'] },
  { name: 'Circassians', forms: ['Circassian', 'Circassians', 'Adyghe'], kind: 'ethnic', region: 'North Caucasus', countries: ['RUS'] },
  { name: 'Ossetians', forms: ['Ossetian', 'Ossetians'], kind: 'ethnic', region: 'Caucasus', countries: ['RUS', 'GEO'] },
  { name: 'Abkhaz', forms: ['Abkhaz', 'Abkhazian', 'Abkhazians'], kind: 'ethnic', region: 'Abkhazia', countries: ['GEO'] },
  { name: 'Lezgins', forms: ['Lezgin', 'Lezgian', 'Lezgins'], kind: 'ethnic', region: 'Caucasus', countries: ['RUS', 'AZE'] },
  { name: 'Talysh', forms: ['Talysh', 'Talish'], kind: 'ethnic', region: 'Caspian coast', countries: ['AZE', 'IRN'] },
  { name: 'Tatars', forms: ['Tatar', 'Tatars', 'Crimean Tatar', 'Crimean Tatars'], kind: 'ethnic', region: 'Volga and Crimea', countries: ['RUS', 'UKR'] },
  { name: 'Basques', forms: ['Basque', 'Basques'], kind: 'ethnic', region: 'Basque Country', countries: ['ESP', 'FRA'] },
  { name: 'Catalans', forms: ['Catalan', 'Catalans'], kind: 'ethnic', region: 'Catalonia', countries: ['ESP'] },
  { name: 'Kashmiris', forms: ['Kashmiri', 'Kashmiris'], kind: 'ethnic', region: 'Kashmir', countries: ['IND', 'PAK'] },
  { name: 'Sikhs', forms: ['Sikh', 'Sikhs'], kind: 'religious', region: 'Punjab', countries: ['IND'] },
  { name: 'Roma', forms: ['Roma', 'Romani'], kind: 'ethnic', region: 'Europe', countries: [] },
  { name: 'Jews', forms: ['Jewish', 'Jew', 'Jews'], kind: 'religious', region: '', countries: [] },
  { name: 'Muslims', forms: ['Muslim', 'Muslims', 'Islamic', 'Moslem', 'Moslems'], kind: 'religious', region: '', countries: [] },
  { name: 'Sunnis', forms: ['Sunni', 'Sunnis'], kind: 'religious', region: '', countries: [] },
  { name: 'Shias', forms: ['Shia', 'Shiite', "Shi'ite", 'Shias', 'Shiites'], kind: 'religious', region: '', countries: [] },
  { name: 'Christians', forms: ['Christian', 'Christians'], kind: 'religious', region: '', countries: [] },
  { name: 'Catholics', forms: ['Catholic', 'Catholics'], kind: 'religious', region: '', countries: [] },
  { name: 'Orthodox', forms: ['Orthodox'], kind: 'religious', region: '', countries: [] },
  { name: 'Copts', forms: ['Coptic', 'Copt', 'Copts'], kind: 'religious', region: 'Egypt', countries: ['EGY'] },
  { name: 'Hindus', forms: ['Hindu', 'Hindus'], kind: 'religious', region: '', countries: [] },
  { name: 'Buddhists', forms: ['Buddhist', 'Buddhists'], kind: 'religious', region: '', countries: [] },
  { name: 'Europeans', forms: ['European', 'Europeans'], kind: 'regional', region: 'Europe', countries: [] },
  { name: 'Africans', forms: ['African', 'Africans'], kind: 'regional', region: 'Africa', countries: [] },
  { name: 'Asians', forms: ['Asian', 'Asians'], kind: 'regional', region: 'Asia', countries: [] },
  { name: 'Latin Americans', forms: ['Latin American', 'Latino', 'Latinos', 'Hispanic', 'Hispanics'], kind: 'regional', region: 'Latin America', countries: [] },
  { name: 'Westerners', forms: ['Western', 'Westerners'], kind: 'political', region: 'the West', countries: [] },
  { name: 'Caucasians (region)', forms: ['Caucasian'], kind: 'regional', region: 'Caucasus', countries: [] },
  { name: 'Balkan peoples', forms: ['Balkan'], kind: 'regional', region: 'Balkans', countries: [] },
  { name: 'Scandinavians', forms: ['Scandinavian', 'Scandinavians', 'Nordic'], kind: 'regional', region: 'Nordic countries', countries: [] },
  { name: 'Karabakh Armenians', forms: ['Karabakh Armenian', 'Karabakh Armenians'], kind: 'ethnic', region: 'Nagorno-Karabakh', countries: ['AZE'] },
];
