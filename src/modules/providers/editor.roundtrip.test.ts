/** The editor page, posted back without changes, is the catalogue record again: nothing is lost or invented. */
import { expect, it } from 'vitest';
import { createTestDatabase, testConfig, testDeps } from '../../../test/support/db.ts';
import { loadDemoData } from '../demo/index.ts';
import { loadServiceBundle } from '../catalog/index.ts';
import { bundleToForm, diffForms, cleanFormValues, type FormValues } from './activity-form.ts';
import { buildApp } from '../../app.ts';
import { createUser, TestClient } from '../../../test/support/users.ts';

/** The values a browser would post from the editor's form (inputs, checked boxes, textareas). */
function formOf(html: string): FormValues {
  const form = html.slice(html.indexOf('id="activity-form"'), html.indexOf('</form>', html.indexOf('id="activity-form"')));
  const values: FormValues = {};
  const add = (k: string, v: string) => { const cur = values[k]; values[k] = cur === undefined ? v : Array.isArray(cur) ? [...cur, v] : [cur, v]; };
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const a = m[1]!; const name = /name="([^"]*)"/.exec(a)?.[1]; if (!name) continue;
    const type = /type="([^"]*)"/.exec(a)?.[1] ?? 'text'; const value = unescape(/value="([^"]*)"/.exec(a)?.[1] ?? '');
    if ((type === 'checkbox' || type === 'radio') && !/ checked/.test(a)) continue;
    add(name, value);
  }
  for (const m of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) add(/name="([^"]*)"/.exec(m[1]!)![1]!, unescape(m[2]!));
  return values;
}

it('every demo activity opens in the editor, and its form posted back unchanged differs in no field', async () => {
  const t = await createTestDatabase('pglite');
  const deps = testDeps(t.db, { config: testConfig({ DEV_LOGIN: 'on' }) });
  await loadDemoData(deps, { seed: 1, count: 80 });
  const ids = await t.db.query<{ id: string; organisation_id: string; region_code: string }>('SELECT s.id, s.organisation_id, o.region_code FROM services s JOIN organisations o ON o.id = s.organisation_id');
  const app = await buildApp(deps, { logger: false });
  const diffs: Record<string, number> = {};
  for (const { id, organisation_id, region_code } of ids) {
    const u = await createUser(t.db, { roles: [{ role: 'provider', organisationId: organisation_id, regionCode: region_code }], devKey: id });
    const c = new TestClient(app); await c.signInAsDevUser(u.id);
    const page = await c.get(`/fi/provider/activities/${id}`);
    const posted = formOf(page.body);
    const b = (await loadServiceBundle(t.db, id))!;
    const d = diffForms(bundleToForm(b), cleanFormValues(posted));
    for (const k of Object.keys(d)) diffs[k] = (diffs[k] ?? 0) + 1;
  }
  expect(ids.length).toBe(80);
  expect(diffs).toEqual({});
  await app.close();
  await t.drop();
}, 300000);
