import { findPersonalData, luhnValid, maskPersonalData, type PersonalDataKind } from './personal-data';

const kinds = (text: string) => findPersonalData(text).map((f) => [f.kind, f.match]);

describe('what looks like personal data', () => {
  const found: Array<[string, PersonalDataKind, string]> = [
    ['You can reach me on jane.doe@example.com if you need more', 'EMAIL', 'jane.doe@example.com'],
    ['My login is J.O.Brien+broadband@mail.example.ie.', 'EMAIL', 'J.O.Brien+broadband@mail.example.ie'],
    ['PPPoE username: customer123@fibre.example.net (from the router page)', 'EMAIL', 'customer123@fibre.example.net'],
    ['Call me back on +44 7700 900123 after 6pm', 'PHONE', '+44 7700 900123'],
    ['my mobile is 07700 900123', 'PHONE', '07700 900123'],
    ['my mobile is 07700900123, text is fine', 'PHONE', '07700900123'],
    ['landline 020 7946 0958 has no dial tone', 'PHONE', '020 7946 0958'],
    ['ring the house on (01) 555 1234 please', 'PHONE', '(01) 555 1234'],
    ['Irish mobile +353 87 123 4567 for the engineer', 'PHONE', '+353 87 123 4567'],
    ['Dublin number: +353 1 234 5678', 'PHONE', '+353 1 234 5678'],
    ['from abroad +44 (0)20 7946 0958', 'PHONE', '+44 (0)20 7946 0958'],
    ['or dial 0044 7700 900123', 'PHONE', '0044 7700 900123'],
    ['US office +1 555-123-4567', 'PHONE', '+1 555-123-4567'],
    ['087-123-4567 is my number', 'PHONE', '087-123-4567'],
    ['I paid with 4111 1111 1111 1111 and it was refused', 'CARD_NUMBER', '4111 1111 1111 1111'],
    ['card 5555-5555-5555-4444 exp 12/28', 'CARD_NUMBER', '5555-5555-5555-4444'],
    ['amex 378282246310005 was charged twice', 'CARD_NUMBER', '378282246310005'],
    ['My account number: 12345678', 'ACCOUNT_NUMBER', '12345678'],
    ['account number is 87654321 and I was billed twice', 'ACCOUNT_NUMBER', '87654321'],
    ['Payment reference PD-88213-4471 from the 1st', 'ACCOUNT_NUMBER', 'PD-88213-4471'],
    ['acct no. 55512345 (business line)', 'ACCOUNT_NUMBER', '55512345'],
    ['Ref: TX99812345', 'ACCOUNT_NUMBER', 'TX99812345'],
    ['customer ID 0099 1234 5678', 'ACCOUNT_NUMBER', '0099 1234 5678'],
    ['sort code 12-34-56 for the direct debit', 'ACCOUNT_NUMBER', '12-34-56'],
    ['IBAN GB29 NWBK 6016 1331 9268 19 for the refund', 'ACCOUNT_NUMBER', 'GB29 NWBK 6016 1331 9268 19'],
    ['Order number: 202-5550199-1234567', 'ACCOUNT_NUMBER', '202-5550199-1234567'],
    ['the engineer came to SW1A 1AA yesterday', 'POSTCODE', 'SW1A 1AA'],
    ['No fibre at M1 1AE yet?', 'POSTCODE', 'M1 1AE'],
    ['B33 8TH has had outages all week', 'POSTCODE', 'B33 8TH'],
    ['my eircode is D02 X285', 'POSTCODE', 'D02 X285'],
    ['install address a65 f4e2, Co. Galway', 'POSTCODE', 'a65 f4e2'],
  ];

  it.each(found)('finds it in %j', (text, kind, match) => {
    expect(kinds(text)).toEqual([[kind, match]]);
    const [only] = findPersonalData(text);
    expect(text.slice(only.index, only.index + only.match.length)).toBe(match);
  });

  it('finds each of several in one post, in order', () => {
    const post = 'Hi, it is jane@example.com, 07700 900123, account number 12345678, SW1A 1AA.';
    expect(kinds(post)).toEqual([
      ['EMAIL', 'jane@example.com'], ['PHONE', '07700 900123'], ['ACCOUNT_NUMBER', '12345678'], ['POSTCODE', 'SW1A 1AA'],
    ]);
    expect(kinds('sort code 12-34-56, account 31926819')).toEqual([['ACCOUNT_NUMBER', '12-34-56'], ['ACCOUNT_NUMBER', '31926819']]);
  });

  it('looks inside code spans and blocks too: a pasted log is as public as a sentence', () => {
    expect(kinds('```\n2026-12-05 14:05:33 PPP auth ok user=jane.doe@example.com\n```')).toEqual([['EMAIL', 'jane.doe@example.com']]);
    expect(kinds('the bill says `Account No: 44120987`')).toEqual([['ACCOUNT_NUMBER', '44120987']]);
  });
});

