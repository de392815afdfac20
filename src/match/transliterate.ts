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
 */
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
function segmentHan(run: string): string[] {
  const words: string[] = [];
  let rest = "";
  const flush = () => {
    // leftover characters: two to a word, pinyin read in context so polyphones come out right
    const syllables = pinyin(rest, { toneType: "none", type: "array" });
    for (let i = 0; i < syllables.length; i += 2) words.push(syllables.slice(i, i + 2).join(""));
    rest = "";
  };
  let i = 0;
  while (i < run.length) {
    let matched = false;
    for (let len = Math.min(MAX_WORD, run.length - i); len >= 2; len--) {
      const latin = CHINESE_WORDS[run.slice(i, i + len)];
      if (latin !== undefined) {
        if (rest) flush();
        words.push(latin);
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) rest += run[i++];
  }
  if (rest) flush();
  return words;
}

/** Chinese (Traditional or Simplified) runs to Latin words; other characters pass through unchanged. */
export function chineseToLatin(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (toSimplified ??= OpenCC.Converter({ from: "hk", to: "cn" }));
  return convert(text).replace(HAN_RUN, (run: string) => ` ${segmentHan(run).join(" ")} `);
}
