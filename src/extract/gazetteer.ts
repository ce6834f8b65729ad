// Word lists the rules need: states with their demonyms, capitals and other names, international
// bodies, media outlets, and the nouns that make a phrase an organization, a government body or a
// group. Kept as data so a new country or outlet is one line, not a code change.
import type { ActorKind } from "../generated/prisma/enums.ts";

// name | demonyms | capitals (used for the state: "Moscow said") | other names
const COUNTRY_ROWS = `
Afghanistan|Afghan|Kabul|
Albania|Albanian|Tirana|
Algeria|Algerian|Algiers|
Argentina|Argentine,Argentinian|Buenos Aires|
Armenia|Armenian|Yerevan|
Australia|Australian|Canberra|
Austria|Austrian|Vienna|
Azerbaijan|Azerbaijani,Azeri|Baku|
Bahrain|Bahraini|Manama|
Bangladesh|Bangladeshi|Dhaka|
Belarus|Belarusian,Belarussian|Minsk|Republic of Belarus
Belgium|Belgian|Brussels|
Bolivia|Bolivian|La Paz|
Bosnia and Herzegovina|Bosnian|Sarajevo|Bosnia
Brazil|Brazilian|Brasilia,Brasília|
Bulgaria|Bulgarian|Sofia|
Cambodia|Cambodian|Phnom Penh|
Canada|Canadian|Ottawa|
Chile|Chilean|Santiago|
China|Chinese|Beijing|People's Republic of China,PRC
Colombia|Colombian|Bogota,Bogotá|
Croatia|Croatian|Zagreb|
Cuba|Cuban|Havana|
Cyprus|Cypriot|Nicosia|
Czech Republic|Czech|Prague|Czechia
Denmark|Danish|Copenhagen|
Egypt|Egyptian|Cairo|
Eritrea|Eritrean|Asmara|
Estonia|Estonian|Tallinn|
Ethiopia|Ethiopian|Addis Ababa|
Finland|Finnish|Helsinki|
France|French|Paris|
Georgia|Georgian|Tbilisi|
Germany|German|Berlin|
Greece|Greek|Athens|
Hungary|Hungarian|Budapest|
India|Indian|New Delhi|
Indonesia|Indonesian|Jakarta|
Iran|Iranian|Tehran|Islamic Republic of Iran
Iraq|Iraqi|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli|Jerusalem|
Italy|Italian|Rome|
Japan|Japanese|Tokyo|
Jordan|Jordanian|Amman|
Kazakhstan|Kazakh,Kazakhstani|Astana|
Kenya|Kenyan|Nairobi|
Kosovo|Kosovar|Pristina|
Kuwait|Kuwaiti|Kuwait City|
Latvia|Latvian|Riga|
Lebanon|Lebanese|Beirut|
Libya|Libyan|Tripoli|
Lithuania|Lithuanian|Vilnius|
Malaysia|Malaysian|Kuala Lumpur|
Mali|Malian|Bamako|
Mexico|Mexican|Mexico City|
Moldova|Moldovan|Chisinau,Chişinău|
Mongolia|Mongolian|Ulaanbaatar|
Montenegro|Montenegrin|Podgorica|
Morocco|Moroccan|Rabat|
Myanmar|Burmese|Naypyidaw|Burma
Nepal|Nepali,Nepalese|Kathmandu|
Netherlands|Dutch|Amsterdam,The Hague|Holland
New Zealand|New Zealander|Wellington|
Niger|Nigerien|Niamey|
Nigeria|Nigerian|Abuja|
North Korea|North Korean|Pyongyang|DPRK,Democratic People's Republic of Korea
Norway|Norwegian|Oslo|
Oman|Omani|Muscat|
Pakistan|Pakistani|Islamabad|
Palestine|Palestinian|Ramallah|Palestinian territories
Peru|Peruvian|Lima|
Philippines|Filipino,Philippine|Manila|
Poland|Polish|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari|Doha|
Romania|Romanian|Bucharest|
Russia|Russian|Moscow|Russian Federation
Rwanda|Rwandan|Kigali|
Saudi Arabia|Saudi|Riyadh|Kingdom of Saudi Arabia
Serbia|Serbian|Belgrade|
Singapore|Singaporean||
Slovakia|Slovak|Bratislava|
Slovenia|Slovenian|Ljubljana|
Somalia|Somali|Mogadishu|
South Africa|South African|Pretoria|
South Korea|South Korean|Seoul|Republic of Korea
South Sudan|South Sudanese|Juba|
Spain|Spanish|Madrid|
Sri Lanka|Sri Lankan|Colombo|
Sudan|Sudanese|Khartoum|
Sweden|Swedish|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian|Damascus|
Taiwan|Taiwanese|Taipei|
Tajikistan|Tajik|Dushanbe|
Thailand|Thai|Bangkok|
Tunisia|Tunisian|Tunis|
Turkey|Turkish|Ankara|Türkiye,Turkiye
Turkmenistan|Turkmen|Ashgabat|
Ukraine|Ukrainian|Kyiv,Kiev|
United Arab Emirates|Emirati|Abu Dhabi|UAE
United Kingdom|British|London|UK,U.K.,Britain,Great Britain
United States|American|Washington|US,U.S.,USA,U.S.A.,United States of America,America
Uzbekistan|Uzbek|Tashkent|
Vatican|Vatican|Vatican City|Holy See
Venezuela|Venezuelan|Caracas|
Vietnam|Vietnamese|Hanoi|Viet Nam
Yemen|Yemeni|Sanaa,Sana'a|
Zimbabwe|Zimbabwean|Harare|
Angola|Angolan|Luanda|
Benin|Beninese|Porto-Novo|
Botswana|Botswanan|Gaborone|
Burkina Faso|Burkinabe|Ouagadougou|
Burundi|Burundian|Gitega|
Cameroon|Cameroonian|Yaounde,Yaoundé|
Central African Republic|Central African|Bangui|CAR
Chad|Chadian|N'Djamena|
Democratic Republic of the Congo|Congolese|Kinshasa|DRC,DR Congo
Republic of the Congo||Brazzaville|Congo-Brazzaville
Djibouti|Djiboutian||
Equatorial Guinea|Equatoguinean|Malabo|
Gabon|Gabonese|Libreville|
Gambia|Gambian|Banjul|The Gambia
Ghana|Ghanaian|Accra|
Guinea|Guinean|Conakry|
Guyana|Guyanese||
Suriname|Surinamese|Paramaribo|
Belize|Belizean|Belmopan|
Timor-Leste|Timorese|Dili|East Timor
Samoa|Samoan|Apia|
Tonga|Tongan|Nuku'alofa|
Eswatini|Swazi|Mbabane|Swaziland
Comoros|Comorian||
Seychelles|Seychellois||
Guinea-Bissau|Bissau-Guinean|Bissau|
Cape Verde|Cape Verdean|Praia|Cabo Verde
Ivory Coast|Ivorian|Yamoussoukro,Abidjan|Côte d'Ivoire,Cote d'Ivoire
Lesotho||Maseru|
Liberia|Liberian|Monrovia|
Madagascar|Malagasy|Antananarivo|
Malawi|Malawian|Lilongwe|
Mauritania|Mauritanian|Nouakchott|
Mauritius|Mauritian|Port Louis|
Mozambique|Mozambican|Maputo|
Namibia|Namibian|Windhoek|
Senegal|Senegalese|Dakar|
Sierra Leone|Sierra Leonean|Freetown|
Tanzania|Tanzanian|Dodoma|
Togo|Togolese|Lome,Lomé|
Uganda|Ugandan|Kampala|
Zambia|Zambian|Lusaka|
Iceland|Icelandic|Reykjavik|
Luxembourg|Luxembourgish||
Malta|Maltese|Valletta|
North Macedonia|Macedonian|Skopje|Macedonia
Ecuador|Ecuadorian|Quito|
Paraguay|Paraguayan|Asuncion,Asunción|
Uruguay|Uruguayan|Montevideo|
Guatemala|Guatemalan|Guatemala City|
Honduras|Honduran|Tegucigalpa|
El Salvador|Salvadoran|San Salvador|
Nicaragua|Nicaraguan|Managua|
Costa Rica|Costa Rican|San Jose,San José|
Panama|Panamanian|Panama City|
Haiti|Haitian|Port-au-Prince|
Dominican Republic|Dominican|Santo Domingo|
Jamaica|Jamaican|Kingston|
Kyrgyzstan|Kyrgyz|Bishkek|
Laos|Lao,Laotian|Vientiane|
Brunei|Bruneian||
Bhutan|Bhutanese|Thimphu|
Maldives|Maldivian|Male|
Fiji|Fijian|Suva|
Papua New Guinea|Papua New Guinean|Port Moresby|
Puerto Rico|Puerto Rican|San Juan|
American Samoa|American Samoan|Pago Pago|
Guam|Guamanian|Hagåtña,Hagatna|
Greenland|Greenlandic|Nuuk|
Bermuda|Bermudian|Hamilton|
`;

