import type { Page, Response } from 'playwright-core';

/**
 * Signs in through the dashboard's own form, as a member does: opens `<baseUrl>/dashboard/`,
 * fills e-mail and password, submits. Returns the page load's response, for a test that checks
 * its headers; waits for nothing after the submit, since each test waits for the view it needs.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<Response | null> {
  const response = await page.goto(`${baseUrl}/dashboard/`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  return response;
}
