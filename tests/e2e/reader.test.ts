// The newsroom front end in real Chromium against the real server (seeded PGlite): the library
// with its filters and search, the seed article read through its highlights, the timeline,
// the actor network and an actor page, on a desktop and a phone-sized screen. Screenshots go
// to test-results/e2e/ (UPDATE_SCREENSHOTS=1 also refreshes the README's, docs/*.png).
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  chromiumAvailable,
  launchBrowser,
  screenshotPath,
} from "./support/browser.ts";
import { SECOND } from "./support/second-document.ts";
import { useSeededServer } from "./support/server.ts";

const SEED_SLUG =
  "russian-soldiers-returned-from-ukrainian-captivity-held-in-belarus-defense-ministry-says";
const SEED_TITLE =
  "Russian soldiers returned from Ukrainian captivity held in Belarus, Defense Ministry says";
const DOCS = fileURLToPath(new URL("../../docs/", import.meta.url));

/** A screenshot in test-results/e2e/; `readme` names the copy in docs/ (UPDATE_SCREENSHOTS=1). */
async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; readme?: string } = {},
) {
  const path = screenshotPath(name);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  if (options.readme && process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, `${DOCS}${options.readme}.png`);
  }
}

interface ApiClaim {
  id: string;
  span: { start: number; end: number; text: string };
  claimant: { name: string } | null;
}

