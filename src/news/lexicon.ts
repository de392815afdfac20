/**
 * General knowledge the extractor needs before any knowledge base is loaded: countries and their
 * adjectives, the sanctions authorities and the state bodies that regulate the car industry in the
 * countries this project covers, and the words that tell what kind of thing a capitalised name is.
 * Entries here are linked to knowledge-base entities of the same name when the store has them.
 */
import type { EntityType } from "../model/schema.js";

export interface LexiconEntry {
  name: string;
  type: EntityType;
  country?: string;
  aliases: string[];
}

export const COUNTRIES: Array<{ code: string; name: string; aliases: string[]; adjectives: string[] }> = [
  { code: "RU", name: "Russia", aliases: ["Russian Federation", "RF", "Россия"], adjectives: ["Russian"] },
  { code: "CN", name: "China", aliases: ["PRC", "People's Republic of China", "mainland China", "中国"], adjectives: ["Chinese"] },
  { code: "KZ", name: "Kazakhstan", aliases: ["Казахстан"], adjectives: ["Kazakh", "Kazakhstani"] },
  { code: "BY", name: "Belarus", aliases: ["Беларусь"], adjectives: ["Belarusian"] },
  { code: "UZ", name: "Uzbekistan", aliases: [], adjectives: ["Uzbek"] },
  { code: "KG", name: "Kyrgyzstan", aliases: ["Kyrgyz Republic"], adjectives: ["Kyrgyz"] },
  { code: "AM", name: "Armenia", aliases: [], adjectives: ["Armenian"] },
  { code: "AZ", name: "Azerbaijan", aliases: [], adjectives: ["Azerbaijani"] },
  { code: "TJ", name: "Tajikistan", aliases: [], adjectives: ["Tajik"] },
  { code: "TM", name: "Turkmenistan", aliases: [], adjectives: ["Turkmen"] },
  { code: "MN", name: "Mongolia", aliases: [], adjectives: ["Mongolian"] },
  { code: "IR", name: "Iran", aliases: ["Islamic Republic of Iran"], adjectives: ["Iranian"] },
  { code: "TR", name: "Turkey", aliases: ["Türkiye", "Turkiye"], adjectives: ["Turkish"] },
  { code: "AE", name: "United Arab Emirates", aliases: ["UAE"], adjectives: ["Emirati"] },
  { code: "IN", name: "India", aliases: [], adjectives: ["Indian"] },
  { code: "US", name: "United States", aliases: ["USA", "U.S.", "US", "United States of America", "America"], adjectives: ["American"] },
  { code: "GB", name: "United Kingdom", aliases: ["UK", "U.K.", "Britain", "Great Britain"], adjectives: ["British"] },
  { code: "UA", name: "Ukraine", aliases: [], adjectives: ["Ukrainian"] },
  { code: "DE", name: "Germany", aliases: [], adjectives: ["German"] },
  { code: "FR", name: "France", aliases: [], adjectives: ["French"] },
  { code: "IT", name: "Italy", aliases: [], adjectives: ["Italian"] },
  { code: "ES", name: "Spain", aliases: [], adjectives: ["Spanish"] },
  { code: "SE", name: "Sweden", aliases: [], adjectives: ["Swedish"] },
  { code: "FI", name: "Finland", aliases: [], adjectives: ["Finnish"] },
  { code: "PL", name: "Poland", aliases: [], adjectives: ["Polish"] },
  { code: "CZ", name: "Czech Republic", aliases: ["Czechia"], adjectives: ["Czech"] },
  { code: "NL", name: "Netherlands", aliases: [], adjectives: ["Dutch"] },
  { code: "JP", name: "Japan", aliases: [], adjectives: ["Japanese"] },
  { code: "KR", name: "South Korea", aliases: ["Korea", "Republic of Korea"], adjectives: ["Korean", "South Korean"] },
  { code: "VN", name: "Vietnam", aliases: [], adjectives: ["Vietnamese"] },
  { code: "TH", name: "Thailand", aliases: [], adjectives: ["Thai"] },
  { code: "MY", name: "Malaysia", aliases: [], adjectives: ["Malaysian"] },
  { code: "ID", name: "Indonesia", aliases: [], adjectives: ["Indonesian"] },
  { code: "EG", name: "Egypt", aliases: [], adjectives: ["Egyptian"] },
  { code: "DZ", name: "Algeria", aliases: [], adjectives: ["Algerian"] },
  { code: "BR", name: "Brazil", aliases: [], adjectives: ["Brazilian"] },
  { code: "MX", name: "Mexico", aliases: [], adjectives: ["Mexican"] },
  { code: "CA", name: "Canada", aliases: [], adjectives: ["Canadian"] },
  { code: "SA", name: "Saudi Arabia", aliases: [], adjectives: ["Saudi"] },
];

