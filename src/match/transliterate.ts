/**
 * Transliteration into the Latin forms that sanctions lists and newspapers actually print.
 *
 * Cyrillic follows the practical BGN/PCGN-style system of OFAC, the UN and the press (КАМАЗ → KAMAZ,
 * Москвич → Moskvich, Соллерс → Sollers, Евгений → Evgeniy); the other common spellings (Moskvitch,
 * Yevgeny, Evgenii) are reconciled later by the token skeleton (tokens.ts), not here.
 *
 * Chinese is segmented against a small dictionary first: generic business words become the English words
 * that company names use (有限公司 → "co ltd", 汽车 → "automobile"), known names take their established
 * Latin form (江淮 → Jianghuai, 陕西 → Shaanxi, 奇瑞 → Chery); the rest becomes pinyin, two characters to a
 * word because most Chinese place and company names are two-character words written as one Latin word.
 *
 * Korean persons' names in Hangul get their family name apart in its usual Latin form (김 Kim, 이 Lee) and
 * the given name in the Revised Romanization; koreanVowelKey gives the vowels of the list spelling.
 */
import anyAscii from "any-ascii";
import { pinyin } from "pinyin-pro";
import * as OpenCC from "opencc-js";

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh",
  щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
  // Ukrainian, Belarusian
  і: "i", ї: "yi", є: "ye", ґ: "g", ў: "u",
  // Serbian, Macedonian
  ђ: "dj", ј: "j", љ: "lj", њ: "nj", ћ: "c", џ: "dz", ѓ: "gj", ќ: "kj", ѕ: "dz",
  // Kazakh, Kyrgyz, Mongolian, Tatar, Bashkir
  ә: "a", ғ: "g", қ: "k", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", ҳ: "kh", ҷ: "j", ӣ: "i", ӯ: "u",
};

const CYRILLIC_CHAR = /\p{Script=Cyrillic}/u;
const CYRILLIC_RUN = /\p{Script=Cyrillic}+/gu;

/** Cyrillic letters to Latin as the lists write them; other characters pass through unchanged. */
export function cyrillicToLatin(text: string): string {
  if (!CYRILLIC_CHAR.test(text)) return text;
  return text.replace(CYRILLIC_RUN, (run) => {
    let out = "";
    for (const ch of run) {
      const lower = ch.toLowerCase();
      const latin = CYRILLIC[lower];
      out += latin === undefined ? ch : latin;
    }
    return out;
  });
}

/**
 * Chinese words with the Latin form that international company names use. Business words map to their
 * English counterparts; names to their established romanisation (which is not always plain pinyin).
 */
const CHINESE_WORDS: Record<string, string> = {
  // legal forms (recognised as weak tokens by legal-forms.ts)
  股份有限公司: "co ltd", 有限责任公司: "co ltd", 有限公司: "co ltd", 股份公司: "joint stock company",
  集团公司: "group company", 总公司: "corporation", 公司: "company", 分公司: "branch",
  // business words
  集团: "group", 控股: "holding", 汽车: "automobile", 汽车工业: "automobile industry", 工业: "industry",
  重型: "heavy duty", 重工: "heavy industry", 卡车: "truck", 客车: "bus", 科技: "technology", 技术: "technology",
  国际: "international", 贸易: "trading", 商贸: "trading", 进出口: "import export", 实业: "industrial",
  机械: "machinery", 电子: "electronics", 投资: "investment", 制造: "manufacturing", 销售: "sales",
  发展: "development", 电气: "electric", 电力: "power", 能源: "energy", 新能源: "new energy",
  零部件: "parts", 配件: "parts", 物流: "logistics", 石油: "petroleum", 化工: "chemical", 银行: "bank",
  航空: "aviation", 船舶: "shipping", 航运: "shipping", 造船: "shipbuilding", 材料: "materials",
  设备: "equipment", 动力: "power", 发动机: "engine", 半导体: "semiconductor", 通信: "communication",
  研究所: "research institute", 研究院: "research institute", 大学: "university",
  // places whose usual romanisation differs from toneless pinyin, or that often appear in names
  中国: "china", 香港: "hong kong", 陕西: "shaanxi", 山西: "shanxi", 内蒙古: "inner mongolia",
  // companies and brands known under a Latin name of their own
  江淮: "jianghuai", 奇瑞: "chery", 吉利: "geely", 长城: "great wall", 比亚迪: "byd", 东风: "dongfeng",
  一汽: "faw", 上汽: "saic", 北汽: "baic", 广汽: "gac", 长安: "changan", 重汽: "sinotruk", 陕汽: "shacman",
  华为: "huawei", 宇通: "yutong", 福田: "foton", 江铃: "jiangling", 潍柴: "weichai", 玉柴: "yuchai",
  海马: "haima", 力帆: "lifan", 众泰: "zotye", 中兴: "zte", 宁德时代: "catl", 哈弗: "haval", 捷途: "jetour",
};
const MAX_WORD = Math.max(...Object.keys(CHINESE_WORDS).map((w) => w.length));

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
let toSimplified: ((s: string) => string) | undefined;

