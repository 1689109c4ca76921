import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { password, services } from './services';

/** Logs in through the login page (the session cookie is per browser context). */
export async function login(page: Page, next = '/'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Password', { exact: true }).fill(password());
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Starts a new configuration from the start screen (for `release`, when given) and waits for the editor. */
export async function startNew(page: Page, release?: string): Promise<void> {
  await login(page);
  if (release) await page.getByTestId('quay-release').selectOption(release);
  await page.getByRole('button', { name: 'Start a new configuration' }).click();
  await page.waitForURL('**/editor');
  await expect(page.locator('#section-title')).toBeVisible();
}

/** The start screen's "Choose a bundle" button: enabled once the page is hydrated, before which nothing reads a file. */
export const bundlePicker = (page: Page): Locator => page.locator('[data-testid=drop-zone] button');

/** Uploads a bundle through the start screen's file picker. */
export async function uploadBundle(page: Page, data: Buffer, name = 'quay-config.tar.gz'): Promise<void> {
  await expect(bundlePicker(page)).toBeEnabled();
  await page.locator('[data-testid=drop-zone] input[type=file]').setInputFiles({ name, mimeType: 'application/gzip', buffer: data });
}

/** Uploads a bundle from the start screen and opens it in the editor (past the reading notes, if any). */
export async function openUploaded(page: Page, data: Buffer): Promise<void> {
  await uploadBundle(page, data);
  const notes = page.getByRole('button', { name: 'Open it in the editor' });
  await Promise.race([page.waitForURL('**/editor'), notes.waitFor()]);
  if (await notes.isVisible()) await notes.click();
  await page.waitForURL('**/editor');
}

/** Opens a section from the sidebar. */
export async function openSection(page: Page, id: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  await expect(page.locator(`section[data-section="${id}"]`)).toBeVisible();
}

/** The row of a field by key path (label, input, help and findings). */
export function fieldRow(page: Page, path: string) {
  return page.locator(`[data-path="${path}"]`).first();
}

/** Fills DB_URI's parts (the Database section is open) with the harness's PostgreSQL and `dbPassword`; returns the DB_URI row. */
export async function fillDatabaseParts(page: Page, dbPassword: string): Promise<Locator> {
  const svc = services();
  const db = fieldRow(page, 'DB_URI');
  await db.getByLabel('Host').fill(svc.postgres.host);
  await db.getByLabel('Port').fill(String(svc.postgres.port));
  await db.getByLabel('Database name').fill(svc.postgres.database);
  await db.getByLabel('User name').fill(svc.postgres.user);
  await db.getByLabel('Password', { exact: true }).fill(dbPassword);
  return db;
}

/** Validates the current section and waits until the run has finished. */
export async function validateSection(page: Page): Promise<void> {
  await page.getByTestId('validate-section').click();
  await expect(page.getByTestId('run')).toHaveAttribute('data-status', /done|failed|cancelled/, { timeout: 60_000 });
}

/** Opens the download dialog, downloads, and returns the bytes of quay-config.tar.gz. */
export async function downloadBundle(page: Page): Promise<{ data: Buffer; fileName: string }> {
  await page.getByTestId('open-download').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return { data: Buffer.concat(chunks), fileName: download.suggestedFilename() };
}

/** The bytes of a finished download. */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/** Where the specs save the screenshots reviewed by hand. */
export const SHOTS = 'e2e/output';
