/** The player's i18next never nests: `$t(...)` is resolved at build time, where every string's kind is known. */
import { expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/create-i18n.ts';

it('leaves $t(...) as written at run time: no string can pull another into the page', async () => {
  const i18n = await createI18n('da', 'da');
  i18n.addResourceBundle('da', 'p01', { plain: '<iframe src="https://evil.example/"></iframe>', body: '<p>Se $t(p01:plain)</p>' });
  i18n.addResourceBundle('da', 'ui', { hello: 'Hej {{name}}, $t(p01:plain)' });
  expect(i18n.t('p01:body')).toBe('<p>Se $t(p01:plain)</p>');
  // A value that looks like nesting stays a value too.
  expect(i18n.t('ui:hello', { name: '$t(p01:plain)' })).toBe('Hej $t(p01:plain), $t(p01:plain)');
});
