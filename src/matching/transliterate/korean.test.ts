import { describe, expect, it } from 'vitest';
import { prepareName } from '../prepare.js';
import { isHangulWord, romanizeKoreanTokens } from './korean.js';

const spellings = (name: string) =>
  prepareName(name, { schema: 'Person' })?.variants.map((variant) => variant.tokens.join(' '));

describe('Korean names', () => {
  it("writes a North Korean name the DPRK's way and a South Korean one the passport way", () => {
    expect(spellings('김정은')).toEqual([
      'kim jong un',
      'kim jeong eun',
      'kim jung eun',
      'kim chong un',
    ]);
    expect(spellings('리병철')).toContain('ri pyong chol');
    expect(spellings('이재명')).toContain('lee jae myung');
    expect(spellings('박지성')).toContain('park ji sung');
  });

  it('romanises a syllable from its initial, vowel and final consonant', () => {
    // 한 = ㅎ + ㅏ + ㄴ; 글 = ㄱ + ㅡ + ㄹ (not a surname: romanised like any syllable).
    expect(romanizeKoreanTokens(['글', '한글'], (token) => token)[0]).toEqual(['kul', 'han kul']);
  });

  it('passes other tokens through and gives nothing for a name without Hangul', () => {
    expect(romanizeKoreanTokens(['kim', '정은'], (token) => token)[0]).toEqual(['kim', 'jong un']);
    expect(romanizeKoreanTokens(['kim'], (token) => token)).toEqual([]);
    expect(isHangulWord('김')).toBe(true);
    expect(isHangulWord('金')).toBe(false);
  });
});