export interface CountryEntry {
  name: string;
  demonyms: string[];
  capitals: string[];
  aliases: string[];
}

const split = (cell: string | undefined) =>
  (cell ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export const COUNTRIES: CountryEntry[] = COUNTRY_ROWS.trim()
  .split("\n")
  .map((row) => {
    const [name, demonyms, capitals, aliases] = row.split("|");
    return {
      name: (name ?? "").trim(),
      demonyms: split(demonyms),
      capitals: split(capitals),
      aliases: split(aliases),
    };
  });

/**
 * States of the United States, which news treats as governments that act ("Montana passed a
 * law", "the state of Wisconsin held elections") and as places ("voters in Iowa"). Georgia and
 * Washington are left out: the gazetteer reads them as the country and the US capital; Alaska is
 * a place (PLACE_PHRASES); New York is mostly the city.
 */
export const US_STATES = `Alabama Arizona Arkansas California Colorado Connecticut Delaware
  Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
  Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire
  New_Jersey New_Mexico North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania
  Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia West_Virginia
  Wisconsin Wyoming`
  .split(/\s+/u)
  .map((s) => s.replace(/_/gu, " "));
export const US_STATE_NAMES: ReadonlySet<string> = new Set(US_STATES);

/** Adjectives that name a party, with "party" after them ("the Democratic party"). */
export const PARTY_ADJECTIVE =
  /^(?:Democratic|Republican|Conservative|Liberal|Labour|Labor|Socialist|Communist|Green|Progressive|Nationalist|Unionist)$/u;

/** Named actors that are not states: international bodies, government seats, media outlets. */
export const NAMED_ACTORS: { name: string; kind: ActorKind; aliases: string[] }[] = [
  // A people named by its plural demonym acts as a group: "Israelis and Palestinians".
  ...COUNTRIES.flatMap((c) =>
    c.demonyms
      .filter((d) => /(?:an|i)$/u.test(d))
      .map((d) => ({ name: `${d}s`, kind: "GROUP" as ActorKind, aliases: [] })),
  ),
  { name: "United Nations", kind: "ORGANIZATION", aliases: ["UN", "U.N."] },
  { name: "UN Security Council", kind: "ORGANIZATION", aliases: ["Security Council"] },
  { name: "NATO", kind: "ORGANIZATION", aliases: ["North Atlantic Treaty Organization"] },
  { name: "European Union", kind: "ORGANIZATION", aliases: ["EU", "E.U."] },
  { name: "European Commission", kind: "ORGANIZATION", aliases: [] },
  { name: "African Union", kind: "ORGANIZATION", aliases: ["AU"] },
  { name: "G7", kind: "ORGANIZATION", aliases: ["Group of Seven", "G-7"] },
  { name: "G20", kind: "ORGANIZATION", aliases: ["Group of Twenty", "G-20"] },
  { name: "Arab League", kind: "ORGANIZATION", aliases: [] },
  {
    name: "International Committee of the Red Cross",
    kind: "ORGANIZATION",
    aliases: ["ICRC", "Red Cross"],
  },
  { name: "International Criminal Court", kind: "ORGANIZATION", aliases: ["ICC"] },
  { name: "International Atomic Energy Agency", kind: "ORGANIZATION", aliases: ["IAEA"] },
  { name: "World Health Organization", kind: "ORGANIZATION", aliases: ["WHO"] },
  {
    name: "OSCE",
    kind: "ORGANIZATION",
    aliases: ["Organization for Security and Co-operation in Europe"],
  },
  { name: "Hamas", kind: "ORGANIZATION", aliases: [] },
  { name: "Hezbollah", kind: "ORGANIZATION", aliases: [] },
  { name: "Taliban", kind: "ORGANIZATION", aliases: [] },
  { name: "Houthis", kind: "ORGANIZATION", aliases: ["Houthi"] },
  { name: "Kremlin", kind: "GOVERNMENT", aliases: [] },
  // Parties are organizations, also when named by their members (the guidelines' kinds).
  { name: "Democrats", kind: "ORGANIZATION", aliases: [] },
  { name: "Republicans", kind: "ORGANIZATION", aliases: [] },
  { name: "Democratic Party", kind: "ORGANIZATION", aliases: [] },
  // British parties, often named by one word ("Labour said", "the Tories").
  { name: "Labour", kind: "ORGANIZATION", aliases: ["Labour Party"] },
  { name: "Conservative Party", kind: "ORGANIZATION", aliases: ["Conservatives", "Tories"] },
  { name: "Liberal Democrats", kind: "ORGANIZATION", aliases: ["Lib Dems"] },
  { name: "Scottish National Party", kind: "ORGANIZATION", aliases: ["SNP"] },
  { name: "Republican Party", kind: "ORGANIZATION", aliases: ["GOP"] },
  ...US_STATES.map((name) => ({
    name,
    kind: "GOVERNMENT" as ActorKind,
    aliases: [`State of ${name}`, `${name} state`],
  })),
  { name: "White House", kind: "GOVERNMENT", aliases: [] },
  // A state's coast guard is an agency of its government, unlike its armed forces.
  { name: "Coast Guard", kind: "GOVERNMENT", aliases: [] },
  { name: "Pentagon", kind: "GOVERNMENT", aliases: [] },
  {
    name: "State Department",
    kind: "GOVERNMENT",
    aliases: ["U.S. State Department", "US State Department"],
  },
  { name: "Downing Street", kind: "GOVERNMENT", aliases: [] },
  // Intelligence and security agencies known by their acronyms.
  { name: "CIA", kind: "GOVERNMENT", aliases: ["Central Intelligence Agency"] },
  { name: "FBI", kind: "GOVERNMENT", aliases: ["Federal Bureau of Investigation"] },
  { name: "NSA", kind: "GOVERNMENT", aliases: ["National Security Agency"] },
  { name: "MI6", kind: "GOVERNMENT", aliases: ["Secret Intelligence Service"] },
  { name: "MI5", kind: "GOVERNMENT", aliases: [] },
  { name: "Mossad", kind: "GOVERNMENT", aliases: [] },
  { name: "Shin Bet", kind: "GOVERNMENT", aliases: [] },
  { name: "FSB", kind: "GOVERNMENT", aliases: ["Federal Security Service"] },
  { name: "SBU", kind: "GOVERNMENT", aliases: ["Security Service of Ukraine"] },
  { name: "GRU", kind: "GOVERNMENT", aliases: [] },
  { name: "Reuters", kind: "MEDIA", aliases: [] },
  { name: "Associated Press", kind: "MEDIA", aliases: ["AP"] },
  { name: "Agence France-Presse", kind: "MEDIA", aliases: ["AFP"] },
  { name: "BBC", kind: "MEDIA", aliases: ["BBC News"] },
  { name: "CNN", kind: "MEDIA", aliases: [] },
  { name: "Al Jazeera", kind: "MEDIA", aliases: [] },
  { name: "TASS", kind: "MEDIA", aliases: ["Tass"] },
  { name: "RIA Novosti", kind: "MEDIA", aliases: ["RIA"] },
  { name: "Interfax", kind: "MEDIA", aliases: [] },
  { name: "Xinhua", kind: "MEDIA", aliases: [] },
  { name: "The New York Times", kind: "MEDIA", aliases: ["New York Times"] },
  { name: "The Washington Post", kind: "MEDIA", aliases: ["Washington Post"] },
  { name: "The Guardian", kind: "MEDIA", aliases: ["Guardian"] },
  { name: "Wikinews", kind: "MEDIA", aliases: [] },
  { name: "Ukrinform", kind: "MEDIA", aliases: [] },
  { name: "Kyiv Independent", kind: "MEDIA", aliases: ["The Kyiv Independent"] },
  { name: "Bloomberg", kind: "MEDIA", aliases: [] },
  // Major broadcasters, agencies and papers whose names carry no media word ("NBC", "Haaretz").
  { name: "NBC", kind: "MEDIA", aliases: ["NBC News"] },
  { name: "CBS", kind: "MEDIA", aliases: ["CBS News"] },
  { name: "ABC News", kind: "MEDIA", aliases: [] },
  { name: "PBS", kind: "MEDIA", aliases: [] },
  { name: "NPR", kind: "MEDIA", aliases: ["National Public Radio"] },
  { name: "Fox News", kind: "MEDIA", aliases: [] },
  { name: "MSNBC", kind: "MEDIA", aliases: [] },
  { name: "CNBC", kind: "MEDIA", aliases: [] },
  { name: "C-SPAN", kind: "MEDIA", aliases: [] },
  { name: "Politico", kind: "MEDIA", aliases: [] },
  { name: "Axios", kind: "MEDIA", aliases: [] },
  { name: "Newsweek", kind: "MEDIA", aliases: [] },
  { name: "Business Insider", kind: "MEDIA", aliases: [] },
  { name: "The Wall Street Journal", kind: "MEDIA", aliases: ["Wall Street Journal", "WSJ"] },
  { name: "USA Today", kind: "MEDIA", aliases: [] },
  { name: "Los Angeles Times", kind: "MEDIA", aliases: [] },
  { name: "Financial Times", kind: "MEDIA", aliases: ["FT"] },
  { name: "The Economist", kind: "MEDIA", aliases: ["Economist"] },
  { name: "The Independent", kind: "MEDIA", aliases: [] },
  { name: "The Daily Telegraph", kind: "MEDIA", aliases: ["Daily Telegraph"] },
  { name: "Sky News", kind: "MEDIA", aliases: [] },
  { name: "ITV", kind: "MEDIA", aliases: ["ITV News"] },
  { name: "Channel 4", kind: "MEDIA", aliases: ["Channel 4 News"] },
  { name: "Deutsche Welle", kind: "MEDIA", aliases: ["DW"] },
  { name: "France 24", kind: "MEDIA", aliases: [] },
  { name: "Euronews", kind: "MEDIA", aliases: [] },
  { name: "Le Monde", kind: "MEDIA", aliases: [] },
  { name: "Der Spiegel", kind: "MEDIA", aliases: ["Spiegel"] },
  { name: "El País", kind: "MEDIA", aliases: ["El Pais"] },
  { name: "EFE", kind: "MEDIA", aliases: [] },
  { name: "ANSA", kind: "MEDIA", aliases: [] },
  { name: "DPA", kind: "MEDIA", aliases: ["dpa"] },
  { name: "UPI", kind: "MEDIA", aliases: ["United Press International"] },
  { name: "RT", kind: "MEDIA", aliases: ["Russia Today"] },
  { name: "Sputnik", kind: "MEDIA", aliases: ["Sputnik News"] },
  { name: "Kommersant", kind: "MEDIA", aliases: [] },
  { name: "Izvestia", kind: "MEDIA", aliases: [] },
  { name: "Meduza", kind: "MEDIA", aliases: [] },
  { name: "Kyiv Post", kind: "MEDIA", aliases: [] },
  { name: "Ukrainska Pravda", kind: "MEDIA", aliases: [] },
  { name: "Al Arabiya", kind: "MEDIA", aliases: [] },
  { name: "Asharq Al-Awsat", kind: "MEDIA", aliases: [] },
  { name: "Haaretz", kind: "MEDIA", aliases: [] },
  { name: "The Times of Israel", kind: "MEDIA", aliases: ["Times of Israel"] },
  { name: "The Jerusalem Post", kind: "MEDIA", aliases: ["Jerusalem Post"] },
  { name: "Ynet", kind: "MEDIA", aliases: [] },
  { name: "IRNA", kind: "MEDIA", aliases: ["Islamic Republic News Agency"] },
  { name: "ISNA", kind: "MEDIA", aliases: [] },
  { name: "Tasnim", kind: "MEDIA", aliases: [] },
  { name: "Fars", kind: "MEDIA", aliases: [] },
  { name: "Press TV", kind: "MEDIA", aliases: [] },
  { name: "Anadolu Agency", kind: "MEDIA", aliases: ["Anadolu"] },
  { name: "TRT", kind: "MEDIA", aliases: [] },
  { name: "Daily Sabah", kind: "MEDIA", aliases: [] },
  { name: "Rudaw", kind: "MEDIA", aliases: [] },
  { name: "Al-Ahram", kind: "MEDIA", aliases: ["Al Ahram"] },
  { name: "Arab News", kind: "MEDIA", aliases: [] },
  { name: "KCNA", kind: "MEDIA", aliases: ["Korean Central News Agency"] },
  { name: "Yonhap", kind: "MEDIA", aliases: [] },
  { name: "Kyodo", kind: "MEDIA", aliases: ["Kyodo News"] },
  { name: "NHK", kind: "MEDIA", aliases: [] },
  { name: "CGTN", kind: "MEDIA", aliases: [] },
  { name: "CCTV", kind: "MEDIA", aliases: [] },
  { name: "Global Times", kind: "MEDIA", aliases: [] },
  { name: "People's Daily", kind: "MEDIA", aliases: [] },
  { name: "South China Morning Post", kind: "MEDIA", aliases: ["SCMP"] },
  { name: "RTHK", kind: "MEDIA", aliases: [] },
  { name: "NDTV", kind: "MEDIA", aliases: [] },
  { name: "The Hindu", kind: "MEDIA", aliases: [] },
  { name: "Dawn", kind: "MEDIA", aliases: [] },
  { name: "ABC", kind: "MEDIA", aliases: ["Australian Broadcasting Corporation"] },
  { name: "CBC", kind: "MEDIA", aliases: ["CBC News"] },
  {
    name: "Radio Free Europe/Radio Liberty",
    kind: "MEDIA",
    aliases: ["RFE/RL", "Radio Free Europe"],
  },
  { name: "Voice of America", kind: "MEDIA", aliases: ["VOA"] },
  // International bodies and non-governmental organizations whose names carry no head word
  // ("Programme", none at all) and so cannot be told from a person's name by shape.
  { name: "World Food Programme", kind: "ORGANIZATION", aliases: ["WFP"] },
  { name: "UN Development Programme", kind: "ORGANIZATION", aliases: ["UNDP"] },
  { name: "UNICEF", kind: "ORGANIZATION", aliases: [] },
  { name: "UNHCR", kind: "ORGANIZATION", aliases: ["UN refugee agency"] },
  { name: "UNESCO", kind: "ORGANIZATION", aliases: [] },
  {
    name: "UNRWA",
    kind: "ORGANIZATION",
    aliases: ["United Nations Relief and Works Agency", "UN Relief and Works Agency"],
  },
  { name: "World Bank", kind: "ORGANIZATION", aliases: [] },
  { name: "International Monetary Fund", kind: "ORGANIZATION", aliases: ["IMF"] },
  { name: "World Trade Organization", kind: "ORGANIZATION", aliases: ["WTO"] },
  { name: "OPEC", kind: "ORGANIZATION", aliases: [] },
  {
    name: "ASEAN",
    kind: "ORGANIZATION",
    aliases: ["Association of Southeast Asian Nations"],
  },
  // Regional blocs, written out as often as abbreviated; a long name like "Economic Community
  // of West African States" has no head word the organization rule knows.
  {
    name: "ECOWAS",
    kind: "ORGANIZATION",
    aliases: ["Economic Community of West African States"],
  },
  {
    name: "SADC",
    kind: "ORGANIZATION",
    aliases: ["Southern African Development Community"],
  },
  { name: "East African Community", kind: "ORGANIZATION", aliases: ["EAC"] },
  {
    name: "IGAD",
    kind: "ORGANIZATION",
    aliases: ["Intergovernmental Authority on Development"],
  },
  {
    name: "ECCAS",
    kind: "ORGANIZATION",
    aliases: ["Economic Community of Central African States"],
  },
  { name: "Gulf Cooperation Council", kind: "ORGANIZATION", aliases: ["GCC"] },
  { name: "Organization of American States", kind: "ORGANIZATION", aliases: ["OAS"] },
  {
    name: "Organisation of Islamic Cooperation",
    kind: "ORGANIZATION",
    aliases: ["OIC", "Organization of Islamic Cooperation"],
  },
  { name: "CARICOM", kind: "ORGANIZATION", aliases: ["Caribbean Community"] },
  { name: "Mercosur", kind: "ORGANIZATION", aliases: ["Mercosul"] },
  { name: "APEC", kind: "ORGANIZATION", aliases: ["Asia-Pacific Economic Cooperation"] },
  { name: "BRICS", kind: "ORGANIZATION", aliases: [] },
  {
    name: "Shanghai Cooperation Organisation",
    kind: "ORGANIZATION",
    aliases: ["SCO", "Shanghai Cooperation Organization"],
  },
  {
    name: "CSTO",
    kind: "ORGANIZATION",
    aliases: ["Collective Security Treaty Organization"],
  },
  { name: "OECD", kind: "ORGANIZATION", aliases: [] },
  { name: "Interpol", kind: "ORGANIZATION", aliases: [] },
  { name: "Greenpeace", kind: "ORGANIZATION", aliases: [] },
  { name: "Human Rights Watch", kind: "ORGANIZATION", aliases: [] },
  { name: "Doctors Without Borders", kind: "ORGANIZATION", aliases: ["MSF"] },
  { name: "Islamic Jihad", kind: "ORGANIZATION", aliases: [] },
  {
    name: "Islamic State",
    kind: "ORGANIZATION",
    aliases: [
      "ISIS",
      "ISIL",
      "Daesh",
      "Islamic State of Iraq and the Levant",
      "Islamic State of Iraq and Syria",
    ],
  },
  {
    name: "al-Qaeda",
    kind: "ORGANIZATION",
    aliases: ["Al-Qaeda", "al Qaeda", "Al Qaeda", "al-Qaida", "Al-Qaida"],
  },
];

/** Nouns after a demonym that make a named group: "Ukrainian representatives". */
export const GROUP_NOUNS: Record<string, ActorKind> = {
  officials: "GOVERNMENT",
  authorities: "GOVERNMENT",
  representatives: "GOVERNMENT",
  government: "GOVERNMENT",
  // "the Argentine congress", "the Turkish senate": a state's legislature.
  congress: "GOVERNMENT",
  senate: "GOVERNMENT",
  delegation: "GOVERNMENT",
  negotiators: "GOVERNMENT",
  diplomats: "GOVERNMENT",
  leadership: "GOVERNMENT",
  parliament: "GOVERNMENT",
  lawmakers: "GROUP",
  militia: "ORGANIZATION",
  // Several militias act as a collective, not one organization.
  militias: "GROUP",
  regime: "GOVERNMENT",
  side: "GOVERNMENT",
  military: "ORGANIZATION",
  army: "ORGANIZATION",
  forces: "ORGANIZATION",
  navy: "ORGANIZATION",
  troops: "GROUP",
  soldiers: "GROUP",
  servicemen: "GROUP",
  prisoners: "GROUP",
  civilians: "GROUP",
  citizens: "GROUP",
  protesters: "GROUP",
  residents: "GROUP",
  refugees: "GROUP",
  people: "GROUP",
  rebels: "GROUP",
  militants: "GROUP",
  fighters: "GROUP",
  gunmen: "GROUP",
  // "Saudi agents", "Tigrayan combatants", "Ukrainian pilots": people acting for a state or side.
  agents: "GROUP",
  operatives: "GROUP",
  combatants: "GROUP",
  pilots: "GROUP",
  candidates: "GROUP",
  voters: "GROUP",
  workers: "GROUP",
  activists: "GROUP",
  students: "GROUP",
  hostages: "GROUP",
  nationals: "GROUP",
  detainees: "GROUP",
  families: "GROUP",
  leaders: "GROUP",
  // "German firms": a state's companies acting together.
  firms: "GROUP",
  companies: "GROUP",
  businesses: "GROUP",
  media: "MEDIA",
  journalists: "MEDIA",
};

/**
 * Head words that name an actor on their own ("Parliament voted", "Congress passed"); the other
 * heads alone ("the Court", "the Council") refer back to a body named in full.
 */
export const LONE_HEADS = new Set(
  "Parliament Senate Congress Cabinet Presidency Police Army Navy Government".split(" "),
);

/** Capitalized words that end an organization's name and decide its kind. */
export const ORGANIZATION_HEADS: Record<string, ActorKind> = {
  Ministry: "GOVERNMENT",
  Department: "GOVERNMENT",
  Government: "GOVERNMENT",
  Office: "GOVERNMENT",
  Cabinet: "GOVERNMENT",
  Presidency: "GOVERNMENT",
  Parliament: "GOVERNMENT",
  Senate: "GOVERNMENT",
  Congress: "GOVERNMENT",
  Assembly: "GOVERNMENT",
  // "House of Representatives", "House of Commons", "Chamber of Deputies".
  Representatives: "GOVERNMENT",
  Commons: "GOVERNMENT",
  Lords: "GOVERNMENT",
  Deputies: "GOVERNMENT",
  Agency: "GOVERNMENT",
  Service: "GOVERNMENT",
  Administration: "GOVERNMENT",
  Police: "GOVERNMENT",
  Embassy: "GOVERNMENT",
  // A commission or committee is a state's ("Wisconsin Elections Commission", "House
  // Judiciary Committee"); an international one is named as such ("World Heritage Committee").
  Commission: "GOVERNMENT",
  Council: "ORGANIZATION",
  Committee: "GOVERNMENT",
  Union: "ORGANIZATION",
  Organization: "ORGANIZATION",
  Organisation: "ORGANIZATION",
  Nations: "ORGANIZATION",
  Party: "ORGANIZATION",
  Army: "ORGANIZATION",
  Forces: "ORGANIZATION",
  Force: "ORGANIZATION",
  Guards: "ORGANIZATION",
  Navy: "ORGANIZATION",
  Guard: "ORGANIZATION",
  // A court is a state's: an international one is named as such and found in the gazetteer.
  Court: "GOVERNMENT",
  Bank: "ORGANIZATION",
  Fund: "ORGANIZATION",
  Institute: "ORGANIZATION",
  University: "ORGANIZATION",
  Foundation: "ORGANIZATION",
  Movement: "ORGANIZATION",
  Front: "ORGANIZATION",
  Group: "ORGANIZATION",
  Company: "ORGANIZATION",
  // "Amnesty International", "Transparency International"
  International: "ORGANIZATION",
  Corporation: "ORGANIZATION",
  Association: "ORGANIZATION",
  // "Arab League", "National League for Democracy", "League of Women Voters".
  League: "ORGANIZATION",
  Alliance: "ORGANIZATION",
  Coalition: "ORGANIZATION",
  Brigade: "ORGANIZATION",
  Command: "ORGANIZATION",
  Headquarters: "ORGANIZATION",
  Directorate: "GOVERNMENT",
  Bureau: "GOVERNMENT",
  Corps: "ORGANIZATION",
  Division: "ORGANIZATION",
  Regiment: "ORGANIZATION",
  Battalion: "ORGANIZATION",
  News: "MEDIA",
  Times: "MEDIA",
  Post: "MEDIA",
  Television: "MEDIA",
  TV: "MEDIA",
  Authority: "ORGANIZATION",
  // "Gun Violence Archive", "House of Commons Library", "Syrian Observatory for Human Rights".
  Archive: "ORGANIZATION",
  Library: "ORGANIZATION",
  Observatory: "ORGANIZATION",
  Center: "ORGANIZATION",
  Centre: "ORGANIZATION",
  Tribune: "MEDIA",
  Herald: "MEDIA",
  Gazette: "MEDIA",
  Journal: "MEDIA",
  Telegraph: "MEDIA",
  Radio: "MEDIA",
  Reporter: "MEDIA",
  Insider: "MEDIA",
  Observer: "MEDIA",
  Chronicle: "MEDIA",
  Magazine: "MEDIA",
  Newspaper: "MEDIA",
  // "Crow Tribe", "Fort Belknap Indian Community": a people as a body ("Nation" is left out:
  // "The Daily Nation" is a paper).
  Tribe: "GROUP",
  Tribes: "GROUP",
  Community: "GROUP",
};

/** Titles before a person's name; kept as an alias ("President Vladimir Putin"). */
export const PERSON_TITLES = new Set(
  `President Vice-President Prime Minister Premier Chancellor King Queen Prince Emperor Pope
  Princess Empress Duke Duchess
  Foreign Defense Defence Interior Finance Secretary General Gen. Lt. Col. Colonel Major Captain
  Admiral Commander Mr. Mrs. Ms. Dr. Sen. Senator Rep. Representative Governor Mayor Ambassador
  Spokesman Spokeswoman Spokesperson Chairman Chairwoman Chairperson Chair Director Chief Judge Justice
  Sheikh Sultan Emir Ayatollah Deputy Envoy Special Minister Speaker Lord Sir Patriarch
  Archbishop Bishop Cardinal Crown Acting Former Russian Ukrainian American British Presidents
  Ministers Leaders Commissioner Member MP`.split(/\s+/u),
);

/** Capitalized words that never start or form an actor's name on their own. */
export const NOT_NAMES = new Set(
  `January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An This That These Those It Its
  He She They We I You His Her Their Our In On At For From By With As But And Or If When While
  After Before Since During However Meanwhile According Although Though Such Some Many Most All
  Both Each Other Another No Not There Here What Which Who Whom Whose Why How Where Will Would
  Can Could May Might Must Should Shall Also Yet Still Even Just Only Now Then Today Yesterday
  Tomorrow Mr Mrs Ms Dr St Earlier Later Last Next First Second Third Several Over Under Behind
  Between Among Despite Following Amid Against Without Within Until To Of Up Out Is Are Was Were
  Be Been Being Has Have Had Do Does Did Said Says Saying Speaking Asked Told Noted New Why
  Further Once Nearly About Around Throughout Instead Besides Because Unlike Leaders Officials
  Members Ministers Presidents Majesty Highness Excellency Thousands Hundreds Millions Dozens Tens
  Sources Reports Details GMT UTC BST CET CEST EST EDT PST PDT Brexit GDP GNP CEO CFO HIV AIDS
  DNA VAT LGBT LGBTQ`.split(/\s+/u),
);

/** Place names that are not states; used only to recognise locations, never as actors. */
export const PLACE_PHRASES = new Set(
  `Istanbul, Geneva, Jeddah, Alaska, Anchorage, Crimea, Donbas, Donbass, Donetsk, Luhansk,
  Kharkiv, Odesa, Odessa, Zaporizhzhia, Kherson, Mariupol, Bakhmut, Avdiivka, Kursk, Belgorod,
  Gaza, Gaza Strip, Rafah, Khan Yunis, West Bank, Golan, Golan Heights, Europe, Asia, Africa,
  Middle East, Latin America, Sinai, Davos, Munich, Camp David, Dnipro, Lviv, Sumy, Pokrovsk,
  Chernihiv, Bryansk, Rostov, Sevastopol, Sochi, St. Petersburg, Saint Petersburg, New York, D.C.,
  Los Angeles, Hong Kong, Shanghai, Kashmir, Tigray, Darfur, Aleppo, Idlib, Mosul, Kandahar,
  Helmand, Benghazi, Basra, Kirkuk, Erbil, Black Sea, Baltic, Baltic Sea, Mediterranean,
  Pacific, Atlantic, Arctic, Balkans, Caucasus, Siberia, Red Sea, Persian Gulf, Strait of Hormuz`
    .split(",")
    .map((p) => p.trim().replace(/\s+/gu, " ")),
);

/** Single words that name such places ("Gaza"), for checks word by word. */
export const NON_STATE_PLACES = new Set([...PLACE_PHRASES].filter((p) => !p.includes(" ")));

/** Month names, which chrono reads as dates and the name rules must never read as actors. */
export const MONTHS = new Set(
  "january february march april may june july august september october november december".split(
    " ",
  ),
);

/** Words that make a capitalized phrase a title ("Secretary", "President") when a name follows. */
export const TITLE_HEADS = new Set(
  `President Minister Secretary Advisor Adviser Envoy CEO Chairman Chairwoman Chairperson Chair Director
  Ambassador Spokesman Spokeswoman Spokesperson Senator Sen. Governor Mayor Dr. Gen. General
  Colonel Col. Commander Chief King Queen Prince Princess Emperor Empress Duke Duchess Pope Chancellor Premier Leader Speaker Judge Mr.
  Mrs. Ms. Sheikh Emir Sultan Rep. Representative Coordinator Officer Secretary-General Admiral
  Lt. Sergeant Sgt. Captain Capt. Major Maj. Ayatollah Patriarch Archbishop Cardinal Presidents
  Ministers Leaders Commissioner Whip Superintendent Inspector Head MP Attorney Member Legislator
  Lawmaker Republican Democrat Democratic Conservative Labour`.split(/\s+/u),
);

/** Every word that can be part of a title before a name ("National Security Advisor"). */
export const TITLE_WORDS = new Set([
  ...TITLE_HEADS,
  ...`Senate Minority Majority Vice Prime Deputy Acting Former Foreign Defense Defence Interior Finance Justice State
  Security National Special Presidential Affairs Hostage Homeland Staff Joint Chiefs Press Senior
  Executive Attorney Lieutenant Crown Supreme Foreign Trade Economy Health Energy Treasury
  Principal Assistant Undersecretary Under High UN U.N. U.S. US White House Kremlin Pentagon Air
  Force Marine Corps Coast Guard Army Navy Brig. Adm. Gov. Maj. Gen. Lt. Col. Russian
  Ukrainian American British Israeli Palestinian Sudanese Lebanese Iranian Chinese French
  German`.split(/\s+/u),
]);

/** Words that make a capitalized phrase a thing or place, never a person ("Iron Dome"). */
export const NOT_PERSON_WORDS = new Set(
  `Stadium Dome Square Street Avenue Palace Hotel Airport Bridge Hall House Center Centre Park
  River Sea Ocean Mountains Island Islands Region Province Oblast District City Act Resolution
  Agreement Treaty Accord Plan Operation Day War Strip Bank Gate Port Base Camp Prison Road
  Highway Valley Desert Coast Peninsula Gulf Lake Canal Pipeline Plant Station Tower Building
  Program Programme Initiative Fund Summit Conference Forum Talks Protocol Declaration Charter
  Convention Doctrine Order Decree Law Code Constitution Covid COVID Christmas Easter Ramadan
  Eid Internet Twitter Facebook Telegram Masjid Mosque Church Cathedral Temple Museum Heights
  Monastery Shrine Hospital School Area Zone Market Bloc`.split(/\s+/u),
);

/** Regional and religious adjectives: alone they name no actor ("African", "Muslim"). */
export const ADJECTIVES_ALONE = new Set(
  `African European Asian Arab Western Eastern Northern Southern Middle Latin Islamic Muslim
  Christian Jewish Sunni Shia Shiite Kurdish Continental International Global`.split(/\s+/u),
);

/**
 * Titles that, after "the", describe one person named elsewhere ("the Speaker of the House",
 * "the El Paso mayor", "the crown prince"). Longer titles first, so the longest one matches.
 */
export const DESCRIBED_TITLES = `vice president|president|deputy prime minister|prime minister|
  foreign minister|defen[cs]e minister|interior minister|finance minister|minister|
  secretary-general|secretary general|foreign secretary|secretary|speaker|majority leader|
  minority leader|supreme leader|chief executive|chief justice|chancellor|premier|crown prince|
  prince|princess|king|queen|emir|sultan|pope|archbishop|bishop|ambassador|envoy|delegate|
  spokesman|spokeswoman|spokesperson|chairman|chairwoman|chairperson|director|commissioner|
  attorney general|attorney|governor|mayor|senator|congressman|congresswoman|judge`
  .split("|")
  .map((t) => t.trim());
