/**
 * The lists autorisk reads and where their publishers put them today: the one place to change when a
 * publisher moves a file. Each URL can be overridden with an environment variable
 * (AUTORISK_LIST_URL_OFAC_SDN, …_OFAC_CONS, …_EU, …_UK, …_UN, …_FTM) or in ./autorisk.config.json as
 * {"lists": {"urls": {"eu": "https://…"}}}.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ListSourceId } from "../model/lists.js";

export interface ListSourceInfo {
  id: ListSourceId;
  title: string;
  authority: string;
  publisher: string;
  /** the file fetched by `lists update` without --file */
  url?: string;
  /** formats a file of this list may come in */
  formats: string[];
}

export const LIST_SOURCE_INFO: Record<ListSourceId, ListSourceInfo> = {
  "ofac-sdn": {
    id: "ofac-sdn", title: "OFAC Specially Designated Nationals and Blocked Persons List (SDN)", authority: "OFAC",
    publisher: "U.S. Department of the Treasury, Office of Foreign Assets Control",
    url: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML",
    formats: ["ofac-xml", "ofac-csv", "ofac-advanced"],
  },
  "ofac-cons": {
    id: "ofac-cons", title: "OFAC Consolidated Sanctions List (non-SDN lists)", authority: "OFAC",
    publisher: "U.S. Department of the Treasury, Office of Foreign Assets Control",
    url: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML",
    formats: ["ofac-xml", "ofac-csv", "ofac-advanced"],
  },
  eu: {
    id: "eu", title: "EU Consolidated Financial Sanctions List (FSF)", authority: "EU",
    publisher: "European Commission (DG FISMA), Financial Sanctions Files",
    // FSF 1.1 requires a token in the URL; this is the one the Commission publishes for automated download
    url: "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
    formats: ["eu-xml", "eu-csv"],
  },
  uk: {
    id: "uk", title: "UK Sanctions List (FCDO)", authority: "UK",
    publisher: "Foreign, Commonwealth & Development Office",
    url: "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv",
    formats: ["uk-csv", "uk-xml", "uk-sheet"],
  },
  un: {
    id: "un", title: "United Nations Security Council Consolidated List", authority: "UN",
    publisher: "United Nations Security Council",
    url: "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    formats: ["un-xml"],
  },
  ftm: {
    id: "ftm", title: "FollowTheMoney entity file (e.g. an OpenSanctions dataset)", authority: "FtM",
    publisher: "as stated by the dataset",
    formats: ["ftm"],
  },
};

/** The URL `lists update` fetches for a source, after environment and config overrides. */
export function listUrl(source: ListSourceId): string | undefined {
  const env = process.env[`AUTORISK_LIST_URL_${source.toUpperCase().replace(/-/g, "_")}`];
  if (env) return env;
  const config = resolve("autorisk.config.json");
  if (existsSync(config)) {
    try {
      const urls = (JSON.parse(readFileSync(config, "utf8")) as { lists?: { urls?: Record<string, string> } }).lists?.urls;
      if (urls?.[source]) return urls[source];
    } catch {
      // a broken config file is reported by whoever owns it; fall back to the official URL
    }
  }
  return LIST_SOURCE_INFO[source].url;
}
