// What a person sees in the workbench: opens .env of the fixture workspace in code-server, as a person
// would (quick open, mouse, keyboard), checks that our diagnostics, hover and completion show, and saves
// screenshots of each:
//   problems.png    the squiggles and the Problems panel
//   hover.png       the hover of an option name
//   completion.png  the completion list after typing `&`, with the documentation of its first item
import path from 'node:path';
import { workbenchUrl } from './e2e-code-server.mjs';

/** Resolves with the names of the checks that failed (an empty list when all passed). */
export async function takeScreenshots(browser, baseUrl, { folder, extensionPath, outDir, log = console.log }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const failed = [];
  // Each step builds on the one before: after a failure the rest are skipped.
  const step = async (name, action) => {
    if (failed.length) {
      log(`  skip ${name}`);
      return;
    }
    const started = Date.now();
    try {
      await action();
      log(`  ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed.push(name);
      log(`  FAIL ${name}: ${String(error?.message ?? error).split('\n')[0]}`);
      await page.screenshot({ path: path.join(outDir, `failed-${name}.png`) }).catch(() => {});
    }
  };
  const editorLines = page.locator('.monaco-editor .view-lines').first();

  try {
    await step('workbench', async () => {
      await page.goto(workbenchUrl(baseUrl, { folder, extensionPath }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    });

    await step('open .env', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 15_000 });
      await input.fill('.env');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '.env' }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines', { hasText: 'ANALYTICS_MONGODB_URI' }).waitFor({ timeout: 15_000 });
    });

    await step('problems', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      for (const rule of ['userinfo-unescaped', 'port-invalid', 'direct-connection-conflict']) {
        await panel.locator('.monaco-list-row', { hasText: rule }).first().waitFor({ timeout: 15_000 });
      }
      await panel.locator('.monaco-list-row', { hasText: 'Port 70000 is out of range' }).first().waitFor({ timeout: 5_000 });
      await page.screenshot({ path: path.join(outDir, 'problems.png') });
    });

    await step('hover', async () => {
      const box = await textBox(page, 'replicaSet');
      // Two moves: the hover widget reacts to mouse movement over the word.
      await page.mouse.move(box.x + box.width / 2 - 4, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover', { hasText: 'replicaSet' }).first();
      await hover.waitFor({ state: 'visible', timeout: 20_000 });
      await hover.locator('a', { hasText: /./ }).first().waitFor({ timeout: 5_000 }); // the documentation link
      await animationsFinished(hover);
      await page.screenshot({ path: path.join(outDir, 'hover.png') });
    });

    await step('completion', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await editorLines.click();
      // To the end of the SESSIONS_MONGODB_URI line, then type `&`, a trigger character of the server.
      const box = await textBox(page, 'SESSIONS_MONGODB_URI');
      await page.mouse.click(box.x + 2, box.y + box.height / 2);
      await page.keyboard.press('End');
      await page.keyboard.type('&');
      const suggest = page.locator('.suggest-widget');
      for (const option of ['authSource', 'connectTimeoutMS', 'directConnection']) {
        await suggest.locator('.monaco-list-row', { hasText: option }).first().waitFor({ state: 'visible', timeout: 20_000 });
      }
      // Ctrl+Space again opens the documentation of the selected item beside the list.
      await page.keyboard.press('Control+Space');
      const details = page.locator('.suggest-details-container .docs', { hasText: /\w/ }).first();
      await details.waitFor({ state: 'visible', timeout: 10_000 });
      await animationsFinished(suggest);
      await page.screenshot({ path: path.join(outDir, 'completion.png') });
      await page.keyboard.press('Escape');
    });
  } finally {
    await context.close();
  }
  return failed;
}

/** Waits until the element's fade-in (and any other CSS animation in it) has finished. */
async function animationsFinished(locator) {
  await locator.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished)));
}

/** The on-screen box of the first occurrence of `text` in the editor. */
async function textBox(page, text) {
  const box = await page.evaluate((wanted) => {
    const root = document.querySelector('.monaco-editor .view-lines');
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent.indexOf(wanted);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, text);
  if (!box) throw new Error(`${JSON.stringify(text)} is not on screen`);
  return box;
}
