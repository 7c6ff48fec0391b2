import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CheckboxFieldset, CheckboxGroup } from '@/components/checkbox-group';
import { InputField, TextAreaField } from '@/components/form-field';

describe('[staff] form fields tell screen readers their hint and error', () => {
  it('an input is labelled, named as its id, and described by its hint and error', () => {
    const html = renderToStaticMarkup(
      createElement(InputField, {
        id: 'downloadDays',
        label: 'Download link lifetime (days)',
        hint: '1 to 90.',
        errors: ['At most 90 days'],
        type: 'number',
        defaultValue: '91',
      }),
    );
    expect(html).toContain('<label for="downloadDays">Download link lifetime (days)</label>');
    expect(html).toContain('<p class="field__hint" id="downloadDays-hint">1 to 90.</p>');
    expect(html).toContain('<p class="field__error" id="downloadDays-error">At most 90 days</p>');
    const input = html.match(/<input[^>]*>/)?.[0] ?? '';
    for (const attribute of [
      'id="downloadDays"',
      'name="downloadDays"',
      'aria-describedby="downloadDays-hint downloadDays-error"',
      'aria-invalid="true"',
      'inputMode="numeric"',
      'value="91"',
    ]) {
      expect(input).toContain(attribute);
    }
  });

  it('a valid field carries no aria-invalid, and a textarea may post under another name', () => {
    const html = renderToStaticMarkup(createElement(TextAreaField, { id: 'access-de.purposes', name: 'de.purposes', label: 'Purposes' }));
    expect(html).toContain('<textarea id="access-de.purposes" name="de.purposes"></textarea>');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('aria-describedby');
  });

  it('a checkbox group is described by its hint and error, each box labelled', () => {
    const html = renderToStaticMarkup(
      createElement(CheckboxGroup, {
        id: 'usedFor',
        legend: 'Used for',
        hint: 'Tick at least one.',
        errors: ['Choose at least one'],
        boxes: [{ id: 'usedForAccess', label: 'Access', isChecked: true }],
      }),
    );
    expect(html).toContain('<fieldset id="usedFor" aria-describedby="usedFor-hint usedFor-error"><legend>Used for</legend>');
    expect(html).toContain(
      '<input type="checkbox" id="usedForAccess" name="usedForAccess" checked=""/><label for="usedForAccess">Access</label>',
    );
  });

  it('a set-valued checkbox fieldset names each box <name>:<value>', () => {
    const html = renderToStaticMarkup(
      createElement(CheckboxFieldset, {
        name: 'scopes',
        legend: 'Scopes',
        options: [{ value: 'requests:read', label: 'Read requests' }],
        checked: () => false,
      }),
    );
    expect(html).toContain('<fieldset id="scopes"><legend>Scopes</legend>');
    expect(html).toContain('id="scopes-requests:read" name="scopes:requests:read"');
  });
});
