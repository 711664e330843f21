import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config.js';
import { createTemplateEnvironment } from './templates.js';

describe('templates', () => {
  it('compiles a template once per process unless a developer asks to watch them', () => {
    const cached = createTemplateEnvironment();
    expect(cached.getTemplate('home/page.njk')).toBe(cached.getTemplate('home/page.njk'));
    const watching = createTemplateEnvironment({ watch: true });
    expect(watching.getTemplate('home/page.njk')).not.toBe(watching.getTemplate('home/page.njk'));
  });

  it('watches templates only when CONVENE_TEMPLATE_WATCH is set, in development as in production', () => {
    expect(loadSettings({ NODE_ENV: 'development' }).templateWatch).toBe(false);
    expect(loadSettings({ NODE_ENV: 'development', CONVENE_TEMPLATE_WATCH: '1' }).templateWatch).toBe(true);
    expect(() => loadSettings({ CONVENE_TEMPLATE_WATCH: 'yes' })).toThrow(/CONVENE_TEMPLATE_WATCH/);
  });

  it('draws a tag inline as GOV.UK does, escaping text and keeping html', () => {
    const env = createTemplateEnvironment();
    const render = (params: string) => env.renderString(`{% from "tag.njk" import govukTag %}{{ govukTag(${params}) }}`, {});
    expect(render(`{ text: 'Overdue <b>', classes: 'govuk-tag--red' }`)).toBe('<strong class="govuk-tag govuk-tag--red">Overdue &lt;b&gt;</strong>');
    expect(render(`{ html: '<span>Met</span>' }`)).toBe('<strong class="govuk-tag"><span>Met</span></strong>');
  });

  it('trims as Nunjucks does, keeping a macro’s output safe, and in linear time', () => {
    const env = createTemplateEnvironment();
    const plain = new nunjucks.Environment(null, { autoescape: true });
    const samples = ['', '  a  ', '\n\t x y \u00a0', 'no space', ' <b> ', '\u2028line\u2029'];
    for (const text of samples) expect(env.renderString('{{ t | trim }}', { t: text })).toBe(plain.renderString('{{ t | trim }}', { t: text }));
    // A macro's output is a SafeString: trimmed, it must not be escaped a second time.
    expect(env.renderString('{% macro m() %}  <p>x</p>  {% endmacro %}{{ m() | trim }}', {})).toBe('<p>x</p>');
    // Runs of whitespace between words: the regular expression it replaces took quadratic time here.
    const long = `x${' \n'.repeat(20_000)}y${' '.repeat(10)}`;
    expect(env.renderString('{{ t | trim }}', { t: long })).toBe(long.trim());
  });
});