/** Segments a run of Han characters: dictionary words (longest first), else two-character pinyin words. */
function segmentHan(run: string): HanWord[] {
  const words: HanWord[] = [];
  let rest: string[] = [];
  const flush = () => {
    // leftover characters: two to a word, pinyin read in context so polyphones come out right
    const syllables = pinyin(rest.join(""), { toneType: "none", type: "array" });
    for (let i = 0; i < syllables.length; i += 2) words.push({ latin: syllables.slice(i, i + 2).join(""), han: rest.slice(i, i + 2).join("") });
    rest = [];
  };
  const chars = [...run];
  let i = 0;
  while (i < chars.length) {
    let matched = false;
    for (let len = Math.min(MAX_WORD, chars.length - i); len >= 2; len--) {
      const han = chars.slice(i, i + len).join("");
      const latin = CHINESE_WORDS[han];
      if (latin !== undefined) {
        if (rest.length) flush();
        words.push({ latin, han });
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) rest.push(chars[i++]);
  }
  if (rest.length) flush();
  return words;
}

/** A word of a Chinese run: its Latin reading and the (Simplified) characters it was read from. */
interface HanWord {
  latin: string;
  han: string;
}

/**
 * The characters behind each Latin word of chineseToLatin(text), in order (a dictionary word read as two Latin
 * words, 长城 → great wall, gives its characters to both). Pinyin loses the characters: 高石 and 高市 are both
 * gaoshi, so two names written in characters compare by these.
 */
export function hanOfWords(text: string): string[] {
  const convert = (toSimplified ??= OpenCC.Converter({ from: "hk", to: "cn" }));
  const out: string[] = [];
  for (const run of convert(text).match(HAN_RUN) ?? []) {
    for (const w of segmentHan(run)) for (const _ of w.latin.split(" ")) out.push(w.han);
  }
  return out;
}

/** Chinese (Traditional or Simplified) runs to Latin words; other characters pass through unchanged. */
export function chineseToLatin(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (toSimplified ??= OpenCC.Converter({ from: "hk", to: "cn" }));
  return convert(text).replace(HAN_RUN, (run: string) => ` ${segmentHan(run).map((w) => w.latin).join(" ")} `);
}

/**
 * Korean family names in the Latin form lists and the press use (김 Kim, not the Revised Romanization's
 * Gim; 이 Lee, 박 Park). Single-syllable names only: two-syllable family names (남궁, 제갈) are rare.
 */
const KOREAN_SURNAMES: Record<string, string> = {
  김: "kim", 이: "lee", 리: "ri", 박: "park", 최: "choi", 정: "jung", 강: "kang", 조: "cho", 윤: "yoon", 장: "jang",
  임: "lim", 림: "rim", 한: "han", 오: "oh", 서: "seo", 신: "shin", 권: "kwon", 황: "hwang", 안: "ahn", 송: "song",
  류: "ryu", 유: "yoo", 홍: "hong", 전: "jeon", 고: "ko", 문: "moon", 양: "yang", 손: "son", 배: "bae", 백: "baek",
  허: "heo", 남: "nam", 심: "shim", 노: "roh", 로: "ro", 하: "ha", 곽: "kwak", 성: "sung", 차: "cha", 주: "ju",
  우: "woo", 구: "koo", 민: "min", 진: "jin", 나: "na", 지: "ji", 엄: "eom", 채: "chae", 원: "won", 천: "cheon",
  방: "bang", 공: "kong", 현: "hyun", 함: "ham", 변: "byun", 염: "yeom", 여: "yeo", 추: "choo", 도: "do", 소: "so",
  석: "seok", 선: "sun", 설: "seol", 마: "ma", 길: "gil", 연: "yeon", 위: "wi", 표: "pyo", 명: "myung", 기: "ki",
  반: "ban", 왕: "wang", 금: "keum", 옥: "ok", 육: "yook", 인: "in", 맹: "maeng", 제: "je", 모: "mo", 탁: "tak",
  국: "kook", 어: "eo", 은: "eun", 편: "pyeon", 용: "yong", 예: "ye", 경: "kyung", 봉: "bong", 사: "sa", 부: "boo",
};

const HANGUL_CHAR = /\p{Script=Hangul}/u;
const HANGUL_RUN = /\p{Script=Hangul}+/gu;

/**
 * A Korean person's name in Hangul to Latin: the family name (the first syllable of a name written without
 * spaces, 2–4 syllables) in its usual Latin form, apart from the given name, which stays one word in the
 * Revised Romanization (김정은 → kim jeongeun). See koreanVowelKey for how it meets other spellings.
 */
export function hangulPersonToLatin(text: string): string {
  if (!HANGUL_CHAR.test(text)) return text;
  // only a name written the Korean way, family name first and without spaces (김정은): a name already cut
  // into parts (예은 이, 영철 김) has been re-ordered by someone, and its parts stay in the Revised
  // Romanization (the Latin surname would make every such Kim a candidate for the listed Kims)
  if (!/^\s*\p{Script=Hangul}{2,4}\s*$/u.test(text)) return text;
  return text.replace(HANGUL_RUN, (run) => {
    const chars = [...run];
    const surname = KOREAN_SURNAMES[chars[0]];
    if (surname) return ` ${surname} ${anyAscii(chars.slice(1).join("")).toLowerCase()} `;
    return run;
  });
}

/**
 * The vowels of the McCune-Reischauer romanisation that North Korean entries on sanctions lists use without
 * their breves: 어 eo → o, 으 eu → u (정은 jeongeun → jongun, which meets "Jong Un" and "Jong-un").
 */
export function koreanVowelKey(romanised: string): string {
  return romanised.replace(/eo/g, "o").replace(/eu/g, "u");
}

/**
 * Arabic and Persian letters as Latin names write them. The script writes consonants and long vowels only
 * (short vowels are marks that names rarely carry): ا/ى → a, و → u (w at the start of a word), ي/ی → i (y at
 * the start), ع → a at the start of a word (Abd, Ali) and nothing inside it, hamza → nothing, the article ال apart from its word (السيسي → al sisi), and
 * the short-vowel marks, when present, as the vowels they are. A name read this way still lacks most vowels:
 * the scorer compares it with Latin spellings by consonants (score-names.ts, abjadSimilarity).
 */
const ARABIC: Record<string, string> = {
  ا: "a", أ: "a", إ: "i", آ: "a", ٱ: "a", ى: "a", ء: "", ؤ: "", ئ: "", ع: "", ب: "b", ت: "t", ة: "a", ث: "th",
  ج: "j", ح: "h", خ: "kh", د: "d", ذ: "dh", ر: "r", ز: "z", س: "s", ش: "sh", ص: "s", ض: "d", ط: "t", ظ: "z",
  غ: "gh", ف: "f", ق: "q", ك: "k", ک: "k", ل: "l", م: "m", ن: "n", ه: "h", ۀ: "h", پ: "p", چ: "ch", ژ: "zh",
  گ: "g", "\u064E": "a", "\u064F": "u", "\u0650": "i", "\u0640": "", "\u0651": "", "\u0652": "", "\u064B": "",
  "\u064C": "", "\u064D": "", "\u0670": "a", "\u200C": "",
};
const ARABIC_WORD = /[\p{Script=Arabic}\u200C]+/gu;

/** An Arabic-script name to Latin letters (see ARABIC); other characters pass through unchanged. */
export function arabicToLatin(text: string): string {
  return text.replace(ARABIC_WORD, (word) => {
    let w = word;
    let article = "";
    // the article, but not in Allah (الله) and not a word that is only the article
    if (w === "الله") return " allah ";
    if (w.length > 3 && w.startsWith("ال") && !w.startsWith("الله")) {
      article = "al ";
      w = w.slice(2);
    }
    let out = "";
    const chars = [...w];
    chars.forEach((ch, i) => {
      if (ch === "ع") out += i === 0 ? "a" : "";
      else if (ch === "و") out += i === 0 ? "w" : "u";
      else if (ch === "ي" || ch === "ی") out += i === 0 ? "y" : "i";
      else out += ARABIC[ch] ?? ch;
    });
    return ` ${article}${out} `;
  });
}

/**
 * Hebrew letters as Latin names write them: like Arabic, the script writes consonants and, with ו and י, some
 * vowels. ב, כ and פ are b, k and p at the start of a word and v, kh and f after a vowel (Binyamin, Avraham,
 * Yosef); ו is v at the start and before י, a vowel elsewhere; final forms are their letters; points dropped.
 */
const HEBREW: Record<string, string> = {
  א: "", ב: "v", ג: "g", ד: "d", ה: "h", ז: "z", ח: "kh", ט: "t", כ: "kh", ך: "kh", ל: "l", מ: "m", ם: "m",
  נ: "n", ן: "n", ס: "s", ע: "", פ: "f", ף: "f", צ: "ts", ץ: "ts", ק: "k", ר: "r", ש: "sh", ת: "t",
};
const HEBREW_WORD = /[\p{Script=Hebrew}]+/gu;

/** A Hebrew-script name to Latin letters (see HEBREW); other characters pass through unchanged. */
export function hebrewToLatin(text: string): string {
  return text.replace(HEBREW_WORD, (word) => {
    const chars = [...word.replace(/[\u0591-\u05C7]/g, "")];
    let out = "";
    chars.forEach((ch, i) => {
      if (i === 0 && (ch === "א" || ch === "ע")) out += "a";
      else if (i === 0 && ch === "ב") out += "b";
      // (c, not k: the skeleton would merge a k and a following ה into one kh; Cohen, Kohen)
      else if (i === 0 && ch === "כ") out += "c";
      else if (i === 0 && ch === "פ") out += "p";
      // ו before a vowel letter is the consonant (לוי Levi), elsewhere inside a word a vowel (נתניהו Netanyahu)
      else if (ch === "ו") out += i === 0 || chars[i + 1] === "י" ? "v" : "u";
      else if (ch === "י") out += i === 0 ? "y" : "i";
      else out += HEBREW[ch] ?? ch;
    });
    return ` ${out} `;
  });
}

/**
 * The consonants of a spelling skeleton in the classes Arabic script distinguishes: vowels dropped, and the
 * Latin letters Arabic lacks folded onto the letter it writes for them (p → b, v → f, g → k; Perez = بيريز),
 * and s/z as one (Latin writes the voiced s of Therese as s, Arabic as ز).
 */
export function consonantClass(key: string): string {
  return vowelSlots(key).consonants;
}

function classLetters(key: string): string {
  // a y inside a Latin word is the glide the script writes as a vowel letter (Husayn / حسين, Netanyahu)
  return key.replace(/(?<=.)y/g, "i").replace(/dh/g, "d").replace(/th/g, "t").replace(/p/g, "b").replace(/v/g, "f").replace(/[gc]/g, "k").replace(/z/g, "s");
}

/** A word's consonant classes, and the vowels before, between and after them (slot k precedes consonant k). */
function vowelSlots(key: string): { consonants: string; slots: string[] } {
  const letters = classLetters(key);
  let consonants = "";
  const slots = [""];
  for (const ch of letters) {
    if ("aeiou".includes(ch)) slots[slots.length - 1] += ch;
    else if (ch === consonants[consonants.length - 1] && slots[slots.length - 1] === "") continue;
    else {
      consonants += ch;
      slots.push("");
    }
  }
  return { consonants, slots };
}

// the Latin vowels that can write an Arabic long vowel
const LONG_VOWEL: Record<string, string> = { a: "ae", i: "ie", u: "uo" };

/**
 * Whether the Latin spelling has, between the same consonants, every long vowel the Arabic-script word
 * writes (محمود mhmud → Mahmoud, not Mohammed). Only for two words whose consonant classes agree.
 */
export function longVowelsAgree(abjadKey: string, latinKey: string): boolean {
  const a = vowelSlots(abjadKey);
  const b = vowelSlots(latinKey);
  if (a.slots.length !== b.slots.length) return true;
  // slot 0 is the vowel a word starts with, which an alif or ain carries whatever it is (عمر Omar / Umar)
  return a.slots.every((v, k) => k === 0 || [...v].every((ch) => [...(LONG_VOWEL[ch] ?? ch)].some((c) => b.slots[k].includes(c))));
}
