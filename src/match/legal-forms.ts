/**
 * Words that are part of a name but say little about who it is: legal forms, generic business words and
 * stop words. They are kept as weak tokens (not dropped blindly): "KAMAZ PAO" and "KAMAZ" still match, a
 * legal form that agrees adds a little, one that disagrees takes a little, and a name made only of such
 * words can never carry a match on its own (watchman's "CORP" matching at 100%, issue #483).
 *
 * Persons' titles and honorifics (President, Dr, Haji) are kept the same way, as stop words.
 *
 * Phrases are written as the lists and registries write them, in any script; normalize.ts folds them with
 * the same pipeline as names, so "ПАО", "PAO", "PJSC" and "Public Joint Stock Company" meet.
 */

/**
 * A legal form: `form` is what it is (two spellings of one form get the same id, scored 1.0), `family`
 * groups forms that are interchangeable in practice (a Russian OAO is today a PAO; "Co., Ltd." and
 * "Limited" are the same thing), scored lower.
 */
export interface LegalForm {
  form: string;
  family: "stock" | "limited" | "corp" | "partnership" | "state" | "other";
  phrases: string[];
}

export const LEGAL_FORMS: LegalForm[] = [
  // Russian and post-Soviet
  { form: "pjsc", family: "stock", phrases: ["pjsc", "pao", "публичное акционерное общество", "public joint stock company", "public joint-stock company", "public jsc"] },
  { form: "ojsc", family: "stock", phrases: ["ojsc", "oao", "открытое акционерное общество", "open joint stock company", "open joint-stock company", "open jsc"] },
  { form: "cjsc", family: "stock", phrases: ["cjsc", "zao", "закрытое акционерное общество", "closed joint stock company", "closed joint-stock company", "closed jsc"] },
  { form: "jsc", family: "stock", phrases: ["jsc", "ao", "акционерное общество", "joint stock company", "joint-stock company", "stock company", "nao", "непубличное акционерное общество", "ад", "ead", "jsco", "joint stock co"] },
  { form: "llc", family: "limited", phrases: ["llc", "l l c", "ooo", "общество с ограниченной ответственностью", "limited liability company", "limited liability co", "tov", "тов", "товариство з обмеженою відповідальністю", "too", "тоо", "товарищество с ограниченной ответственностью", "limited liability partnership company"] },
  { form: "state-unitary", family: "state", phrases: ["fgup", "фгуп", "gup", "гуп", "mup", "муп", "federal state unitary enterprise", "state unitary enterprise", "федеральное государственное унитарное предприятие", "государственное унитарное предприятие"] },
  { form: "state-corporation", family: "state", phrases: ["state corporation", "государственная корпорация", "goskorporatsiya", "госкорпорация", "gk"] },
  { form: "ano", family: "other", phrases: ["ano", "autonomous non-profit organization", "автономная некоммерческая организация"] },
  { form: "ip", family: "other", phrases: ["individual entrepreneur", "индивидуальный предприниматель"] },
  // English-speaking and Asian registries
  { form: "ltd", family: "limited", phrases: ["ltd", "limited", "co ltd", "co limited", "company limited", "company ltd", "pte ltd", "pte", "pty ltd", "pty", "pvt ltd", "private limited", "private limited company", "sdn bhd", "bhd", "berhad", "kabushiki kaisha", "kk", "yugen kaisha", "tnhh", "co ltd", "limitada", "ltda"] },
  { form: "plc", family: "stock", phrases: ["plc", "p l c", "public limited company", "public company limited", "pcl", "tbk", "pt", "pt tbk"] },
  { form: "inc", family: "corp", phrases: ["inc", "incorporated", "corp", "corporation", "corp ltd"] },
  { form: "co", family: "corp", phrases: ["co", "company", "cie", "compagnie", "compania", "companhia", "kompaniya", "компания"] },
  { form: "lp", family: "partnership", phrases: ["lp", "l p", "llp", "l l p", "limited partnership", "limited liability partnership", "partnership", "kg", "kommanditgesellschaft", "ohg", "snc", "scs", "gbr"] },
  // European
  { form: "gmbh", family: "limited", phrases: ["gmbh", "gesellschaft mit beschrankter haftung", "gesellschaft mbh", "ges m b h", "gmbh and co kg", "gmbh co kg", "ug", "mbh"] },
  { form: "ag", family: "stock", phrases: ["ag", "aktiengesellschaft", "kgaa", "se", "societas europaea"] },
  { form: "sa", family: "stock", phrases: ["sa", "s a", "societe anonyme", "sociedad anonima", "sociedade anonima", "spolka akcyjna", "sa de cv", "s a de c v", "saic", "sab de cv", "sae", "saog", "saoc", "psc", "pjsc uae", "qpsc", "bsc"] },
  { form: "spa", family: "stock", phrases: ["spa", "s p a", "societa per azioni"] },
  { form: "nv", family: "stock", phrases: ["nv", "n v", "naamloze vennootschap"] },
  { form: "ab", family: "stock", phrases: ["ab", "aktiebolag", "publ", "ab publ", "asa", "as", "a s", "aksjeselskap", "aktieselskab", "oy", "oyj", "osakeyhtio", "as oy", "zrt", "nyrt", "dd", "d d", "ad", "a d"] },
  { form: "sarl", family: "limited", phrases: ["sarl", "s a r l", "societe a responsabilite limitee", "eurl", "sas", "s a s", "societe par actions simplifiee", "sasu"] },
  { form: "srl", family: "limited", phrases: ["srl", "s r l", "societa a responsabilita limitata", "societatea cu raspundere limitata", "sociedad de responsabilidad limitada", "sl", "s l", "slu", "lda"] },
  { form: "bv", family: "limited", phrases: ["bv", "b v", "besloten vennootschap", "bvba", "sprl"] },
  { form: "spzoo", family: "limited", phrases: ["sp z o o", "sp zoo", "spolka z ograniczona odpowiedzialnoscia"] },
  { form: "sro", family: "limited", phrases: ["sro", "s r o", "spol s r o", "spolecnost s rucenim omezenym", "kft", "doo", "d o o", "eood", "ood", "aps", "oü", "ou", "uab", "sia"] },
];

