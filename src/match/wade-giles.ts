/**
 * Wade-Giles and pinyin: the two romanisations of Mandarin that lists and newspapers mix (Hsi Chin-ping /
 * Xi Jinping, Mao Tse-tung / Mao Zedong, Chiang / Jiang, Tsai / Cai, Tung / Dong).
 *
 * Both spellings are reduced to one coarse sound key by rules for the whole system, not for names:
 * hs → x; ts, tz → z; ch, zh, q → j; c → z; k → g, t → d, p → b (Wade-Giles writes the unaspirated
 * consonants unvoiced and marks aspiration with an apostrophe that lists drop); -ung → -ong, -ieh → -ie,
 * -ien → -ian, -ih → -i. The rule fires only when one word is valid pinyin, the other is not pinyin but
 * reads as Mandarin syllables under the coarse key, and the keys agree — so two pinyin words that differ
 * (Tan / Dan, Ping / Bing) stay different, and Western words that are not Mandarin syllables (Tim, Tom) are
 * never touched.
 */

// every toneless pinyin syllable (from pinyin-pro over the CJK block), without the bare nasals m, ng
const PINYIN_SYLLABLES = (
  "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng " +
  "cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu " +
  "cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en " +
  "eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui " +
  "gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie " +
  "jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo " +
  "la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve ma mai man " +
  "mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang " +
  "niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping " +
  "po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru " +
  "ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai " +
  "shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong " +
  "tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan " +
  "xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai " +
  "zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui " +
  "zun zuo"
).split(" ");

/** The coarse sound key shared by a Wade-Giles spelling and its pinyin (rules applied in this order). */
export function mandarinSoundKey(word: string): string {
  return word
    .replace(/hs/g, "x")
    .replace(/t[sz]/g, "z")
    .replace(/zh|ch|q/g, "j")
    .replace(/c/g, "z")
    .replace(/k/g, "g")
    .replace(/t/g, "d")
    .replace(/p/g, "b")
    .replace(/ung/g, "ong")
    .replace(/ieh/g, "ie")
    .replace(/ien/g, "ian")
    .replace(/ih/g, "i");
}

const PINYIN = new Set(PINYIN_SYLLABLES);
const COARSE = new Set(PINYIN_SYLLABLES.map(mandarinSoundKey));
const LONGEST = 6;

/**
 * Whether `word` splits wholly into syllables of `set`. Only the first syllable may start with a vowel
 * (pinyin writes an apostrophe before an inner one, Xi'an), which keeps most Western words out.
 */
function segments(word: string, set: Set<string>): boolean {
  const ok = new Uint8Array(word.length + 1);
  ok[0] = 1;
  for (let i = 0; i < word.length; i++) {
    if (!ok[i]) continue;
    if (i > 0 && "aeiouv".includes(word[i])) continue;
    for (let n = 1; n <= LONGEST && i + n <= word.length; n++) if (set.has(word.slice(i, i + n))) ok[i + n] = 1;
  }
  return ok[word.length] === 1;
}

export interface MandarinReading {
  pinyin: boolean;
  /** the coarse key when the word reads as Mandarin syllables (pinyin or Wade-Giles), else undefined */
  key: string | undefined;
}
const readings = new Map<string, MandarinReading>();

function reading(word: string): MandarinReading {
  let r = readings.get(word);
  if (r === undefined) {
    const key = mandarinSoundKey(word);
    r = { pinyin: segments(word, PINYIN), key: /^[a-z]+$/.test(word) && segments(key, COARSE) ? key : undefined };
    // screening sees many distinct words; the cache is a speed-up, not a store
    if (readings.size > 200_000) readings.clear();
    readings.set(word, r);
  }
  return r;
}

/** Whether two different words are one Mandarin name in Wade-Giles and in pinyin (Hsi / Xi, Chinping / Jinping). */
export function wadeGilesVariant(a: string, b: string): boolean {
  if (a === b || a.length < 2 || b.length < 2) return false;
  return sameMandarinName(reading(a), reading(b));
}

/**
 * wadeGilesVariant for two name tokens, with each token's reading kept on the token: the scorer asks this of
 * nearly every pair of differing words, and a token is compared with hundreds of others per query.
 */
export function wadeGilesTokenVariant(a: { text: string; mandarin?: MandarinReading }, b: { text: string; mandarin?: MandarinReading }): boolean {
  if (a.text === b.text || a.text.length < 2 || b.text.length < 2) return false;
  return sameMandarinName((a.mandarin ??= reading(a.text)), (b.mandarin ??= reading(b.text)));
}

/** Whether a token's word reads as Mandarin syllables at all (most Western words do not): a cheap first test. */
export function readsAsMandarin(t: { text: string; mandarin?: MandarinReading }): boolean {
  return (t.mandarin ??= reading(t.text)).key !== undefined;
}

function sameMandarinName(ra: MandarinReading, rb: MandarinReading): boolean {
  return ra.key !== undefined && ra.key === rb.key && ra.pinyin !== rb.pinyin;
}
