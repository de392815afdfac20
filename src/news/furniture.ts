/**
 * Site furniture: the lines a news site wraps around an article that are not part of the story ("No time
 * to read?", "Get a summary", "Previous Article"/"Next Article" and the headlines that follow them, share
 * and subscribe prompts). They are removed before anything else looks at the text, so they can never reach
 * a summary, an entity or the graph.
 */

/** A whole line that is furniture on its own. Compared after trimming bullets and whitespace. */
const FURNITURE_LINES: RegExp[] = [
  /^no time to read\??$/i,
  /^get (?:a |the )?summary\.?$/i,
  /^(?:show|read|hide) (?:the )?(?:summary|more|less|full (?:article|story))\.?$/i,
  /^(?:share|share this|share this (?:article|story|post)|share on \w+|tweet|print|email|copy link)[:!.]?$/i,
  /^(?:subscribe|sign up|join)(?: (?:now|today|here))?(?: to| for)? (?:our |the )?(?:newsletter|channel|updates|mailing list|telegram|alerts)[.!]?.*$/i,
  /^(?:follow|find) us on\b.*$/i,
  /^(?:advertisement|sponsored(?: content)?|promoted|ad)$/i,
  /^(?:related|recommended|more|most read|popular|trending|latest)(?: (?:articles?|stories|news|posts|reading|on \w+))?:?$/i,
  /^(?:tags?|topics?|categories|filed under)\s*:.*$/i,
  /^(?:read (?:more|also)|see also|also read)\s*:?.*$/i,
  /^(?:comments?|leave a (?:comment|reply)|\d+ comments?)$/i,
  /^(?:photo|image|video)(?: credit)?\s*:.*$/i,
  /^(?:©|copyright\b).*$/i,
  /^(?:click|tap) here\b.*$/i,
];

/** A line that closes the article: it and the headlines after it are the site's navigation. */
const NAVIGATION_LINES = /^(?:previous|next|prev|older|newer)(?: (?:article|post|story|news))?\s*[:»«>]*$/i;

/** Promotional prompts inside a line: "watch it on RuTube", "updates are available for viewing on YouTube". */
const PROMOTION =
  /\b(?:available (?:for viewing|to watch)|watch (?:it |them |the video |more )?on|subscribe to (?:our|the)|follow (?:us|our \w+) on|join (?:us|our \w+) on)\b[^.]*\b(?:YouTube|RuTube|Telegram|VK|VKontakte|Dzen|Zen|TikTok|Twitter|X|Facebook|Instagram|channel|newsletter)\b/i;

const BULLET = /^[\s•·●▪◦‣*–-]+/u;

export function stripBullet(line: string): string {
  return line.replace(BULLET, "").trim();
}

export function isFurnitureLine(line: string): boolean {
  const t = stripBullet(line);
  if (!t) return false;
  return FURNITURE_LINES.some((re) => re.test(t)) || NAVIGATION_LINES.test(t) || PROMOTION.test(t);
}

/** A headline-like line: short, no sentence-final punctuation. */
function looksLikeHeadline(line: string): boolean {
  const t = stripBullet(line);
  return t.length > 0 && t.length <= 160 && !/[.!?…]["”’)]?$/.test(t);
}

export interface FurnitureResult {
  /** the text with furniture lines blanked out (line structure kept) */
  text: string;
  /** the furniture lines found, as they were */
  removed: string[];
}

/**
 * Blanks out furniture lines. After a "Previous Article"/"Next Article" marker the following headline lines
 * are dropped too (they name other stories), up to the first line that reads like prose.
 */
export function removeFurniture(text: string): FurnitureResult {
  const lines = text.split(/\r?\n/);
  const removed: string[] = [];
  let afterNavigation = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = stripBullet(line);
    if (!t) continue;
    if (NAVIGATION_LINES.test(t)) {
      afterNavigation = true;
      removed.push(t);
      lines[i] = "";
      continue;
    }
    if (afterNavigation && looksLikeHeadline(t)) {
      removed.push(t);
      lines[i] = "";
      continue;
    }
    afterNavigation = false;
    if (isFurnitureLine(t)) {
      removed.push(t);
      lines[i] = "";
    }
  }
  return { text: lines.join("\n"), removed };
}