describe('what a telco support forum is full of, and is not personal data', () => {
  const notPersonal: string[] = [
    'Firmware 7.2.1.4 fixed it, but 7.2.1.5 broke Wi-Fi again',
    'Updated to v2.18.0-beta last night',
    'It dropped on 2026-12-05 and again on 05/12/2026',
    'Since 5.12.2026 at 14:05 the light is red; it was fine on 1/12/26',
    'Log: 2026-12-05T14:05:33.120Z DSL link up',
    'The hub is at 192.168.0.1 and the extender at 192.168.0.254:8080',
    'Gateway 10.0.0.138/24, DNS 1.1.1.1 and 8.8.8.8',
    'IPv6 prefix 2001:db8:85a3::8a2e:370:7334/64, link-local fe80::1',
    'MAC address 00:1A:2B:3C:4D:5E, the other one 00-11-22-33-44-55, Cisco style 001a.2b3c.4d5e',
    'Speedtest says 67.3 Mbps down, 18.9 Mbps up, ping 12 ms',
    'I pay £29.99 a month, was £24.50 before the price rise of 6.5%',
    'Hub 5 vs Smart Hub 2: the Hub 5 is faster',
    'I have placed 3 orders and 2 were cancelled',
    'order count: 12345 this quarter across the region',
    'RX bytes 1234567890 TX bytes 987654321 uptime 1764950400',
    'Frame counter 0000000000 0000000001 errors 0',
    'SHA256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'register 0x1f3a00ff reads back 0x00000000',
    'For reference: 2026-12-05 14:00 the router rebooted itself',
    'Line stats: SNR margin 6.1 dB, attenuation 18.5 dB, 1,234 CRC errors',
    'Call the helpdesk? No, I tried that at 09:30 and 17:45:10',
    'A PS5 2TB and a Pi4 8GB on the same switch',
    'My v2 2nd-gen extender and a gen 3 hub',
    'Channel 36, 80 MHz, 5 GHz band, 2.4 GHz on channel 11',
    'Invoice for December was higher than November by 12%',
    'Serial SN-7HX2-PQ93, model DGA0122, hardware rev 3',
    'Error code 651, then 0x800704cf, then 678',
    'Build 20261205T140533Z',
    'It happened at 5/12 at 7pm, again on 6/12',
  ];

  it.each(notPersonal)('finds nothing in %j', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('reads a whole pasted router log without a false alarm', () => {
    const log = [
      '```',
      'Dec  5 14:05:33 Hub5 kernel: [ 1234.567890] eth0: link up 1000Mbps full duplex',
      'Dec  5 14:05:34 Hub5 dhcpd: DHCPACK on 192.168.0.23 to 3c:22:fb:11:aa:09 (Pixel-7) via br0',
      'Dec  5 14:05:40 Hub5 pppd[2231]: local  IP address 81.2.69.160',
      'Dec  5 14:05:40 Hub5 pppd[2231]: remote IP address 81.2.69.1',
      'Dec  5 14:06:02 Hub5 wan: Sync 67.3/18.9 Mbps, SNR 6.1/8.3 dB, firmware 7.2.1.4 (build 20261201)',
      'Dec  5 14:06:02 Hub5 stats: rx_bytes=18446744073 tx_bytes=4294967296 rx_errors=0',
      '```',
    ].join('\n');
    expect(kinds(log)).toEqual([]);
  });
});

describe('card numbers', () => {
  it('need the Luhn checksum, so a typo or a 16-digit counter is not one', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(kinds('card 4111 1111 1111 1112')).toEqual([]);
  });

  it('start as a card network does: an epoch time in milliseconds is not one', () => {
    expect(luhnValid('1764950400002')).toBe(true);
    expect(kinds('ts=1764950400002')).toEqual([]);
  });
});

describe('masking a find for the warning', () => {
  it('keeps an address\'s first character and its domain', () => {
    expect(maskPersonalData({ kind: 'EMAIL', match: 'jane.doe@example.com' })).toBe('j***@example.com');
  });

  it('keeps the first character and the last two of anything else, and its spacing', () => {
    expect(maskPersonalData({ kind: 'CARD_NUMBER', match: '4111 1111 1111 1111' })).toBe('4*** **** **** **11');
    expect(maskPersonalData({ kind: 'PHONE', match: '+44 7700 900123' })).toBe('+4* **** ****23');
    expect(maskPersonalData({ kind: 'POSTCODE', match: 'D02 X285' })).toBe('D** **85');
  });
});

describe('long text', () => {
  it.each([
    ['one long word', 'a'.repeat(30_000)],
    ['an address without an ending', `a@${'b'.repeat(30_000)}`],
    ['a hex dump', 'deadbeef01'.repeat(3_000)],
    ['spaced digits', '1 '.repeat(15_000)],
    ['a labelled run', `account ${'1-'.repeat(15_000)}x`],
    ['colons', '1:'.repeat(15_000)],
    ['dotted words and an at sign', `${'a.'.repeat(15_000)}@`],
    ['a domain of dots', `a@${'a.'.repeat(15_000)}`],
    ['phone prefixes', '+44 0'.repeat(6_000)],
    ['labels', 'ref 1 '.repeat(5_000)],
    ['postcode halves', 'SW1A '.repeat(6_000)],
  ])('reads a question body\'s worth of %s at once (no runaway backtracking)', (_, text) => {
    const started = performance.now();
    findPersonalData(text);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