/**
 * Words that say what kind of business a party is, not which one. They count, but weakly, and never carry a
 * match by themselves ("Deutsche Bank" ≠ "Siemens Bank").
 */
export const GENERIC_WORDS: string[] = [
  "group", "gruppa", "holding", "holdings", "international", "intl", "trading", "trade", "industries", "industry",
  "industrial", "enterprise", "enterprises", "services", "service", "solutions", "systems", "technologies",
  "technology", "tech", "global", "management", "investment", "investments", "capital", "partners",
  "associates", "development", "import", "export", "logistics", "manufacturing", "products", "factory",
  "plant", "works", "automobile", "automobiles", "automotive", "auto", "motor", "motors", "vehicle",
  "vehicles", "engineering", "bank", "trust", "fund", "foundation", "association", "society", "center",
  "centre", "office", "agency", "ministry", "department", "committee", "council", "institute", "university",
  "research", "scientific", "production", "zavod", "завод", "kombinat", "комбинат", "obedinenie", "объединение",
  "predpriyatie", "предприятие", "nauchno", "proizvodstvennoe", "firma", "фирма", "torgovyy", "dom",
  "heavy", "duty", "truck", "trucks", "parts", "machinery", "equipment", "electronics", "energy", "power",
  "shipping", "marine", "maritime", "petroleum", "oil", "gas", "chemical", "chemicals", "materials",
  "commercial", "consulting", "branch", "subsidiary", "representative", "new",
];

/**
 * Titles, ranks and honorifics written before (sometimes after) a person's name: the press and customer
 * records add them ("President Erdoğan", "Dr. Ayman al-Zawahiri", "Mullah Mohammad Omar"), lists mostly do
 * not. They are read as stop words in persons' names only, and only at the start of the name (John Major and
 * Erik Prince keep their surnames; "General Motors" keeps its word). Words that are also given names (Amir,
 * Sayyid, Sultan, Don, Miss) and short forms that are (Maj, Gen, Col, Hon) are left out.
 */
export const PERSON_TITLES: string[] = [
  "mr", "mrs", "ms", "mister", "madam", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady",
  "president", "vice president", "prime minister", "minister", "senator", "governor", "mayor", "ambassador",
  "general", "lieutenant general", "major general", "brigadier general", "brigadier", "colonel",
  "lieutenant colonel", "major", "captain", "lieutenant", "sergeant", "admiral", "rear admiral", "vice admiral",
  "commander", "marshal", "field marshal",
  "sheikh", "shaikh", "sheik", "shaykh", "cheikh", "haji", "hajji", "alhaji", "alhaj", "hadji", "mullah", "mulla",
  "maulana", "mawlana", "maulvi", "mawlawi", "molvi", "mufti", "imam", "ayatollah", "hojatoleslam",
  "reverend", "bishop", "archbishop", "metropolitan", "patriarch", "rabbi",
  "prince", "princess", "king", "queen", "emir", "his excellency", "her excellency", "excellency",
  "honourable", "honorable", "herr", "frau", "monsieur", "madame", "senor", "senora", "gospodin",
]

/**
 * The Muslim honorifics among the titles (a pilgrim, a cleric, a scholar): lists write them in the middle of
 * a name as often as before it (MOHAMMAD HASNI HAJI SSAD / HAJI ASAD …), so they are stop words wherever
 * they stand in a person's name.
 */
export const HONORIFICS_ANYWHERE: string[] = [
  "haji", "hajji", "alhaji", "alhaj", "hadji", "mullah", "mulla", "maulana", "mawlana", "maulvi", "mawlawi", "molvi",
  "mufti", "sheikh", "shaikh", "sheik", "shaykh", "cheikh",
];

/** Words that join names and carry nothing on their own. */
export const STOP_WORDS: string[] = [
  "the", "of", "and", "for", "in", "on", "at", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des",
  "la", "le", "les", "el", "der", "die", "das", "und", "van", "von", "den", "et", "y", "e", "i", "и", "al",
  "bin", "ibn", "bint", "ben", "ould", "oglu", "uulu", "kyzy",
];

/**
 * Generic words that say the same thing in different words or languages: they agree with each other
 * (JAC Motors = 江淮汽车 "Jianghuai Automobile"). The first word names the group.
 */
export const GENERIC_SYNONYMS: string[][] = [
  ["auto", "automobile", "automobiles", "automotive", "motor", "motors", "avtomobil", "avtomobilnyy", "автомобиль", "автомобильный", "vehicle", "vehicles"],
  ["group", "gruppa", "группа"],
  ["holding", "holdings", "kholding", "холдинг"],
  ["industry", "industries", "industrial", "promyshlennost", "промышленность"],
  ["technology", "technologies", "tech", "tekhnologii", "технологии"],
  ["trading", "trade", "torgovyy", "торговый", "commercial"],
  ["factory", "plant", "works", "zavod", "завод", "kombinat", "комбинат"],
  ["international", "intl", "mezhdunarodnyy", "международный"],
  ["investment", "investments", "invest", "инвест"],
  ["truck", "trucks"],
  ["center", "centre", "tsentr", "центр"],
];
