import { CodePattern, unknownPlaceholders } from '@affdash/core';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../src/cli/csv.js';
import { renderParagraphs, renderSubject, renderText } from '../src/email/template.js';
import { codeFromPattern } from '../src/enrollments/code-pattern.js';

const options = { linkColor: '#123456', dashboardLabel: 'Open your dashboard' };
const values = {
  member_name: 'A & B <i>',
  first_name: 'A',
  offer_name: 'Glow',
  brand_name: 'Co',
  promo_code: 'GLOW-AB-1234',
  tracking_link: 'https://x.test/t/abc?a=1&b=2',
  dashboard_link: 'https://x.test/d/xyz',
};

describe('email templates', () => {
  it('fills text as is, and HTML escaped with paragraphs and clickable links', () => {
    const body = 'Hi {{ member_name }},\nline two\n\nLink: {{tracking_link}}. See https://shop.test/x.\n\n\n{{dashboard_link}}';
    expect(renderText(body, values)).toBe(
      'Hi A & B <i>,\nline two\n\nLink: https://x.test/t/abc?a=1&b=2. See https://shop.test/x.\n\n\nhttps://x.test/d/xyz',
    );
    const html = renderParagraphs(body, values, options);
    const a = (href: string, text: string) => `<a href="${href}" style="color:#123456;text-decoration:underline;word-break:break-word">${text}</a>`;
    expect(html).toContain('<p style="margin:0 0 16px">Hi A &amp; B &lt;i&gt;,<br>\nline two</p>');
    expect(html).toContain(`${a('https://x.test/t/abc?a=1&amp;b=2', 'https://x.test/t/abc?a=1&amp;b=2')}.`);
    expect(html).toContain(`See ${a('https://shop.test/x', 'https://shop.test/x')}.`);
    // the dashboard link reads as words: its secret URL is never the visible text
    expect(html).toContain(a('https://x.test/d/xyz', 'Open your dashboard'));
    expect(html.replace(/<[^>]+>/g, '')).not.toContain('https://x.test/d/xyz');
    expect(html).not.toContain('<i>');
  });

  it('a value that looks like a link or a placeholder is not made one', () => {
    const html = renderParagraphs('{{member_name}}', { ...values, member_name: 'https://evil.test {{dashboard_link}}' }, options);
    expect(html).not.toContain('<a ');
    expect(html).toContain('https://evil.test {{dashboard_link}}');
    expect(renderSubject('Hi {{member_name}}', { ...values, member_name: 'a\r\nBcc: x' })).toBe('Hi a Bcc: x');
  });

  it('names unknown placeholders', () => {
    expect(unknownPlaceholders('{{member_name}} {{ nick }} {{nick}} {{Promo_Code}}')).toEqual(['nick', 'Promo_Code']);
  });
});

describe('code patterns', () => {
  it('fills prefix, name and random parts, upper case, without dangling separators', () => {
    expect(codeFromPattern('{prefix}-{name}-{random}', 'glow', 'maya lopez')).toMatch(/^GLOW-MAYA-[A-HJ-NP-Z2-9]{4}$/);
    expect(codeFromPattern('{prefix}-{name}-{random:6}', null, '李')).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(codeFromPattern('vip_{random:3}', null, 'x')).toMatch(/^VIP_[A-HJ-NP-Z2-9]{3}$/);
  });

  it('validates patterns', () => {
    expect(CodePattern.safeParse('{prefix}{random:5}').success).toBe(true);
    expect(CodePattern.safeParse('{prefix}-{name}').success).toBe(false);
    expect(CodePattern.safeParse('{random:2}').success).toBe(false);
    expect(CodePattern.safeParse('a b{random}').success).toBe(false);
    expect(CodePattern.safeParse(`${'A'.repeat(30)}{random:12}`).success).toBe(false);
  });
});

describe('CSV import', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(csvRecords('\uFEFFname,email\r\n"Lee, ""Sam""",sam@x.test\r\n\r\nAna,\n')).toEqual([
      { name: 'Lee, "Sam"', email: 'sam@x.test' },
      { name: 'Ana', email: '' },
    ]);
  });
});
