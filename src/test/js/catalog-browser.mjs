// Drives the web catalog in headless Chromium (puppeteer-core) and prints what it saw as one JSON
// object; the Java test (CatalogBrowserTest) makes the assertions. Usage:
//   node catalog-browser.mjs BASE_URL OUT_DIR CHROMIUM_PATH EXPECTATIONS_JSON_FILE
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [base, outDir, chromium, expectationsFile] = process.argv.slice(2);
const expectations = JSON.parse(fs.readFileSync(expectationsFile, 'utf8'));
fs.mkdirSync(outDir, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-chromium-'));
const report = { dialogs: [], pageErrors: [], cspViolations: [], requests: [], accessibility: {} };
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function newPage(javaScript = true) {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(javaScript);
  page.on('dialog', async (dialog) => { report.dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('pageerror', (error) => report.pageErrors.push(String(error)));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) {
      report.requests.push(request.url());
    }
  });
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  return page;
}

async function collectCsp(page) {
  const violations = await page.evaluate(() => window.__csp || []);
  report.cspViolations.push(...violations);
}

try {
  // the list, search as you type, keyboard to the first result
  const page = await newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(base + '/', { waitUntil: 'networkidle0' });
  await page.focus('#q');
  await page.keyboard.type('geocoding', { delay: 20 });
  await page.waitForFunction(() => {
    const total = document.getElementById('total');
    // the last search typed, not an earlier one for a prefix ("geo") still on its way
    return total && total.textContent.endsWith('matching geocoding') && location.search === '?q=geocoding';
  }, { timeout: 15000 });
  report.index = await page.evaluate(() => ({
    titles: [...document.querySelectorAll('#results .card h2')].map((e) => e.textContent),
    total: document.getElementById('total').textContent,
    status: document.getElementById('status').textContent,
    url: location.href,
    copyButtons: document.querySelectorAll('button.copy').length,
  }));
  await page.screenshot({ path: path.join(outDir, 'catalog-index.png'), fullPage: true });
  await collectCsp(page);

  await page.focus('#results .card h2 a');
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.keyboard.press('Enter')]);
  report.server = await page.evaluate(() => ({
    url: location.href,
    title: document.querySelector('h1').textContent,
    discovered: [...document.querySelectorAll('.tools-discovered summary code')].map((e) => e.textContent),
    charts: document.querySelectorAll('svg.chart').length,
    bars: document.querySelectorAll('svg.chart rect').length,
    upBars: document.querySelectorAll('svg.chart rect.bar-up').length,
    copyButtons: document.querySelectorAll('button.copy').length,
  }));
  // get_location's input schema, opened from the keyboard: focus its summary, press Enter
  const summaries = await page.$$('.tools-discovered summary');
  let opened = null;
  for (const summary of summaries) {
    if (await summary.$eval('code', (e) => e.textContent) === 'get_location') {
      opened = summary;
    }
  }
  report.server.schemaVisibleBefore = await page.evaluate(
    () => [...document.querySelectorAll('.tools-discovered pre.schema')].some((e) => e.checkVisibility()));
  if (opened) {
    await opened.focus();
    await page.keyboard.press('Enter');
    Object.assign(report.server, await opened.evaluate((summary) => {
      const details = summary.parentElement;
      const pre = details.querySelector('pre.schema');
      return {
        detailsOpen: details.open,
        schemaVisible: !!pre && pre.checkVisibility(),
        schemaLabel: pre && pre.getAttribute('aria-label'),
        schema: pre && pre.textContent,
      };
    }));
  }
  await page.screenshot({ path: path.join(outDir, 'catalog-server.png'), fullPage: true });
  await collectCsp(page);
  await page.close();

  // with JavaScript off, the form still searches
  const plain = await newPage(false);
  await plain.goto(base + '/?q=geocoding', { waitUntil: 'load' });
  report.noScript = await plain.evaluate(() => [...document.querySelectorAll('#results .card h2')].map((e) => e.textContent));
  await plain.close();

  // a phone's width: nothing wider than the screen
  const phone = await newPage();
  await phone.setViewport({ width: 360, height: 740, isMobile: true, deviceScaleFactor: 1 });
  report.phone = {};
  for (const [name, url] of [['index', '/'], ['server', report.server.url.substring(base.length)]]) {
    await phone.goto(base + url, { waitUntil: 'networkidle0' });
    report.phone[name] = await phone.evaluate(() => document.documentElement.scrollWidth);
    await phone.screenshot({ path: path.join(outDir, `catalog-phone-${name}.png`), fullPage: true });
  }
  await phone.close();

  // WCAG 2 A and AA rules (axe-core), on a separate page that lets the test inject axe past the policy
  const audit = await browser.newPage();
  await audit.setBypassCSP(true);
  for (const [name, url] of [['index', '/?q=geocoding'], ['server', report.server.url.substring(base.length)]]) {
    await audit.goto(base + url, { waitUntil: 'networkidle0' });
    // every tool opened, so that the rules see the input schemas too
    await audit.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await audit.addScriptTag({ path: axeScript });
    report.accessibility[name] = await audit.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
    });
  }
  await audit.close();

  // hostile entries: nothing runs, the text reads literally
  report.xss = [];
  for (const expected of expectations) {
    const hostile = await newPage();
    await hostile.setViewport({ width: 1200, height: 900 });
    await hostile.goto(base + expected.path, { waitUntil: 'networkidle0' });
    // move focus through every control and hover every element, to fire any handler that slipped in
    for (let i = 0; i < 40; i++) {
      await hostile.keyboard.press('Tab');
    }
    for (const element of (await hostile.$$('main *')).slice(0, 200)) {
      await element.hover().catch(() => {});
    }
    const seen = await hostile.evaluate((texts) => ({
      xss: window.__xss === undefined ? null : String(window.__xss),
      scripts: document.scripts.length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name))
        .filter((n) => n.startsWith('on')).length,
      badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.protocol)
        .filter((p) => p !== 'http:' && p !== 'https:').length,
      missing: texts.filter((t) => ![...document.querySelectorAll(t.selector)].some((e) => e.textContent === t.text))
        .map((t) => t.selector + ' ' + t.text),
    }), expected.texts);
    seen.path = expected.path;
    report.xss.push(seen);
    await hostile.screenshot({ path: path.join(outDir, `catalog-xss-${report.xss.length}.png`), fullPage: true });
    await collectCsp(hostile);
    await hostile.close();
  }
} catch (error) {
  report.failure = String(error && error.stack || error);
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(report) + '\n');
