// Data for the mock server: two reflection questionnaires written for SecureBase (our own
// wording), one licensed instrument shipped as a scoring key only, and the learn topics.
// The real server loads these from content/; this file only lets the front end be
// developed and tested before it exists.

// Like content/instruments/crr-*.json: labels for the ends and the middle only.
const anchors = [
  { value: 1, label: 'Not at all like me' },
  { value: 4, label: 'Somewhat / in between' },
  { value: 7, label: 'Very much like me' },
];

// [dimension, reversed, text]
const generalItems = [
  ['anxiety', false, 'I worry that the people I love will not stay.'],
  ['avoidance', true, 'I find it easy to lean on people close to me.'],
  ['anxiety', false, 'When someone close to me seems distant, I wonder what I did wrong.'],
  ['avoidance', false, 'I prefer not to show others how I feel deep down.'],
  ['anxiety', false, 'I need a lot of reassurance that I am cared for.'],
  ['avoidance', false, 'I feel uneasy when someone wants to be very close.'],
  ['anxiety', true, 'I rarely worry about being left.'],
  ['avoidance', true, 'I am comfortable sharing my private thoughts with people close to me.'],
  ['anxiety', false, 'If someone does not reply soon, my mind fills with worries.'],
  ['avoidance', false, 'I would rather sort things out alone than ask for help.'],
  ['anxiety', false, 'I often feel I care more about people than they care about me.'],
  ['avoidance', false, 'When people get too close, I want some space.'],
  ['anxiety', true, 'I feel sure that the people close to me will be there for me.'],
  ['avoidance', true, 'It helps me to turn to people close to me when things are hard.'],
  ['anxiety', false, 'I fear that once someone really knows me, they will not like what they see.'],
  ['avoidance', false, 'I keep parts of myself to myself, even with people I love.'],
  ['anxiety', true, 'When I am apart from someone I love, I can relax.'],
  ['avoidance', true, 'I feel comfortable depending on others.'],
  ['anxiety', false, 'I get upset when I do not get as much closeness as I want.'],
  ['avoidance', false, 'I find it hard to let others depend on me.'],
  ['anxiety', false, 'I find myself checking whether people still like me.'],
  ['avoidance', false, 'I pull back when a relationship starts to feel serious.'],
  ['anxiety', false, 'My mood depends a lot on how things are going with the people close to me.'],
  ['avoidance', true, 'I talk things over with the people close to me.'],
  ['anxiety', true, 'I trust that people close to me care about me, even when they are busy.'],
  ['avoidance', false, 'Needing others feels like a weakness to me.'],
  ['anxiety', false, 'Small signs of distance can stay on my mind for hours.'],
  ['avoidance', true, 'I find it easy to be affectionate with people close to me.'],
  ['anxiety', false, 'I worry that I am too much for people.'],
  ['avoidance', false, 'I feel most like myself when I do not rely on anyone.'],
];

const personItems = [
  ['anxiety', false, 'I worry that {person} does not care about me as much as I care about them.'],
  ['avoidance', true, 'I find it easy to turn to {person} when I need help.'],
  ['anxiety', false, 'I often worry that {person} will pull away from me.'],
  ['avoidance', false, 'I prefer not to show {person} how I feel deep down.'],
  ['anxiety', true, 'I feel sure that {person} will be there when I need them.'],
  ['avoidance', true, 'I talk things over with {person}.'],
  ['anxiety', false, 'When {person} is quiet or distant, I wonder what I did wrong.'],
  ['avoidance', false, 'I feel uneasy when {person} wants to be very close.'],
  ['anxiety', false, 'I need a lot of reassurance from {person}.'],
  ['avoidance', false, 'I keep some distance from {person}.'],
  ['anxiety', true, 'I can relax when {person} and I are apart.'],
  ['avoidance', true, 'It helps to turn to {person} when things are hard.'],
];

function build(prefix, rows) {
  const items = rows.map(([, , text], i) => ({
    id: `${prefix}_${String(i + 1).padStart(2, '0')}`,
    number: i + 1,
    text,
  }));
  const subscales = ['anxiety', 'avoidance'].map((dimension) => ({
    dimension,
    items: rows.flatMap(([d], i) => (d === dimension ? [items[i].id] : [])),
    reversed: rows.flatMap(([d, r], i) => (d === dimension && r ? [items[i].id] : [])),
  }));
  return { items, subscales };
}

