import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.js';
import { isCountryCode, isPartialDate, parseAssessmentRequest } from './request.js';

/** A complete request as the migration authority's system sends it (snake_case JSON). */
function body(): Record<string, unknown> {
  return {
    external_id: '  MIG-2026-000123 ',
    permit_type: 'work_permit',
    applicant: {
      names: ['Лукашэнка Аляксандр Рыгоравіч', 'Aliaksandr LUKASHENKA'],
      birth_date: '1954-08-30',
      citizenship: ['by'],
      passport_number: ' MP1234567 ',
      employment: [
        {
          employer: 'КГБ Республики Беларусь',
          position: 'оперуполномоченный',
          country: 'BY',
          from: '2001-09',
          to: '2010',
        },
        { employer: 'Harmony Trading LLC', position: null, country: null, from: '2011' },
      ],
    },
  };
}

function fieldOf(input: unknown): string | undefined {
  try {
    parseAssessmentRequest(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

function withApplicant(change: Record<string, unknown>): Record<string, unknown> {
  const request = body();
  return { ...request, applicant: { ...(request.applicant as object), ...change } };
}

function withEmployment(index: number, change: Record<string, unknown>): Record<string, unknown> {
  const request = body();
  const applicant = request.applicant as { employment: Record<string, unknown>[] };
  const employment = applicant.employment.map((entry, i) =>
    i === index ? { ...entry, ...change } : entry,
  );
  return withApplicant({ employment });
}

describe('parseAssessmentRequest', () => {
  it('reads a full request, trimmed, with country codes upper-cased', () => {
    expect(parseAssessmentRequest(body())).toEqual({
      externalId: 'MIG-2026-000123',
      permitType: 'work_permit',
      applicant: {
        names: ['Лукашэнка Аляксандр Рыгоравіч', 'Aliaksandr LUKASHENKA'],
        birthDate: '1954-08-30',
        citizenship: ['BY'],
        passportNumber: 'MP1234567',
        employment: [
          {
            employer: 'КГБ Республики Беларусь',
            position: 'оперуполномоченный',
            country: 'BY',
            from: '2001-09',
            to: '2010',
          },
          {
            employer: 'Harmony Trading LLC',
            position: null,
            country: null,
            from: '2011',
            to: null,
          },
        ],
      },
    });
  });

  it('needs only the external id, permit type and one name', () => {
    const request = parseAssessmentRequest({
      external_id: 'x',
      permit_type: 'humanitarian',
      applicant: { names: ['محمد عبد الله'] },
    });
    expect(request.applicant).toEqual({
      names: ['محمد عبد الله'],
      birthDate: null,
      citizenship: [],
      passportNumber: null,
      employment: [],
    });
  });

  it('accepts names in any script and drops exact repeats', () => {
    const names = ['王秀英', 'Ξενοφών Ζολώτας', 'Žaneta Šimkūnienė', '王秀英 ', 'ლაშა ბერიძე'];
    expect(parseAssessmentRequest(withApplicant({ names })).applicant.names).toEqual([
      '王秀英',
      'Ξενοφών Ζολώτας',
      'Žaneta Šimkūnienė',
      'ლაშა ბერიძე',
    ]);
  });

  it('normalises names to NFC', () => {
    const decomposed = 'S\u030cimku\u0304niene\u0307';
    const [name] = parseAssessmentRequest(withApplicant({ names: [decomposed] })).applicant.names;
    expect(name).toBe(decomposed.normalize('NFC'));
  });

  it.each([
    ['a body that is not an object', [], undefined],
    ['an unknown top-level field', { ...body(), urgent: true }, 'urgent'],
    ['a missing external id', { ...body(), external_id: undefined }, 'external_id'],
    ['a blank external id', { ...body(), external_id: '   ' }, 'external_id'],
    [
      'an external id of 201 characters',
      { ...body(), external_id: 'x'.repeat(201) },
      'external_id',
    ],
    ['a numeric external id', { ...body(), external_id: 12 }, 'external_id'],
    ['a missing permit type', { ...body(), permit_type: null }, 'permit_type'],
    ['a missing applicant', { ...body(), applicant: undefined }, 'applicant'],
    ['an unknown applicant field', withApplicant({ gender: 'male' }), 'applicant.gender'],
    ['no names', withApplicant({ names: [] }), 'applicant.names'],
    ['names not an array', withApplicant({ names: 'A B' }), 'applicant.names'],
    [
      '21 names',
      withApplicant({ names: Array.from({ length: 21 }, (_, i) => `N ${i}`) }),
      'applicant.names',
    ],
    ['a blank name', withApplicant({ names: ['A B', '  '] }), 'applicant.names.1'],
    ['a name that is a number', withApplicant({ names: [42] }), 'applicant.names.0'],
    ['a name of 301 characters', withApplicant({ names: ['я'.repeat(301)] }), 'applicant.names.0'],
    ['a name with a NUL byte', withApplicant({ names: ['A\u0000B'] }), 'applicant.names.0'],
    [
      'an impossible birth date',
      withApplicant({ birth_date: '1954-02-30' }),
      'applicant.birth_date',
    ],
    [
      'a birth date with a time',
      withApplicant({ birth_date: '1954-08-30T00:00' }),
      'applicant.birth_date',
    ],
    [
      'a birth date in another format',
      withApplicant({ birth_date: '30.08.1954' }),
      'applicant.birth_date',
    ],
    ['month 13', withApplicant({ birth_date: '1954-13' }), 'applicant.birth_date'],
    ['a year out of range', withApplicant({ birth_date: '1854' }), 'applicant.birth_date'],
    [
      'an unknown country code',
      withApplicant({ citizenship: ['BY', 'XX'] }),
      'applicant.citizenship.1',
    ],
    ['a country name', withApplicant({ citizenship: ['Belarus'] }), 'applicant.citizenship.0'],
    ['a withdrawn code', withApplicant({ citizenship: ['SU'] }), 'applicant.citizenship.0'],
    [
      'a region that is no country',
      withApplicant({ citizenship: ['EU'] }),
      'applicant.citizenship.0',
    ],
    ['citizenship not an array', withApplicant({ citizenship: 'BY' }), 'applicant.citizenship'],
    [
      'a passport number of 51 characters',
      withApplicant({ passport_number: 'A'.repeat(51) }),
      'applicant.passport_number',
    ],
    ['employment not an array', withApplicant({ employment: {} }), 'applicant.employment'],
    [
      '51 employments',
      withApplicant({ employment: Array.from({ length: 51 }, () => ({ employer: 'E' })) }),
      'applicant.employment',
    ],
    [
      'an employment that is not an object',
      withApplicant({ employment: ['KGB'] }),
      'applicant.employment.0',
    ],
    [
      'a missing employer',
      withEmployment(1, { employer: undefined }),
      'applicant.employment.1.employer',
    ],
    ['a blank employer', withEmployment(1, { employer: ' ' }), 'applicant.employment.1.employer'],
    [
      'an unknown employment field',
      withEmployment(0, { salary: 1 }),
      'applicant.employment.0.salary',
    ],
    [
      'an employer country that is unknown',
      withEmployment(0, { country: 'BYE' }),
      'applicant.employment.0.country',
    ],
    [
      'a bad employment start',
      withEmployment(0, { from: '2001-02-29' }),
      'applicant.employment.0.from',
    ],
    [
      'an employment ending before it starts',
      withEmployment(0, { from: '2010-05', to: '2009-12-31' }),
      'applicant.employment.0.to',
    ],
    [
      'a year ending before its start month',
      withEmployment(0, { from: '2011-01', to: '2010' }),
      'applicant.employment.0.to',
    ],
  ])('refuses %s (field %s)', (_, input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it('says which field and why', () => {
    expect(() => parseAssessmentRequest({ ...body(), urgent: true })).toThrow(
      "unknown field 'urgent' (allowed: external_id, permit_type, applicant)",
    );
    expect(() =>
      parseAssessmentRequest(withEmployment(0, { from: '2010-05', to: '2009' })),
    ).toThrow('applicant.employment.0.to (2009) is before applicant.employment.0.from (2010-05)');
    expect(() => parseAssessmentRequest({ ...body(), applicant: undefined })).toThrow(
      'applicant is required',
    );
    expect(() => parseAssessmentRequest('{}')).toThrow('the request body must be a JSON object');
    expect(() => parseAssessmentRequest(withApplicant({ citizenship: ['XX'] }))).toThrow(
      "applicant.citizenship.0 'XX' is not an ISO 3166-1 alpha-2 country code",
    );
  });

  it('accepts dates of any precision and employments at the same precision', () => {
    const request = parseAssessmentRequest(
      withApplicant({
        birth_date: '1954',
        employment: [
          { employer: 'A', from: '2010-05', to: '2010' },
          { employer: 'B', from: '2012-02-29', to: '2012-02-29' },
          { employer: 'C', from: '2013' },
        ],
      }),
    );
    expect(request.applicant.birthDate).toBe('1954');
    expect(request.applicant.employment.map((entry) => [entry.from, entry.to])).toEqual([
      ['2010-05', '2010'],
      ['2012-02-29', '2012-02-29'],
      ['2013', null],
    ]);
  });

  it('treats blank optional fields as absent', () => {
    const request = parseAssessmentRequest(
      withApplicant({
        birth_date: '',
        passport_number: ' ',
        employment: [{ employer: 'A', position: '', country: '', from: null }],
      }),
    );
    expect(request.applicant.birthDate).toBeNull();
    expect(request.applicant.passportNumber).toBeNull();
    expect(request.applicant.employment[0]).toEqual({
      employer: 'A',
      position: null,
      country: null,
      from: null,
      to: null,
    });
  });

  it('does not check the permit type against the SLA policy', () => {
    expect(parseAssessmentRequest({ ...body(), permit_type: 'tourist_visa' }).permitType).toBe(
      'tourist_visa',
    );
  });
});

describe('isCountryCode', () => {
  it('knows every assigned ISO 3166-1 alpha-2 code, plus XK', () => {
    const codes: string[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (isCountryCode(code)) codes.push(code);
      }
    }
    // ISO 3166-1 has 249 officially assigned codes; XK is the user-assigned Kosovo.
    expect(codes).toHaveLength(250);
    for (const code of ['BY', 'RU', 'UA', 'LT', 'PL', 'BW', 'BT', 'TO', 'SS', 'CW', 'XK', 'AQ']) {
      expect(codes).toContain(code);
    }
  });

  it('refuses lower case, withdrawn codes and regions that are not countries', () => {
    for (const code of ['by', 'SU', 'YU', 'BU', 'UK', 'AN', 'EU', 'UN', 'ZZ', 'QO', 'XA', 'AC']) {
      expect(isCountryCode(code)).toBe(false);
    }
  });
});

describe('isPartialDate', () => {
  it.each([
    ['2024', true],
    ['2024-02', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-00', false],
    ['2024-04-31', false],
    ['24-02-01', false],
    ['2024-2-1', false],
    ['', false],
  ])('%s: %s', (value, valid) => {
    expect(isPartialDate(value)).toBe(valid);
  });
});
