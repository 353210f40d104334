/**
 * Hand-written gazetteer facts for NER features: names and words that the GeoNames
 * and CountryInfo extracts lack or spell differently (historic 1990s states, short
 * forms, demonyms such as "Azeri", titles, organisation words). Common knowledge,
 * written for this project.
 */

const list = (s: string): string[] => s.split('|').map((x) => x.trim()).filter(Boolean);

export const COUNTRY_EXTRA = list(`U.S.|US|USA|U.S.A.|America|United States of America|Britain|Great Britain|UK|U.K.|
England|Scotland|Wales|Northern Ireland|Holland|Netherlands|Russia|Soviet Union|USSR|Yugoslavia|Zaire|Burma|
Czech Republic|Czechoslovakia|Bosnia|Herzegovina|Bosnia-Herzegovina|Macedonia|Ivory Coast|Cote d'Ivoire|
West Germany|East Germany|North Korea|South Korea|Korea|Taiwan|Palestine|Vatican|Swaziland|Cape Verde|
East Timor|Congo|Brunei|Laos|Syria|Iran|Moldova|Kirghizia|Kyrgyzstan|Byelorussia|Belarus|UAE|Emirates|
Chechnya|Kosovo|Tibet|Kurdistan|Hong Kong|Macau|Gaza|West Bank`);

export const REGION_EXTRA = list(`Europe|Asia|Africa|North America|South America|Latin America|Central America|
Middle East|Mideast|Near East|Far East|Gulf|Persian Gulf|Balkans|Caucasus|South Caucasus|Scandinavia|
Caribbean|Pacific|Atlantic|Mediterranean|Baltic|Black Sea|Caspian|Caspian Sea|Red Sea|Indian Ocean|
Arctic|Antarctica|Siberia|Sahara|Horn of Africa|Central Asia|Southeast Asia|South Asia|East Asia|
West Africa|East Africa|Southern Africa|North Africa|Western Europe|Eastern Europe|Central Europe|
Nagorno-Karabakh|Karabakh|Kashmir|Punjab|Kurdistan|Crimea|Chechnya|Dagestan|Transdniestria|Abkhazia|
Golan|Golan Heights|Sinai|Wall Street|Midwest|New England|Silicon Valley|Highlands|Alps|Himalayas|Andes`);

export const DEMONYMS = list(`American|British|English|Scottish|Welsh|Irish|French|German|Italian|Spanish|
Portuguese|Dutch|Belgian|Swiss|Austrian|Swedish|Norwegian|Danish|Finnish|Icelandic|Greek|Turkish|Cypriot|
Russian|Soviet|Ukrainian|Belarussian|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|Serbian|Serb|Croatian|
Croat|Bosnian|Slovenian|Slovene|Albanian|Macedonian|Montenegrin|Yugoslav|Moldovan|Lithuanian|Latvian|
Estonian|Georgian|Armenian|Azerbaijani|Azeri|Kazakh|Uzbek|Turkmen|Tajik|Kyrgyz|Afghan|Pakistani|Indian|
Bangladeshi|Sri Lankan|Nepali|Nepalese|Chinese|Japanese|Korean|Taiwanese|Vietnamese|Thai|Cambodian|Lao|
Burmese|Malaysian|Indonesian|Filipino|Philippine|Singaporean|Australian|New Zealander|Canadian|Mexican|
Cuban|Haitian|Jamaican|Brazilian|Argentine|Argentinian|Chilean|Peruvian|Colombian|Venezuelan|Bolivian|
Ecuadorean|Ecuadorian|Uruguayan|Paraguayan|Nicaraguan|Salvadoran|Guatemalan|Honduran|Panamanian|
Egyptian|Libyan|Tunisian|Algerian|Moroccan|Sudanese|Ethiopian|Eritrean|Somali|Kenyan|Ugandan|Tanzanian|
Rwandan|Burundian|Zairean|Congolese|Angolan|Zambian|Zimbabwean|Mozambican|Namibian|South African|
Nigerian|Ghanaian|Liberian|Senegalese|Malian|Cameroonian|Ivorian|Iranian|Persian|Iraqi|Syrian|Lebanese|
Jordanian|Israeli|Palestinian|Saudi|Kuwaiti|Yemeni|Omani|Emirati|Qatari|Bahraini|Arab|Arabic|Kurdish|
Kurd|Jewish|Muslim|Moslem|Islamic|Christian|Catholic|Protestant|Orthodox|Hindu|Sikh|Buddhist|Shi'ite|
Shiite|Sunni|Hutu|Tutsi|Pashtun|Chechen|Basque|Catalan|Flemish|Walloon|Tamil|Sinhalese|Tatar|Balkan|
European|Asian|African|Latin American|Western|Eastern|Nordic|Scandinavian|Caucasian|Caribbean|Pacific|
Atlantic|Gulf|Arabian|Mideast|Middle Eastern|Anglo|Franco|Sino|Euro|Americans|Britons|Germans|Russians|
Israelis|Palestinians|Iranians|Iraqis|Serbs|Croats|Moslems|Muslims|Kurds|Azeris|Armenians|Chinese`);