/** Adjective → ISO code ("Chinese" → CN). */
/** Regional adjectives: a capitalised run ending in one is a description, not a name ("North American"). */
export const REGIONAL_ADJECTIVES = new Set(["asian", "eurasian", "european", "african", "western", "eastern", "northern", "southern", "central", "latin", "arab", "nordic", "baltic", "soviet", "middle"]);

export const COUNTRY_ADJECTIVES = new Map<string, string>(COUNTRIES.flatMap((c) => c.adjectives.map((a): [string, string] => [a.toLowerCase(), c.code])));
export const COUNTRY_NAME_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c.name]));

/** Sanctions authorities and industry regulators. Canonical names follow the demo knowledge base. */
export const BODIES: LexiconEntry[] = [
  { name: "OFAC", type: "PublicBody", country: "US", aliases: ["Office of Foreign Assets Control", "US Treasury", "U.S. Treasury", "US Treasury Department", "U.S. Treasury Department", "Treasury Department", "US Department of the Treasury", "Department of the Treasury", "American Treasury", "SDN list", "Specially Designated Nationals list", "Specially Designated Nationals", "SDN"] },
  { name: "European Union", type: "PublicBody", aliases: ["EU", "Council of the European Union", "EU Council", "European Council", "European Commission", "Brussels"] },
  { name: "OFSI", type: "PublicBody", country: "GB", aliases: ["Office of Financial Sanctions Implementation", "HM Treasury", "UK Treasury", "British Treasury", "UK Foreign Office", "Foreign, Commonwealth and Development Office"] },
  { name: "UN Security Council", type: "PublicBody", aliases: ["United Nations Security Council", "UNSC", "United Nations"] },
  { name: "BIS", type: "PublicBody", country: "US", aliases: ["Bureau of Industry and Security", "US Department of Commerce", "U.S. Department of Commerce", "Commerce Department", "US Commerce Department", "Entity List"] },
  { name: "US Department of State", type: "PublicBody", country: "US", aliases: ["State Department", "US State Department", "U.S. State Department"] },
  { name: "Ministry of Industry and Trade of Russia", type: "PublicBody", country: "RU", aliases: ["Ministry of Industry and Trade", "Russian Ministry of Industry and Trade", "Minpromtorg", "Industry and Trade Ministry", "Russian Industry and Trade Ministry", "Ministry of Industry and Trade of the Russian Federation", "Минпромторг"] },
  { name: "Rosstandart", type: "PublicBody", country: "RU", aliases: ["Federal Agency for Technical Regulation and Metrology", "Russian Federal Agency for Technical Regulation and Metrology", "Росстандарт"] },
  { name: "Federal Customs Service of Russia", type: "PublicBody", country: "RU", aliases: ["Federal Customs Service", "Russian Federal Customs Service", "FCS"] },
  { name: "Federal Antimonopoly Service of Russia", type: "PublicBody", country: "RU", aliases: ["Federal Antimonopoly Service", "FAS"] },
  { name: "Bank of Russia", type: "PublicBody", country: "RU", aliases: ["Central Bank of Russia", "Russian Central Bank"] },
  { name: "Ministry of Finance of Russia", type: "PublicBody", country: "RU", aliases: ["Russian Finance Ministry", "Minfin", "Russian Ministry of Finance"] },
  { name: "Eurasian Economic Commission", type: "PublicBody", aliases: ["EEC"] },
  { name: "Ministry of Commerce of China", type: "PublicBody", country: "CN", aliases: ["MOFCOM", "Chinese Ministry of Commerce", "China's Ministry of Commerce", "商务部"] },
  { name: "Ministry of Industry and Information Technology of China", type: "PublicBody", country: "CN", aliases: ["MIIT", "Ministry of Industry and Information Technology", "工业和信息化部"] },
  { name: "China Association of Automobile Manufacturers", type: "Organization", country: "CN", aliases: ["CAAM"] },
  { name: "China Passenger Car Association", type: "Organization", country: "CN", aliases: ["CPCA"] },
  { name: "Association of European Businesses", type: "Organization", aliases: ["AEB"] },
  { name: "Autostat", type: "Organization", country: "RU", aliases: ["Avtostat", "Автостат"] },
];