const assumed = {
  sd: 1.1,
  retest_r: 0.85,
  assumed: true,
  source: 'Assumed: ECR-R-like figures (SD 1.1, r = .85); not measured for this questionnaire.',
};

const general = build('crr_g', generalItems);
const person = build('crr_p', personItems);

// ECR-R: scoring key only (items 1-18 anxiety, 19-36 avoidance; reversed per facts.md).
const ecrReversed = new Set([9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36]);
const ecrItems = Array.from({ length: 36 }, (_, i) => ({
  id: `ecrr_${String(i + 1).padStart(2, '0')}`,
  number: i + 1,
  text: '',
}));
const ecrSubscales = [
  { dimension: 'anxiety', items: ecrItems.slice(0, 18).map((x) => x.id) },
  { dimension: 'avoidance', items: ecrItems.slice(18).map((x) => x.id) },
].map((s) => ({ ...s, reversed: s.items.filter((id) => ecrReversed.has(Number(id.slice(5)))) }));

export const INSTRUMENTS = [
  {
    id: 'crr-general',
    name: 'Close Relationships Reflection (general)',
    short_name: 'CRR',
    description:
      'Thirty short statements about how you tend to feel and act in close relationships. Written for SecureBase as a reflection tool.',
    validated: false,
    citation: '',
    target: 'general',
    domains: [],
    scale: { min: 1, max: 7, anchors },
    ...general,
    reliability: assumed,
  },
  {
    id: 'crr-person',
    name: 'Close Relationships Reflection (about a person)',
    short_name: 'CRR-P',
    description:
      'Twelve statements about how you feel and act with one person in your life. Written for SecureBase as a reflection tool.',
    validated: false,
    citation: '',
    target: 'person',
    domains: [],
    scale: { min: 1, max: 7, anchors },
    ...person,
    reliability: assumed,
  },
  {
    id: 'ecr-r',
    name: 'Experiences in Close Relationships – Revised',
    short_name: 'ECR-R',
    description: 'A widely used research questionnaire with 36 statements. Its wording is licensed elsewhere.',
    validated: true,
    citation: 'Fraley, Waller & Brennan (2000), JPSP 78, 350-365',
    target: 'general',
    domains: [],
    scale: { min: 1, max: 7, anchors: [
      { value: 1, label: 'Strongly disagree' },
      { value: 4, label: 'Neutral/mixed' },
      { value: 7, label: 'Strongly agree' },
    ] },
    items: ecrItems,
    subscales: ecrSubscales,
    reliability: { ...assumed, source: 'Assumed r = .85 (latent stability is higher; see facts).' },
  },
];