export const TITLES = list(`President|Vice President|Prime Minister|Deputy Prime Minister|Minister|
Foreign Minister|Defence Minister|Defense Minister|Interior Minister|Finance Minister|Secretary|
Secretary of State|Secretary-General|Secretary General|Chancellor|King|Queen|Prince|Princess|Sheikh|Emir|
Sultan|Pope|Cardinal|Archbishop|Bishop|Rev|Reverend|Father|General|Gen|Lieutenant|Lt|Colonel|Col|Major|
Maj|Captain|Capt|Admiral|Adm|Sergeant|Commander|Marshal|Field Marshal|Governor|Gov|Mayor|Senator|Sen|
Congressman|Congresswoman|Representative|Rep|Ambassador|Envoy|Spokesman|Spokeswoman|Chairman|
Chairwoman|Chief Executive|CEO|Director|Judge|Justice|Attorney General|Speaker|Leader|Premier|Dr|Mr|Mrs|
Ms|Miss|Sir|Lord|Lady|Dame|Professor|Prof|Coach|Manager|Striker|Midfielder|Goalkeeper|Defender|Captain|
Ayatollah|Mullah|Imam|Rabbi|FM|MP|Chief|Commissioner|Inspector|Officer|Deputy|Assistant|Aide|Analyst`);

export const ORG_WORDS = list(`Inc|Inc.|Corp|Corp.|Corporation|Co|Co.|Company|Ltd|Ltd.|Limited|Plc|PLC|AG|SA|
S.A.|NV|N.V.|GmbH|SpA|AB|ASA|Group|Holdings|Holding|Industries|International|Bank|Bancorp|Securities|
Capital|Partners|Trust|Fund|Associates|Airlines|Airways|Motors|Systems|Technologies|Communications|
Telecom|Petroleum|Oil|Energy|Electric|Pharmaceuticals|Insurance|Financial|Investments|Exchange|
Party|Union|Council|Ministry|Department|Agency|Commission|Committee|Assembly|Parliament|Congress|
Senate|Court|Army|Navy|Force|Forces|Police|Front|Movement|Organisation|Organization|Association|
Federation|League|Institute|University|College|School|Hospital|Church|Foundation|Society|Club|Times|
Post|News|Press|Herald|Journal|Radio|Television|TV|Agency|United|City|Rovers|Wanderers|Athletic|Town|
County|Albion|Sporting|Dynamo|Real|Olympique|Racing|Stade|Bureau|Office|Board|Authority|Service`);

export const ORG_NAMES = list(`United Nations|UN|U.N.|NATO|EU|European Union|European Commission|
OPEC|IMF|International Monetary Fund|World Bank|WTO|World Trade Organisation|World Trade Organization|
GATT|WHO|Red Cross|OSCE|OAU|Arab League|ASEAN|APEC|Commonwealth|Interpol|UNICEF|UNHCR|UNESCO|IAEA|
Security Council|General Assembly|Pentagon|Kremlin|White House|State Department|Congress|Senate|
Bundesbank|Federal Reserve|Fed|Bank of England|Bank of Japan|ECB|CIA|FBI|KGB|PLO|Hamas|Hezbollah|
Hizbollah|IRA|Sinn Fein|Taleban|Taliban|al Qaeda|ETA|PKK|Reuters|AP|AFP|BBC|CNN|Xinhua|Interfax|Itar-Tass|
Tass|IRNA|NASDAQ|Nasdaq|NYSE|Dow Jones|Nikkei|FIFA|UEFA|IOC|NBA|NFL|NHL|Microsoft|IBM|Apple|Intel|
General Motors|Ford|Boeing|Airbus|Toyota|Volkswagen|Siemens|Shell|Exxon|Gazprom|Twitter|Facebook|Google|
Amazon|YouTube|Telegram|Instagram|Labour|Labour Party|Conservative Party|Tories|Democrats|Republicans|
Republican Party|Democratic Party|Liberal Democrats|Christian Democrats|Social Democrats|Likud|
Bundestag|Duma|Knesset|Supreme Court|European Parliament|Warsaw Pact`);

export const MISC_NAMES = list(`World Cup|Olympics|Olympic Games|Olympic|Grand Prix|Tour de France|
Wimbledon|U.S. Open|French Open|Australian Open|Super Bowl|Champions League|UEFA Cup|Cup Winners' Cup|
Davis Cup|Ryder Cup|Premier League|Bundesliga|Serie A|Primera Liga|Nobel|Nobel Prize|Oscar|Oscars|
Grammy|Internet|Islam|Christianity|Judaism|Ramadan|Christmas|Easter|Koran|Bible|Euro|ECU|English|
French|German|Spanish|Russian|Arabic|Chinese|Japanese|Windows|Boeing 747|Cold War|World War|Holocaust`);