/** Sanctions authority of a body's canonical name or a national adjective ("US sanctions", "EU's list"). */
export const AUTHORITY_BY_WORD = new Map<string, string>([
  ["ofac", "OFAC"], ["us", "OFAC"], ["u s", "OFAC"], ["american", "OFAC"], ["washington", "OFAC"], ["us treasury", "OFAC"], ["united states", "OFAC"],
  ["eu", "European Union"], ["european", "European Union"], ["european union", "European Union"], ["brussels", "European Union"],
  ["uk", "OFSI"], ["united kingdom", "OFSI"], ["britain", "OFSI"], ["british", "OFSI"], ["ofsi", "OFSI"], ["london", "OFSI"],
  ["un", "UN Security Council"], ["un security council", "UN Security Council"],
]);

/** Words that head a person's title; a capitalised name right after one is a person. */
export const TITLE_WORDS = new Set(
  ("minister president premier chairman chairwoman chair ceo chief executive director head governor mayor deputy secretary " +
    "senator professor dr mr mrs ms general manager spokesperson spokesman spokeswoman founder analyst ambassador chancellor " +
    "commissioner officer vice board editor correspondent envoy king prince").split(" "),
);

/** Words that make a capitalised sequence an institution and may be followed by "of X and Y". */
export const INSTITUTION_HEADS = new Set(
  ("ministry department agency service commission council committee office bureau government parliament duma court city " +
    "university institute academy association union chamber federation foundation bank authority administration board " +
    "center centre school federal state national").split(" "),
);

export const COMPANY_WORDS = new Set(
  ("group motors motor auto automobile automobiles automotive autos truck trucks holding holdings corporation corp company co " +
    "inc llc ltd limited pjsc jsc ojsc cjsc pao oao zao ooo ao gmbh ag se sa spa plc industries industrial works bank " +
    "technologies technology logistics trading machinery manufacturing vehicles automakers autoprom avtoprom electric energy " +
    "partners capital investments leasing").split(" "),
);
export const ORGANIZATION_WORDS = new Set(
  ("association union institute university academy foundation society federation chamber network news agency times post " +
    "journal gazette media press club forum center centre review daily herald tribune observer telegraph magazine").split(" "),
);
export const PUBLIC_BODY_WORDS = new Set(
  ("ministry department commission government parliament duma senate court treasury customs kremlin administration city " +
    "authority inspectorate").split(" "),
);
export const PLANT_WORDS = new Set(["plant", "factory", "works", "facility", "site", "assembly plant"]);

/** Nouns that say a name is a vehicle model ("the T6 pickup", "the Sunray van"). */
export const VEHICLE_NOUNS = new Set(
  ("crossover crossovers suv suvs sedan sedans saloon pickup pickups truck trucks van vans minivan minibus bus buses " +
    "hatchback hatchbacks liftback liftbacks coupe coupes wagon estate roadster tractor tractors model models line series " +
    "family ev evs hybrid electric lorry vehicle vehicles car cars lcv").split(" "),
);
/** Nouns that say a name is a brand ("its Lada lineup", "the Tenet brand"). */
export const BRAND_NOUNS = new Set(["brand", "brands", "lineup", "line-up", "marque", "nameplate", "range"]);

/** Generic nouns that, after "the Chinese …", "a Russian …", introduce a company name (apposition). */
export const COMPANY_NOUNS =
  "automaker|carmaker|car maker|automobile manufacturer|vehicle manufacturer|car manufacturer|truck maker|truckmaker|truck manufacturer|bus maker|manufacturer|company|firm|group|producer|maker|brand|supplier|distributor|dealer|importer|exporter|holding|conglomerate|corporation|assembler|startup|start-up|partner|state corporation|concern|joint venture|venture";

/** Capitalised words that are never names on their own (sentence openers, months, days). */
export const NOT_NAMES = new Set(
  ("the a an in on at for with by as but and or if when while since despite although however this that these those it its he she " +
    "they we i his her their our there here what which who why how according after before during prior meanwhile additionally " +
    "separately overall historically recently earlier later also both such other another some many most all each every no not yet " +
    "still even only then thus so under over from to into about last next first second third new recent several options reports " +
    "sources analysts experts legal governing chinese russian western eastern northern southern european asian african " +
    "january february march april may june july august september october november december monday tuesday wednesday thursday " +
    "friday saturday sunday today yesterday tomorrow mr mrs ms dr st plus pro max more less further following previously " +
    "currently now once again besides furthermore moreover nevertheless nonetheless instead indeed likewise similarly unlike " +
    "given because though whether where whereas until unless within without among between against toward towards upon via " +
    "per regarding concerning including excluding amid amidst one two three four five ten hundred thousand million billion " +
    "r&d ev evs suv suvs gdp vat ceo it ai ipo hp km usd eur rub cny lcv covid " +
    "officials authorities executives observers sales exports imports prices shares markets deliveries investors buyers " +
    "customers dealers drivers consumers companies automakers carmakers brands models plants talks plans sanctions data " +
    "figures results reports sources analysts experts options critics").split(" "),
);
