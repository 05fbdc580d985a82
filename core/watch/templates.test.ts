import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, draftReminder, fill, mailtoUrl, ReminderTemplate, statementText, unknownMergeFields, type StatementLine } from './templates';

const lines: StatementLine[] = [
  { number: 'INV-2', dueDate: '2025-02-15', currency: 'GBP', openMinor: 5_000, daysLate: 0, disputed: false },
  { number: 'INV-1', dueDate: '2025-01-31', currency: 'GBP', openMinor: 12_345, daysLate: 14, disputed: false },
  { number: 'INV-3', dueDate: '2025-02-13', currency: 'GBP', openMinor: 100, daysLate: 1, disputed: true },
];

describe('statementText', () => {
  it('lists every open invoice by due date, then the total', () => {
    expect(statementText(lines, 'en-GB')).toBe(
      [
        '- INV-1, due 31 Jan 2025, £123.45, 14 days late',
        '- INV-3, due 13 Feb 2025, £1.00, 1 day late, in dispute',
        '- INV-2, due 15 Feb 2025, £50.00, not yet late',
        'Total: £174.45',
      ].join('\n'),
    );
  });

  it('never adds currencies together', () => {
    const text = statementText([...lines, { number: 'E-1', dueDate: '2025-01-01', currency: 'EUR', openMinor: 999, daysLate: 45, disputed: false }], 'en-GB');
    expect(text.split('\n').at(-1)).toBe('Total: €9.99 + £174.45');
  });

  it('cuts a long list but keeps the full total', () => {
    const many = Array.from({ length: 60 }, (_, i): StatementLine => ({ number: `N-${String(i).padStart(2, '0')}`, dueDate: '2025-01-01', currency: 'GBP', openMinor: 100, daysLate: 1, disputed: false }));
    const text = statementText(many, 'en-GB', 50).split('\n');
    expect(text).toHaveLength(52);
    expect(text.at(-2)).toBe('- … and 10 more');
    expect(text.at(-1)).toBe('Total: £60.00');
  });
});

describe('templates', () => {
  it('finds unknown merge fields, so a typo is refused before it reaches a customer', () => {
    expect(unknownMergeFields('Dear {{customer}}, {{ amount }} {{custmer}} {{}}')).toEqual(['custmer', '']);
    expect(ReminderTemplate.safeParse({ subject: 'Hi {{custmer}}', body: 'x' }).success).toBe(false);
    expect(ReminderTemplate.safeParse({ subject: 'Two\nlines', body: 'x' }).success).toBe(false);
    expect(ReminderTemplate.safeParse(DEFAULT_TEMPLATES.afterDue).success).toBe(true);
  });

  it('fills known fields and leaves anything else as written', () => {
    const values = { customer: 'Ann', business: 'B', invoice: '7', amount: '£1', dueDate: 'd', daysLate: '3', lateFee: '', statement: 's' };
    expect(fill('{{customer}} owes {{ amount }} ({{daysLate}} days) {{nope}} {single}', values)).toBe('Ann owes £1 (3 days) {{nope}} {single}');
  });

  it('drafts a reminder with subject, body, recipients and a mailto link', () => {
    const draft = draftReminder({
      template: { subject: 'Invoice {{invoice}}: {{statement}}', body: 'Dear {{customer}},\n{{amount}} was due {{dueDate}} ({{daysLate}} days). Fee: {{lateFee}}.\n{{statement}}\n{{business}}' },
      businessName: 'Smith & Sons',
      locale: 'en-GB',
      customer: { name: 'Zoë Ōtani', emails: ['zoe+bills@example.com', 'ap@example.org'] },
      invoice: { number: 'INV-1', currency: 'GBP', dueDate: '2025-01-31', openMinor: 12_345, daysLate: 14 },
      lateFeeMinor: 2_500,
      statement: lines,
    });
    expect(draft.to).toEqual(['zoe+bills@example.com', 'ap@example.org']);
    expect(draft.subject).not.toMatch(/\n/);
    expect(draft.subject).toMatch(/^Invoice INV-1: - INV-1, due 31 Jan 2025/);
    expect(draft.body).toContain('Dear Zoë Ōtani,\n£123.45 was due 31 Jan 2025 (14 days). Fee: £25.00.');
    expect(draft.body).toContain('Total: £174.45\nSmith & Sons');

    const url = new URL(draft.mailto);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname).split(',')).toEqual(draft.to);
    expect(url.searchParams.get('subject')).toBe(draft.subject);
    expect(url.searchParams.get('body')).toBe(draft.body.replace(/\n/g, '\r\n'));
  });

  it('encodes what would split a mailto URL', () => {
    const url = mailtoUrl(['a&b@example.com'], 'Q&A #1?', 'x=1&y=2\n100% sure');
    expect(url).toBe('mailto:a%26b@example.com?subject=Q%26A%20%231%3F&body=x%3D1%26y%3D2%0D%0A100%25%20sure');
  });

  it('leaves {{lateFee}} empty without a fee', () => {
    const draft = draftReminder({
      template: { subject: 's', body: '[{{lateFee}}]' },
      businessName: 'B',
      locale: 'en-GB',
      customer: { name: 'C', emails: [] },
      invoice: { number: '1', currency: 'GBP', dueDate: '2025-01-31', openMinor: 1, daysLate: 0 },
      lateFeeMinor: null,
      statement: [],
    });
    expect(draft.body).toBe('[]');
    expect(draft.mailto).toBe('mailto:?subject=s&body=%5B%5D');
  });
});