describe.skipIf(!chromiumAvailable())("the front end in Chromium", () => {
  const server = useSeededServer();
  let browser: Browser;
  let page: Page;
  let claims: ApiClaim[];
  let mentions: { id: string; span: { text: string } }[];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    const data = await server.graphql(
      `query($slug: String!) { document(slug: $slug) {
        claims(first: 100) { nodes { id span { start end text } claimant { name } } }
        mentions(first: 100) { nodes { id span { text } } }
        eventMentions(first: 100) { nodes { id span { text } } }
      } }`,
      { slug: SEED_SLUG },
    );
    claims = data.document.claims.nodes;
    mentions = [...data.document.mentions.nodes, ...data.document.eventMentions.nodes];
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The text of an annotation's highlight: its fragments' texts, in document order. */
  const highlightText = (id: string) =>
    page
      .locator(`[data-ann-id="${id}"]`)
      .allTextContents()
      .then((texts) => texts.join(""));

  it("lists the documents and filters them by actor", async () => {
    await page.goto(`${server.url()}/`);
    const items = page.locator(".document-list > li");
    await expect.poll(() => items.count()).toBe(2);
    await expect.poll(() => page.locator(".count").textContent()).toBe("2 documents");

    await page.getByLabel("Actor", { exact: true }).selectOption("Dmitry Peskov");
    await expect.poll(() => items.allTextContents().then((t) => t.length)).toBe(1);
    expect(await items.locator("h2").textContent()).toBe(SEED_TITLE);
    expect(page.url()).toContain("actor=Dmitry+Peskov");

    await page.getByLabel("Actor", { exact: true }).selectOption(SECOND.actor);
    await expect.poll(() => items.locator("h2").allTextContents()).toEqual([SECOND.title]);

    await page.getByLabel("Event kind", { exact: true }).selectOption("PRISONER_EXCHANGE");
    await expect.poll(() => page.locator(".count").textContent()).toBe("0 documents");
    await page.getByLabel("Actor", { exact: true }).selectOption("");
    await expect.poll(() => items.locator("h2").allTextContents()).toEqual([SEED_TITLE]);
    await page.getByLabel("Event kind", { exact: true }).selectOption("");
    await expect.poll(() => items.count()).toBe(2);

    // Published from July 15: the seed article (July 6) is left out.
    await page.getByLabel("Published from").fill("2025-07-15");
    await expect.poll(() => items.locator("h2").allTextContents()).toEqual([SECOND.title]);
    await page.getByLabel("Published from").fill("");
    await expect.poll(() => items.count()).toBe(2);
    await screenshot(page, "library", { readme: "screenshot-library" });
  });

  it("pages through the documents", async () => {
    await page.goto(`${server.url()}/?size=1`);
    const titles = () => page.locator(".document-list h2").allTextContents();
    // Newest first: the second document is published after the seed article.
    await expect.poll(titles).toEqual([SECOND.title]);
    await page.getByRole("button", { name: "Older →" }).click();
    await expect.poll(titles).toEqual([SEED_TITLE]);
    expect(await page.getByRole("button", { name: "Older →" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "← Newer" }).click();
    await expect.poll(titles).toEqual([SECOND.title]);
  });

  it("searches and shows the matched words highlighted", async () => {
    await page.goto(`${server.url()}/`);
    await page.getByLabel("Search documents, claims, actors and events").fill("prisoner exchange");
    await page.getByRole("button", { name: "Search" }).click();
    const marks = page.locator(".hit-list .snippet mark");
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    for (const word of await marks.allTextContents()) expect(word).toMatch(/prisoner|exchang/i);
    // The snippet is text: no markup but the highlights made it into the page.
    expect(await page.locator(".hit-list .snippet *:not(mark):not(span)").count()).toBe(0);
    await screenshot(page, "search");
  });

  it("highlights every claim and mention of the seed article over exactly its span", async () => {
    await page.goto(`${server.url()}/documents/${SEED_SLUG}`);
    await page.locator(".article-body mark").first().waitFor();
    expect(await page.locator("h1").textContent()).toBe(SEED_TITLE);
    expect(claims.length).toBe(34);
    for (const claim of claims) {
      expect(await highlightText(claim.id), claim.id).toBe(claim.span.text);
    }
    for (const mention of mentions) {
      expect(await highlightText(mention.id), mention.id).toBe(mention.span.text);
    }
    // Claims hold the actor mentions inside them, as nested elements.
    expect(
      await page.locator('mark[data-type="claim"] mark[data-type="actor"]').count(),
    ).toBeGreaterThan(0);
    await screenshot(page, "article");
  });

  it("reads every annotation of an article with more than one page of them", async () => {
    await page.goto(`${server.url()}/documents/${SECOND.slug}`);
    const data = await server.graphql(
      `query($slug: String!) { document(slug: $slug) { mentions(first: 1) { totalCount } } }`,
      { slug: SECOND.slug },
    );
    const total = data.document.mentions.totalCount;
    expect(total).toBeGreaterThan(100);
    await expect
      .poll(() => page.locator('mark[data-type="actor"][data-fragment="0"]').count())
      .toBe(total);
    expect(await page.getByText(`Actor mentions (${total})`).count()).toBe(1);
  });

  it("shows a claim's claimant, quote and date on hover", async () => {
    await page.goto(`${server.url()}/documents/${SEED_SLUG}`);
    await page.locator(".article-body mark").first().waitFor();
    const claim = claims.find((c) => c.claimant?.name === "Dmitry Peskov")!;
    await page.locator(`[data-ann-id="${claim.id}"][data-fragment="0"]`).hover();
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor();
    expect(await tooltip.locator(".claimant").allTextContents()).toContain("Dmitry Peskov");
    expect(await tooltip.textContent()).toContain("(inferred year)");
    await screenshot(page, "article-tooltip");

    // For the README: the top of the article, a claim's tooltip open.
    const first = [...claims].sort((a, b) => a.span.start - b.span.start)[0]!;
    await page.evaluate("window.scrollTo(0, 0)");
    await page.locator(`[data-ann-id="${first.id}"][data-fragment="0"]`).hover({
      position: { x: 420, y: 12 },
    });
    expect(await tooltip.locator(".claimant").first().textContent()).toBe(
      first.claimant?.name ?? "The article itself",
    );
    await screenshot(page, "article-top", { readme: "screenshot-article" });
  });

  it("gives dates with their precision, e.g. late June for the video event", async () => {
    const data = await server.graphql(
      `query($slug: String!) { document(slug: $slug) {
        eventMentions(first: 100) { nodes { id event { date { precision } } } }
      } }`,
      { slug: SEED_SLUG },
    );
    const lateJune = data.document.eventMentions.nodes.find(
      (m: any) => m.event.date.precision === "PART_OF_MONTH",
    );
    // The pointer must not rest on the text, or the scroll to the focused highlight hovers another.
    await page.mouse.move(0, 0);
    await page.locator(`[data-ann-id="${lateJune.id}"][data-fragment="0"]`).focus();
    await expect
      .poll(() => page.getByRole("tooltip").textContent())
      .toContain("late June 2025 (inferred year)");
  });

  it("reaches highlights by keyboard, and the side panels scroll to them", async () => {
    await page.locator("h1").click();
    let focusedType: string | null = null;
    for (let i = 0; i < 40 && focusedType === null; i++) {
      await page.keyboard.press("Tab");
      focusedType = await page.evaluate(
        "document.activeElement?.getAttribute('data-type') ?? null",
      );
    }
    expect(focusedType).not.toBeNull();
    await expect.poll(() => page.getByRole("tooltip").count()).toBe(1);

    // A skip link jumps over the text to the panels.
    await page.locator(".skip-inline").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate("document.activeElement?.id")).toBe("annotation-panels");

    const last = claims.at(-1)!;
    await page.locator(".panel.claim .panel-item").last().click();
    await expect
      .poll(() => page.evaluate("document.activeElement?.getAttribute('data-ann-id')"))
      .toBe(last.id);
    expect(await page.getByRole("tooltip").locator(".claimant").first().textContent()).toBe(
      last.claimant?.name ?? "The article itself",
    );
  });

  it("hides a kind of highlight with its toggle", async () => {
    await page.getByLabel(/^Claims \(/).uncheck();
    expect(await page.locator('mark[data-type="claim"][data-shown="true"]').count()).toBe(0);
    expect(await page.locator('mark[data-type="claim"][tabindex="0"]').count()).toBe(0);
    await page.getByLabel(/^Claims \(/).check();
    expect(await page.locator('mark[data-type="claim"][tabindex="0"]').count()).toBe(claims.length);
  });

  it("draws the timeline as precisely as the dates are known", async () => {
    await page.goto(`${server.url()}/timeline`);
    await page.locator(".time-chart svg .mark").first().waitFor();
    const events = await server.graphql(
      "{ events(first: 100) { totalCount nodes { id status date { precision start end } } } }",
    );
    const marks = page.locator(".time-chart svg .mark");
    const dated = events.events.nodes.filter((e: any) => e.date.start);
    expect(await marks.count()).toBe(dated.length);
    for (const event of dated) {
      const mark = page.locator(`.time-chart svg .mark[data-id="${event.id}"]`);
      const shape = await mark.getAttribute("data-shape");
      const expected = event.date.precision === "DAY" ? "point" : event.date.end ? "band" : "open";
      expect(shape, event.id).toBe(expected);
      expect(await mark.getAttribute("class"), event.id).toContain(
        event.status === "PLANNED" ? "planned" : "mark",
      );
      if (event.status === "PLANNED") expect(await mark.textContent()).toContain("(planned)");
    }
    expect(await page.locator('.mark[data-precision="PART_OF_MONTH"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.mark[data-precision="MONTH"]').count()).toBe(1);
    await screenshot(page, "timeline", { fullPage: true, readme: "screenshot-timeline" });

    await page.getByLabel("Document", { exact: true }).selectOption(SECOND.slug);
    await expect.poll(() => marks.count()).toBe(1);
  });

  it("draws the actor network and opens an actor's page with their claims over time", async () => {
    await page.goto(`${server.url()}/network`);
    const nodes = page.locator(".network-canvas svg a.node");
    await nodes.first().waitFor();
    const minWeight = Number(await page.getByLabel("Leave out pairs lighter than").inputValue());
    expect(minWeight).toBeGreaterThan(1);
    const network = await server.graphql(
      "query($min: Int) { actorNetwork(first: 100, minWeight: $min) { source { name } target { name } } }",
      { min: minWeight },
    );
    const names = new Set<string>();
    for (const link of network.actorNetwork) names.add(link.source.name).add(link.target.name);
    expect(await nodes.count()).toBe(names.size);
    expect(await page.locator(".network-canvas svg .edges line").count()).toBe(
      network.actorNetwork.length,
    );
    await screenshot(page, "network", { readme: "screenshot-network" });
    // Every pair, with the lightest ones too: more lines.
    await page.getByLabel("Leave out pairs lighter than").selectOption("1");
    const all = await server.graphql("{ actorNetwork(first: 100, minWeight: 1) { weight } }");
    expect(all.actorNetwork.length).toBeGreaterThan(network.actorNetwork.length);
    await expect
      .poll(() => page.locator(".network-canvas svg .edges line").count())
      .toBe(all.actorNetwork.length);

    await page.locator('a.node[data-actor="Dmitry Peskov"]').click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Dmitry Peskov");
    expect(new URL(page.url()).pathname).toBe("/actors/Dmitry%20Peskov");
    const actor = await server.graphql(
      '{ actor(name: "Dmitry Peskov") { claims(first: 100) { totalCount } } }',
    );
    await page.locator(".time-chart svg .mark").first().waitFor();
    expect(await page.locator(".claim-list > li").count()).toBe(actor.actor.claims.totalCount);
    expect(await page.locator(".time-chart svg .mark").count()).toBe(actor.actor.claims.totalCount);
    await screenshot(page, "actor");
  });

  it("works on a phone-sized screen", async () => {
    const phone = await browser.newPage({ width: 390, height: 844 });
    await phone.goto(`${server.url()}/documents/${SEED_SLUG}`);
    await phone.locator(".article-body mark").first().waitFor();
    const overflow = await phone.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const claim = claims[1]!;
    await phone.locator(`[data-ann-id="${claim.id}"][data-fragment="0"]`).click();
    await phone.getByRole("tooltip").waitFor();
    const box = await phone.getByRole("tooltip").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(phone, "article-phone", { readme: "screenshot-article-phone" });
    await phone.close();
  });

  it("sent no request anywhere but the server under test", () => {
    const origin = new URL(server.url()).origin;
    expect(browser.requests.length).toBeGreaterThan(10);
    expect(browser.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
