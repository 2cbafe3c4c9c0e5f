// Crisis lines shown by "Get help now". Static for now; the server will ship these from
// content/ so they can be configured per region. Source: shared/reference/facts.md.
export const CRISIS_LAST_CHECKED = '2026-11';

export interface CrisisLine {
  region: string;
  name: string;
  how: string; // what to do, in a few words
  tel?: string; // for a tel: link
  sms?: string; // for an sms: link
}

export const CRISIS_LINES: CrisisLine[] = [
  {
    region: 'United States',
    name: '988 Suicide & Crisis Lifeline',
    how: 'Call or text 988',
    tel: '988',
    sms: '988',
  },
  { region: 'Canada', name: '9-8-8 Suicide Crisis Helpline', how: 'Call or text 9-8-8', tel: '988', sms: '988' },
  {
    region: 'United Kingdom and Ireland',
    name: 'Samaritans',
    how: 'Call 116 123, free, day or night',
    tel: '116123',
  },
  { region: 'Australia', name: 'Lifeline', how: 'Call 13 11 14', tel: '131114' },
];

export interface EmergencyNumber {
  number: string;
  where: string;
}

export const EMERGENCY_NUMBERS: EmergencyNumber[] = [
  { number: '911', where: 'United States and Canada' },
  { number: '999', where: 'United Kingdom' },
  { number: '112', where: 'European Union (and most mobile phones anywhere)' },
  { number: '000', where: 'Australia' },
];
