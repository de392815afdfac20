/**
 * Country values as customers write them ("Iraq", "iq", "Russian Federation", "United Arab Emirates") to
 * ISO 3166-1 alpha-2, using the region names Node's ICU already carries; alpha-3 codes ("RUS", "IRN"), which ICU
 * does not map, come from the table below.
 */
const names = new Map<string, string>();

/** Codes ICU names that are withdrawn (Zaire, Burma, USSR…) or not countries (EU, UN): never the answer. */
const NOT_COUNTRIES = new Set(["AN", "BU", "CS", "DD", "FX", "NT", "SU", "TP", "YU", "ZR", "EU", "EZ", "UN", "QO", "XA", "XB"]);

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
      if (!name || name === code || NOT_COUNTRIES.has(code)) continue;
      names.set(fold(name), code);
      if (name.startsWith("St. ")) names.set(fold(`Saint ${name.slice(4).replace(/&/g, "and")}`), code);
      // ICU's "Bosnia & Herzegovina", "Myanmar (Burma)", "Hong Kong SAR China" as people write them
      names.set(fold(name.replace(/&/g, "and")), code);
      const paren = /^(.+?)\s*\((.+)\)$/.exec(name);
      if (paren) for (const n of [paren[1], paren[2]]) if (!names.has(fold(n))) names.set(fold(n), code);
      const sar = /^(.+?) SAR China$/.exec(name);
      if (sar) names.set(fold(sar[1]), code);
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
    "bolivia": "BO", "east timor": "TL", macau: "MO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "belarus": "BY",
  };
  for (const [k, v] of Object.entries(extra)) names.set(k, v);
  return names;
}

function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]+/g, " ").trim();
}

/** ISO 3166-1 alpha-3 → alpha-2 (customer files and the UN list use both). */
const ALPHA3 = new Map(
  (
    "AFG AF ALA AX ALB AL DZA DZ ASM AS AND AD AGO AO AIA AI ATA AQ ATG AG ARG AR ARM AM ABW AW AUS AU AUT AT " +
    "AZE AZ BHS BS BHR BH BGD BD BRB BB BLR BY BEL BE BLZ BZ BEN BJ BMU BM BTN BT BOL BO BES BQ BIH BA BWA BW " +
    "BVT BV BRA BR IOT IO BRN BN BGR BG BFA BF BDI BI CPV CV KHM KH CMR CM CAN CA CYM KY CAF CF TCD TD CHL CL " +
    "CHN CN CXR CX CCK CC COL CO COM KM COG CG COD CD COK CK CRI CR CIV CI HRV HR CUB CU CUW CW CYP CY CZE CZ " +
    "DNK DK DJI DJ DMA DM DOM DO ECU EC EGY EG SLV SV GNQ GQ ERI ER EST EE SWZ SZ ETH ET FLK FK FRO FO FJI FJ " +
    "FIN FI FRA FR GUF GF PYF PF ATF TF GAB GA GMB GM GEO GE DEU DE GHA GH GIB GI GRC GR GRL GL GRD GD GLP GP " +
    "GUM GU GTM GT GGY GG GIN GN GNB GW GUY GY HTI HT HMD HM VAT VA HND HN HKG HK HUN HU ISL IS IND IN IDN ID " +
    "IRN IR IRQ IQ IRL IE IMN IM ISR IL ITA IT JAM JM JPN JP JEY JE JOR JO KAZ KZ KEN KE KIR KI PRK KP KOR KR " +
    "KWT KW KGZ KG LAO LA LVA LV LBN LB LSO LS LBR LR LBY LY LIE LI LTU LT LUX LU MAC MO MDG MG MWI MW MYS MY " +
    "MDV MV MLI ML MLT MT MHL MH MTQ MQ MRT MR MUS MU MYT YT MEX MX FSM FM MDA MD MCO MC MNG MN MNE ME MSR MS " +
    "MAR MA MOZ MZ MMR MM NAM NA NRU NR NPL NP NLD NL NCL NC NZL NZ NIC NI NER NE NGA NG NIU NU NFK NF MKD MK " +
    "MNP MP NOR NO OMN OM PAK PK PLW PW PSE PS PAN PA PNG PG PRY PY PER PE PHL PH PCN PN POL PL PRT PT PRI PR " +
    "QAT QA REU RE ROU RO RUS RU RWA RW BLM BL SHN SH KNA KN LCA LC MAF MF SPM PM VCT VC WSM WS SMR SM STP ST " +
    "SAU SA SEN SN SRB RS SYC SC SLE SL SGP SG SXM SX SVK SK SVN SI SLB SB SOM SO ZAF ZA SGS GS SSD SS ESP ES " +
    "LKA LK SDN SD SUR SR SJM SJ SWE SE CHE CH SYR SY TWN TW TJK TJ TZA TZ THA TH TLS TL TGO TG TKL TK TON TO " +
    "TTO TT TUN TN TUR TR TKM TM TCA TC TUV TV UGA UG UKR UA ARE AE GBR GB USA US UMI UM URY UY UZB UZ VUT VU " +
    "VEN VE VNM VN VGB VG VIR VI WLF WF ESH EH YEM YE ZMB ZM ZWE ZW XKX XK"
  )
    .split(" ")
    .reduce<Array<[string, string]>>((pairs, code, i, all) => (i % 2 ? pairs : [...pairs, [code, all[i + 1]]]), []),
);

/** Two-letter codes in use that are not ISO 3166-1: the UK's and the EU's own for Britain and Greece. */
const ALPHA2_ALIASES: Record<string, string> = { UK: "GB", EL: "GR" };

/** ISO alpha-2 code of a country given as an ISO alpha-2 or alpha-3 code or an English name; undefined when not recognised. */
export function countryCode(value: string): string | undefined {
  const v = value.trim();
  if (/^[A-Za-z]{2}$/.test(v)) return ALPHA2_ALIASES[v.toUpperCase()] ?? v.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(v)) {
    const code = ALPHA3.get(v.toUpperCase());
    if (code) return code;
  }
  const found = build().get(fold(v));
  if (found) return found;
  // ISO's own short names put the qualifier last: "Korea, Republic of", "Iran, Islamic Republic of"
  const comma = /^([^,]+),\s*(.+)$/.exec(v);
  return comma ? build().get(fold(`${comma[2]} ${comma[1]}`)) : undefined;
}