export const LEARN = [
  {
    topic: 'styles',
    title: 'Two dimensions, four regions',
    summary: 'Why SecureBase measures worry and distance, and what the four style names mean.',
    markdown: `# Two dimensions, four regions

Researchers who study adult relationships keep finding the same two threads in how people connect.

- **Anxiety** is about worry: how much you fear that the people close to you will not be there, or will not care as much as you do.
- **Avoidance** is about distance: how uneasy closeness feels, and how much you hold back from leaning on others.

Everyone has some of each. The questionnaire gives you a score for both, from 1 to 7.

## The map

Put avoidance across and anxiety up, and you get a map. Splitting it in the middle gives four regions, each with a name:

- [Secure](/learn/secure): lower worry, lower distance.
- [Anxious-preoccupied](/learn/preoccupied): higher worry, lower distance.
- [Dismissive-avoidant](/learn/dismissing): lower worry, higher distance.
- [Fearful-avoidant](/learn/fearful): higher on both.

## A name is not the whole story

Studies suggest attachment works like a sliding scale, not like boxes. A style name is a handy label for a region of the map, *not a diagnosis*. Two people with the same name can sit far apart, and a point near a line is close to both sides.

People also move. Safe relationships, reflection and practice can shift both scores over months and years.
`,
  },
  {
    topic: 'secure',
    title: 'The secure region',
    summary: 'Lower worry and lower distance: what it tends to look like, and what it does not mean.',
    markdown: `# The secure region

People whose answers fall here tend to feel that closeness is mostly safe. They can ask for support, and give it, without too much worry or too much holding back.

## What it can look like

- Saying what you need, and trusting it will usually be heard.
- Being close without losing yourself, and apart without feeling lost.
- Repairing after a disagreement instead of keeping score.

## What it does not mean

Secure does not mean perfect or never upset. Secure people still feel hurt, jealous or lonely at times. The difference is often in how quickly they can settle and reach out again.

It can also be *earned*: many people grow into this region later in life.
`,
  },
  {
    topic: 'preoccupied',
    title: 'The anxious-preoccupied region',
    summary: 'Higher worry, lower distance: wanting closeness a lot and fearing it may not last.',
    markdown: `# The anxious-preoccupied region

People whose answers fall here usually value closeness a great deal, and worry about whether it will last. Their radar for signs of distance is finely tuned.

## What it can look like

- Reading a lot into a late reply or a change of tone.
- Needing reassurance, and finding it does not always stick.
- Turning up the volume (more messages, more asking) when things feel uncertain.

## Things that often help

- Noticing the worry as a feeling, not a fact.
- Calming the body first, then deciding what to say.
- Asking for what you need directly and kindly.

This is a pattern that made sense once. It can soften with time and practice.
`,
  },
  {
    topic: 'dismissing',
    title: 'The dismissive-avoidant region',
    summary: 'Lower worry, higher distance: relying on yourself and keeping some space from closeness.',
    markdown: `# The dismissive-avoidant region

People whose answers fall here tend to rely on themselves and feel most at ease with some space. Closeness can feel like pressure, even when it is wanted.

## What it can look like

- Handling hard things alone rather than asking for help.
- Feeling crowded when someone wants more closeness.
- Keeping feelings private, sometimes even from yourself.

## Things that often help

- Noticing the urge to pull away, and pausing before acting on it.
- Sharing one small feeling at a time.
- Letting someone help with something small.

Independence is a strength. The work is making room for closeness as well.
`,
  },
  {
    topic: 'fearful',
    title: 'The fearful-avoidant region',
    summary: 'Higher worry and higher distance: wanting closeness and finding it unsafe at the same time.',
    markdown: `# The fearful-avoidant region

People whose answers fall here often want closeness and fear it at the same time. Getting close can bring up worry about being hurt, and pulling away can bring up worry about being alone.

## What it can look like

- Moving toward someone, then pulling back, then moving toward them again.
- Finding it hard to trust that kindness will last.
- Strong feelings that are hard to put into words.

## Things that often help

- Going slowly, with people who are steady and kind.
- Learning ways to calm your body when feelings run high.
- Support from a therapist, if you can find one you trust.

Many people in this region carry old hurts. You deserve relationships where you feel safe.
`,
  },
  {
    topic: 'measuring-change',
    title: 'How SecureBase judges change',
    summary: 'Why a small difference between two results may just be noise, and what "reliable change" means.',
    markdown: `# How SecureBase judges change

No questionnaire is exact. If you answered the same one twice in a week, your scores would wobble a little even if nothing had changed. So SecureBase asks: is the difference bigger than that wobble?

## Reliable change

SecureBase uses a standard method called the **Reliable Change Index** (Jacobson and Truax, 1991). It compares the difference between two results with how much scores usually wobble, using two figures for each questionnaire: how spread out scores are, and how stable they are from one time to the next.

- If a score moved more than the wobble, the change is called *reliable*.
- If not, it may still be real, but we cannot be sure yet.

## The verdicts

- **Toward security**: worry or distance went down reliably, and neither went up.
- **Away from security**: worry or distance went up reliably, and neither went down.
- **Mixed**: one went down and the other went up.
- **No clear change**: the differences are within the usual wobble.
- **Cannot judge yet**: there are no figures for this questionnaire, or a score is missing.

When the figures are assumed rather than measured for a questionnaire, SecureBase says so. Treat those verdicts as a rough guide.

Change in attachment is usually slow. Looking every month or two tells you more than looking every day.
`,
  },
];
