import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginThrottleOf } from './cli/commands/serve.js';
import { DEFAULT_EU_TOKEN, loadConfig } from './config.js';
import { ValidationError } from './shared/errors.js';

describe('loadConfig', () => {
  it("defaults: ./data, PGlite, the publishers' URLs", () => {
    const config = loadConfig({});
    expect(config.dataDir).toBe(resolve('data'));
    expect(config.databaseUrl).toBeNull();
    expect(config.debug).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.downloads.eu.files).toEqual([
      {
        name: 'eu-fsf.xml',
        url: `https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=${DEFAULT_EU_TOKEN}`,
        required: true,
        sha256: null,
      },
    ]);
    expect(config.downloads.un.files[0]?.url).toBe(
      'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
    );
    expect(config.downloads.ofac.files.map((file) => [file.url, file.required])).toEqual([
      ['https://www.treasury.gov/ofac/downloads/sdn.csv', true],
      ['https://www.treasury.gov/ofac/downloads/add.csv', true],
      ['https://www.treasury.gov/ofac/downloads/alt.csv', true],
      ['https://www.treasury.gov/ofac/downloads/sdn_comments.csv', false],
    ]);
    expect(config.bundleDir).toBe(resolve('lists'));
  });

  it('reads the environment it is given', () => {
    const config = loadConfig({
      SARGAS_DATA_DIR: '/tmp/sargas',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/sargas',
      SARGAS_DEBUG: '1',
      SARGAS_EU_TOKEN: 'abc',
      SARGAS_URL_OFAC: 'http://127.0.0.1:8080/ofac/sdn.csv',
      SARGAS_SHA256_UN: 'A'.repeat(64),
      SARGAS_SHA256_OFAC: `add.csv=${'b'.repeat(64)}`,
    });
    expect(config.dataDir).toBe('/tmp/sargas');
    expect(config.databaseUrl).toBe('postgres://u:p@127.0.0.1:5432/sargas');
    expect(config.debug).toBe(true);
    expect(config.downloads.eu.files[0]?.url).toMatch(/\?token=abc$/u);
    expect(config.downloads.ofac.files[2]?.url).toBe('http://127.0.0.1:8080/ofac/alt.csv');
    expect(config.downloads.un.files[0]?.sha256).toBe('a'.repeat(64));
    expect(config.downloads.ofac.files.map((file) => file.sha256)).toEqual([
      null,
      'b'.repeat(64),
      null,
      null,
    ]);
  });

  it('rejects a bad URL or checksum, naming the variable', () => {
    expect(() => loadConfig({ SARGAS_URL_UN: 'ftp://example.org/un.xml' })).toThrow(
      ValidationError,
    );
    expect(() => loadConfig({ SARGAS_URL_UN: 'nonsense' })).toThrow(/^SARGAS_URL_UN is not/u);
    expect(() => loadConfig({ SARGAS_SHA256_EU: 'xyz' })).toThrow(/SARGAS_SHA256_EU: 'xyz'/u);
    expect(() => loadConfig({ SARGAS_SHA256_OFAC: `foo.csv=${'a'.repeat(64)}` })).toThrow(
      /unknown file 'foo.csv'/u,
    );
  });

  it('reads the sign-in throttle limits and rejects a fractional or out-of-range one', () => {
    expect(loadConfig({}).vetting.loginMaxFailuresPerUser).toBeNull();
    const vetting = loadConfig({
      SARGAS_LOGIN_MAX_FAILURES: '3',
      SARGAS_LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
      SARGAS_LOGIN_WINDOW_MINUTES: '30',
    }).vetting;
    expect(vetting.loginMaxFailuresPerUser).toBe(3);
    expect(vetting.loginMaxFailuresPerAddress).toBe(50);
    expect(vetting.loginWindowMinutes).toBe(30);
    expect(loginThrottleOf(vetting)).toEqual({
      perUsername: 3,
      perAddress: 50,
      windowMs: 1_800_000,
    });
    expect(loginThrottleOf(loadConfig({}).vetting)).toEqual({});
    expect(() => loadConfig({ SARGAS_LOGIN_MAX_FAILURES: '2.5' })).toThrow(
      /SARGAS_LOGIN_MAX_FAILURES must be a whole number/u,
    );
    expect(() => loadConfig({ SARGAS_LOGIN_WINDOW_MINUTES: '0' })).toThrow(ValidationError);
  });
});
