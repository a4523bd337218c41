import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorFor, parseForm, valueOf } from './form.ts';

const schema = z.object({
  email: z.string().trim().min(1, 'Entrez votre adresse e-mail').email('Entrez une adresse e-mail valide, comme nom@exemple.fr'),
  name: z.string().trim().min(1, 'Entrez votre nom'),
});

describe('parseForm', () => {
  it('returns the typed value when the answers are valid', () => {
    const r = parseForm(schema, { email: ' a@b.fr ', name: 'Léa' });
    expect(r).toMatchObject({ ok: true, value: { email: 'a@b.fr', name: 'Léa' } });
  });

  it('returns one French message per field, in form order, and keeps every answer', () => {
    const r = parseForm(schema, { email: 'pas-une-adresse', name: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'email', message: 'Entrez une adresse e-mail valide, comme nom@exemple.fr' },
      { field: 'name', message: 'Entrez votre nom' },
    ]);
    expect(valueOf(r.values, 'email')).toBe('pas-une-adresse');
    expect(errorFor(r.errors, 'name')).toEqual({ text: 'Entrez votre nom' });
    expect(errorFor(r.errors, 'other')).toBeUndefined();
  });
});
