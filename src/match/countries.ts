/**
 * Country values as customers write them ("Iraq", "iq", "Russian Federation", "United Arab Emirates") to
 * ISO 3166-1 alpha-2, using the region names Node's ICU already carries (no table to maintain).
 */
const names = new Map<string, string>();

function build(): Map<string, string> {
  if (names.size) return names;
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      names.set(fold(name), code);
    }
  }
  const extra: Record<string, string> = {
    "russian federation": "RU", russia: "RU", "united states of america": "US", usa: "US", "united states": "US",
    uk: "GB", "great britain": "GB", "united kingdom": "GB", england: "GB", "north korea": "KP",
    "democratic people s republic of korea": "KP", "dprk": "KP", "south korea": "KR", "republic of korea": "KR",
    iran: "IR", "islamic republic of iran": "IR", syria: "SY", "syrian arab republic": "SY", "viet nam": "VN",
    "lao people s democratic republic": "LA", "ivory coast": "CI", "cote d ivoire": "CI", turkey: "TR",
    turkiye: "TR", "czech republic": "CZ", burma: "MM", "democratic republic of the congo": "CD",
    "republic of the congo": "CG", "palestinian territories": "PS", "state of palestine": "PS", "china": "CN",
    "people s republic of china": "CN", "hong kong sar china": "HK", "macao sar china": "MO", taiwan: "TW",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "belarus": "BY",
  };
  for (const [k, v] of Object.entries(extra)) names.set(k, v);
  return names;
}

function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]+/g, " ").trim();
}

/** ISO alpha-2 code of a country code or English name, or undefined when it is not recognised. */
export function countryCode(value: string): string | undefined {
  const v = value.trim();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  return build().get(fold(v));
}
