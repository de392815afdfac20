import { test } from "node:test";
import assert from "node:assert/strict";
import { parseTextArticle, normaliseDate } from "../../src/news/article.js";
import { removeFurniture } from "../../src/news/furniture.js";
import { splitSentences } from "../../src/news/sentences.js";
import { findQuantities } from "../../src/news/numbers.js";
import { findDates, inferReferenceDate, refDate } from "../../src/news/dates.js";
import { statusOf, negated } from "../../src/news/hedges.js";

test("furniture lines and the headlines after Previous/Next Article are removed", () => {
  const text = "Body one.\n\nNo time to read?\nGet a summary\n\nShare this article\nPrevious Article\n\nSome Other Story About Cars\n\nNext Article\n\nAnother Headline Here";
  const { text: clean, removed } = removeFurniture(text);
  assert.equal(clean.trim(), "Body one.");
  assert.deepEqual(removed, ["No time to read?", "Get a summary", "Share this article", "Previous Article", "Some Other Story About Cars", "Next Article", "Another Headline Here"]);
});

test("a plain-text article: JSON title line, headline, metadata header, paragraphs", () => {
  const a = parseTextArticle('{“title”:”Sollers Ramps Up Van Output”}\n\nNo time to read?\nGet a summary\n\nFirst paragraph here.\nSecond paragraph.');
  assert.equal(a.title, "Sollers Ramps Up Van Output");
  assert.equal(a.body, "First paragraph here.\n\nSecond paragraph.");
  const b = parseTextArticle("Title: Haval in Tula\nDate: 14 March 2024\nURL: https://example.org/a\n\nThe plant grew.");
  assert.equal(b.title, "Haval in Tula");
  assert.equal(b.date, "2024-03-14");
  assert.equal(b.url, "https://example.org/a");
  const c = parseTextArticle("Chery Opens a Dealer Network in Kazakhstan\n\nChery said on Monday it had opened 20 dealers.");
  assert.equal(c.title, "Chery Opens a Dealer Network in Kazakhstan");
  const d = parseTextArticle("The plant was opened in 2019 by the company.\nIt makes crossovers.");
  assert.equal(d.title, null, "a first line that is a sentence is not a headline");
});

test("sentences split after terminal punctuation but not after abbreviations or inside numbers", () => {
  const s = splitSentences("U.S. President Trump spoke. Exports reached 1.158 million vehicles in 2024. The University of St. Thomas agreed.");
  assert.deepEqual(s.map((x) => x.text), ["U.S. President Trump spoke.", "Exports reached 1.158 million vehicles in 2024.", "The University of St. Thomas agreed."]);
  const body = "One two three.\n\nFour five six.";
  for (const x of splitSentences(body)) assert.equal(body.slice(x.start, x.end), x.text);
});

test("numbers are normalised with their units", () => {
  const q = (t: string) => findQuantities(t).map((x) => [x.value, x.unit, x.perYear]);
  assert.deepEqual(q("exports reached 1.158 million vehicles"), [[1158000, "vehicles", false]]);
  assert.deepEqual(q("a capacity of 300 thousand vehicles annually"), [[300000, "vehicles", true]]);
  assert.deepEqual(q("accounting for about 20% of exports"), [[20, "percent", false]]);
  assert.deepEqual(q("a 1.6-liter engine with 190 horsepower"), [[1.6, "l", false], [190, "hp", false]]);
  assert.deepEqual(q("a fee of $3.6 billion"), [[3600000000, "currency:USD", false]]);
  assert.deepEqual(q("about 2,400 employees"), [[2400, "people", false]]);
  assert.deepEqual(q("the X70 Plus and the 2023 season"), [], "model codes and years are not quantities");
});

test("relative dates resolve against the article date", () => {
  const ref = refDate("2025-02-20");
  const d = (t: string) => findDates(t, ref).map((x) => x.value);
  assert.deepEqual(d("on February 10, the agency acted"), ["2025-02-10"]);
  assert.deepEqual(d("on 10 March"), ["2024-03-10"], "a day after the article date is last year's");
  assert.deepEqual(d("last year"), ["2024"]);
  assert.deepEqual(d("yesterday"), ["2025-02-19"]);
  assert.deepEqual(d("on Monday"), ["2025-02-17"]);
  assert.deepEqual(d("at the end of 2022"), ["2022"]);
  assert.equal(inferReferenceDate("In 2024, exports reached 1.1 million."), "2025");
  assert.equal(normaliseDate("Tue, 04 Mar 2025 10:00:00 GMT"), "2025-03-04");
});

test("hedges give the status", () => {
  assert.equal(statusOf("Jetour plans to assemble cars in Russia"), "planned");
  assert.equal(statusOf("The venture is in talks with a partner"), "planned");
  assert.equal(statusOf("According to media reports, the firm supplies engines to GAZ"), "reported");
  assert.equal(statusOf("According to a report, the agency announced the cancellation"), "confirmed");
  assert.equal(statusOf("Renault sold its stake in AvtoVAZ"), "ended");
  assert.equal(statusOf("KAMAZ produces the Compass"), "confirmed");
  assert.ok(negated("AvtoVAZ is not pursuing a joint stock "));
  assert.ok(!negated("AvtoVAZ is pursuing a joint stock "));
});
