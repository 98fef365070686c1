// Opens a notebook through the classic Notebook UI of a running `./course start` server in headless Chromium,
// runs all cells (Cell → Run All), waits until the kernel is idle and every code cell has run, and fails on any
// error output. Debian's chromium only (executablePath): Playwright never downloads a browser here.
//
// Usage: node .ci/notebook-ui.mjs <base-url> <token> <notebook> <screenshot.png>
//   e.g. node .ci/notebook-ui.mjs http://127.0.0.1:8888 abc123 01-what-is-kafka.ipynb target/ci-notebook-ui.png
import { chromium } from 'playwright-core';

const [base, token, notebook, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: node notebook-ui.mjs <base-url> <token> <notebook> <screenshot.png>');
  process.exit(2);
}
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', e => console.log(`[page error] ${e.message}`));
  const url = `${base}/notebooks/${encodeURIComponent(notebook)}?token=${token}`;
  console.log(`opening ${base}/notebooks/${notebook}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  // The classic UI: the notebook is loaded and its kernel (the course's Java kernel) is connected.
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded
      && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120_000 });
  const kernel = await page.evaluate(() => Jupyter.notebook.kernel.name);
  console.log(`kernel: ${kernel}`);
  if (kernel !== 'kafka-course') {
    throw new Error(`the notebook runs on kernel ${kernel}, not kafka-course`);
  }

  const t0 = Date.now();
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  // Done when no cell waits ('*') or is unrun and the kernel indicator says idle.
  await page.waitForFunction(() => {
    const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
    const allRun = code.every(c => typeof c.input_prompt_number === 'number');
    const idle = document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon');
    return allRun && idle;
  }, null, { timeout: RUN_TIMEOUT_MS, polling: 1000 });
  console.log(`all cells ran in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const report = await page.evaluate(() => {
    const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
    const errors = [];
    code.forEach((c, i) => c.output_area.outputs.forEach(o => {
      if (o.output_type === 'error') {
        errors.push(`cell ${i + 1}: ${o.ename}: ${o.evalue}`);
      } else if (o.output_type === 'stream' && o.name === 'stderr' && /(Exception|Error)\b/.test(o.text)) {
        errors.push(`cell ${i + 1} (stderr): ${o.text.split('\n')[0]}`);
      }
    }));
    return {
      cells: code.length,
      outputs: code.reduce((n, c) => n + c.output_area.outputs.length, 0),
      errorNodes: document.querySelectorAll('.output_error').length,
      errors,
    };
  });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`code cells: ${report.cells}, outputs: ${report.outputs}, screenshot: ${screenshot}`);
  if (report.errors.length || report.errorNodes) {
    failed = true;
    console.log(`error outputs (${report.errorNodes} .output_error):\n  ` + report.errors.join('\n  '));
  } else if (report.outputs === 0) {
    failed = true;
    console.log('no cell produced any output');
  }
} catch (e) {
  failed = true;
  console.log(`notebook UI check failed: ${e.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
