/**
 * Names that are the same party or the same given name although no spelling rule links them: a company's
 * Latin acronym and its romanised Chinese name (JAC = Jianghuai), and the common English given-name short
 * forms (Ted = Theodore), and the romanisations of Korean family names (Kim = Gim, Park = Pak). Each group
 * becomes one symbol; tokens with the same symbol agree.
 */

const GROUPS: string[][] = [
  // companies: romanised name ↔ the acronym or brand they trade under
  ["jianghuai", "jac"],
  ["jiangling", "jmc"],
  ["sinotruk", "cnhtc"],
  ["shacman", "shaanxiqiche"],
  ["avtovaz", "autovaz"],
  ["gorkovsky", "gaz"],
  // given names and their usual short forms (English, and the Russian diminutives the press uses)
  ["william", "bill", "billy", "will", "willy"],
  ["robert", "bob", "bobby", "rob", "robbie", "bert"],
  ["richard", "dick", "rick", "rich", "richie"],
  ["theodore", "ted", "teddy", "theo"],
  ["edward", "ed", "eddie", "ted", "ned"],
  ["benjamin", "ben", "benny", "bibi"],
  ["elizabeth", "liz", "beth", "betty", "eliza", "lisa"],
  ["margaret", "maggie", "meg", "peggy", "marge"],
  ["katherine", "catherine", "kate", "kathy", "cathy", "katie"],
  ["james", "jim", "jimmy", "jamie"],
  ["john", "johnny", "jack"],
  ["joseph", "joe", "joey"],
  ["michael", "mike", "mikey", "mick"],
  ["thomas", "tom", "tommy"],
  ["charles", "charlie", "chuck"],
  ["christopher", "chris"],
  ["daniel", "dan", "danny"],
  ["david", "dave"],
  ["anthony", "tony"],
  ["andrew", "andy", "drew"],
  ["alexander", "alex", "sasha", "aleksandr", "alexandr", "oleksandr", "aliaksandr"],
  ["nicholas", "nick", "nicky"],
  ["patrick", "pat", "paddy"],
  ["stephen", "steven", "steve"],
  ["samuel", "sam"],
  ["matthew", "matt"],
  ["jonathan", "jon"],
  ["timothy", "tim"],
  ["gregory", "greg"],
  ["ronald", "ron"],
  ["donald", "don"],
  ["kenneth", "ken"],
  ["lawrence", "larry"],
  ["gerald", "jerry"],
  ["susan", "sue", "suzy"],
  ["deborah", "debbie", "deb"],
  ["jennifer", "jen", "jenny"],
  ["patricia", "pat", "patty", "trish"],
  ["vladimir", "volodymyr", "wladimir", "volodya", "vova"],
  ["dmitry", "dmitri", "dmytro", "dima"],
  ["yevgeny", "evgeny", "yevhen", "zhenya"],
  ["mikhail", "mykhailo", "misha"],
  ["sergey", "sergei", "serhiy", "serhii"],
  ["yury", "yuri", "yuriy", "yurii", "iouri", "georgy"],
  ["pavel", "pavlo", "paul"],
  ["petr", "pyotr", "petro", "peter"],
  ["ivan", "ivanko"],
  ["nikolai", "nikolay", "mykola"],
  ["grigory", "hryhoriy"],
  // Korean family names in the romanisations side by side on lists and in the press (Revised
  // Romanization, McCune-Reischauer, the spellings families chose): 김 Kim/Gim, 이 Lee/Yi/Rhee/Ri, 박 Park/Pak
  ["kim", "gim"],
  ["lee", "yi", "rhee", "ri"],
  ["park", "pak", "bak"],
  ["choi", "choe"],
  ["jung", "jeong", "chung"],
  ["moon", "mun"],
  ["yoon", "yun"],
  ["kang", "gang"],
  ["kwon", "gwon"],
  ["shin", "sin"],
  ["ahn", "an"],
  ["roh", "noh"],
  ["cho", "jo"],
  ["baek", "paek", "paik"],
  ["bae", "pae"],
  ["seo", "suh"],
  ["ryu", "yoo"],
  ["koo", "ku", "gu"],
  ["mohammed", "mohammad", "muhammad", "mohamed", "muhammed", "mohamad", "mehmet", "muhamad"],
  ["osama", "usama"],
  ["yusuf", "yousef", "youssef", "joseph"],
  ["ibrahim", "ebrahim", "abraham"],
];

const SYMBOLS = new Map<string, string>();
for (const group of GROUPS) for (const name of group) if (!SYMBOLS.has(name)) SYMBOLS.set(name, group[0]);

/** The symbol of a folded word, if it belongs to a known group. */
export function knownNameSymbol(word: string): string | undefined {
  return SYMBOLS.get(word);
}
