/**
 * The made-up people of the demo shop, the same on every install: a fixed seed
 * drives the generator, so the README's demo customer and the counts a newcomer
 * sees never change. Emails use example.com/.org/.net (reserved, never delivered).
 */
export type DemoAddress = { line1: string; city: string; postcode: string; country: string };
export type DemoOrder = {
  placedAt: string;
  totalPence: number;
  status: string;
  shippingName: string | null;
  shippingAddress: string | null;
};
export type DemoTicket = { subject: string; body: string; openedAt: string; status: string };
export type DemoPerson = {
  email: string;
  fullName: string;
  phone: string | null;
  createdAt: string;
  addresses: DemoAddress[];
  orders: DemoOrder[];
  /** Newsletter topics subscribed with this email (the table is keyed by email, not customer). */
  newsletterTopics: { email: string; topic: string; subscribedAt: string }[];
  tickets: DemoTicket[];
};

/** The customer the README sends newcomers to: file a request as this address and the shop finds these rows. */
export const DEMO_CUSTOMER_EMAIL = 'ada.lovelace@example.com';

const ada: DemoPerson = {
  email: DEMO_CUSTOMER_EMAIL,
  fullName: 'Ada Lovelace',
  phone: '+44 20 7946 0018',
  createdAt: '2023-03-14T09:26:53Z',
  addresses: [
    { line1: '12 St James’s Square', city: 'London', postcode: 'SW1Y 4JH', country: 'GB' },
    { line1: 'Ockham Park', city: 'Ockham', postcode: 'GU23 6NP', country: 'GB' },
  ],
  orders: [
    {
      placedAt: '2023-03-20T11:02:00Z',
      totalPence: 4599,
      status: 'delivered',
      shippingName: 'Ada Lovelace',
      shippingAddress: '12 St James’s Square, London SW1Y 4JH',
    },
    {
      placedAt: '2023-07-02T16:45:00Z',
      totalPence: 1250,
      status: 'delivered',
      shippingName: 'Ada Lovelace',
      shippingAddress: 'Ockham Park, Ockham GU23 6NP',
    },
    {
      placedAt: '2024-01-11T08:30:00Z',
      totalPence: 18900,
      status: 'refunded',
      shippingName: 'Ada Lovelace',
      shippingAddress: '12 St James’s Square, London SW1Y 4JH',
    },
    {
      placedAt: '2024-05-27T19:12:00Z',
      totalPence: 3275,
      status: 'shipped',
      shippingName: 'A. Lovelace',
      shippingAddress: '12 St James’s Square, London SW1Y 4JH',
    },
  ],
  newsletterTopics: [
    { email: DEMO_CUSTOMER_EMAIL, topic: 'new-arrivals', subscribedAt: '2023-03-14T09:30:00Z' },
    // Signed up again from another device with different capitals: the same person, found case-insensitively.
    { email: 'Ada.Lovelace@Example.com', topic: 'offers', subscribedAt: '2023-11-02T12:00:00Z' },
  ],
  tickets: [
    {
      subject: 'Order arrived damaged',
      body: 'The calculating engine kit arrived with two gears cracked. Could you send replacements? Photos attached to my email.',
      openedAt: '2024-01-13T10:05:00Z',
      status: 'resolved',
    },
  ],
};

/** People whose rows sit right beside Ada's and must survive her erasure untouched. */
const neighbours: DemoPerson[] = [
  {
    email: 'mary.somerville@example.com',
    fullName: 'Mary Somerville',
    phone: '+44 20 7946 0019',
    createdAt: '2023-03-15T10:00:00Z',
    addresses: [{ line1: '13 St James’s Square', city: 'London', postcode: 'SW1Y 4JH', country: 'GB' }],
    orders: [
      {
        placedAt: '2023-04-01T09:00:00Z',
        totalPence: 2999,
        status: 'delivered',
        shippingName: 'Mary Somerville',
        shippingAddress: '13 St James’s Square, London SW1Y 4JH',
      },
    ],
    newsletterTopics: [{ email: 'mary.somerville@example.com', topic: 'new-arrivals', subscribedAt: '2023-03-15T10:05:00Z' }],
    tickets: [],
  },
  {
    // Same first name and family, a different person.
    email: 'ada.king@example.org',
    fullName: 'Ada King',
    phone: null,
    createdAt: '2023-06-01T14:00:00Z',
    addresses: [{ line1: '4 Horsley Towers', city: 'East Horsley', postcode: 'KT24 6DU', country: 'GB' }],
    orders: [
      {
        placedAt: '2023-06-02T15:00:00Z',
        totalPence: 899,
        status: 'delivered',
        shippingName: 'Ada King',
        shippingAddress: '4 Horsley Towers, East Horsley KT24 6DU',
      },
    ],
    newsletterTopics: [],
    tickets: [
      {
        subject: 'Where is my order?',
        body: 'Tracking has not moved for four days.',
        openedAt: '2023-06-08T09:00:00Z',
        status: 'resolved',
      },
    ],
  },
];

const firstNames = [
  'Grace',
  'Alan',
  'Katherine',
  'Edsger',
  'Barbara',
  'Donald',
  'Margaret',
  'Tim',
  'Radia',
  'Dennis',
  'Frances',
  'Ken',
  'Hedy',
  'John',
  'Sophie',
  'Claude',
  'Joan',
  'Niklaus',
];
const lastNames = [
  'Hopper',
  'Turing',
  'Johnson',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Hamilton',
  'Berners',
  'Perlman',
  'Ritchie',
  'Allen',
  'Thompson',
  'Lamarr',
  'Backus',
  'Wilson',
  'Shannon',
  'Clarke',
  'Wirth',
];
const cities = [
  { city: 'Manchester', postcode: 'M1 1AE' },
  { city: 'Leeds', postcode: 'LS1 4DY' },
  { city: 'Bristol', postcode: 'BS1 5TR' },
  { city: 'Edinburgh', postcode: 'EH1 1YZ' },
  { city: 'Cardiff', postcode: 'CF10 1EP' },
  { city: 'Belfast', postcode: 'BT1 5GS' },
];
const streets = ['High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Park Avenue', 'Victoria Street'];
const statuses = ['delivered', 'delivered', 'delivered', 'shipped', 'refunded', 'cancelled'];
const topics = ['new-arrivals', 'offers', 'repairs'];
const ticketSubjects = ['Wrong size sent', 'Refund not received', 'Change my delivery address', 'Missing item in parcel'];

/** mulberry32: a tiny seeded generator, so "random" people are the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedPeople(count: number): DemoPerson[] {
  const random = seededRandom(1815);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const dayAfter = (start: string, maxDays: number) =>
    new Date(Date.parse(start) + Math.floor(random() * maxDays) * 86_400_000 + Math.floor(random() * 86_400) * 1000).toISOString();
  const domains = ['example.com', 'example.org', 'example.net'];
  return Array.from({ length: count }, (_, index) => {
    const first = firstNames[index % firstNames.length]!;
    const last = lastNames[(index * 7 + 3) % lastNames.length]!;
    const fullName = `${first} ${last}`;
    const email = `${first}.${last}.${index + 1}@${domains[index % domains.length]}`.toLowerCase();
    const createdAt = dayAfter('2023-01-01T00:00:00Z', 500);
    const place = pick(cities);
    const address = {
      line1: `${1 + Math.floor(random() * 200)} ${pick(streets)}`,
      city: place.city,
      postcode: place.postcode,
      country: 'GB',
    };
    const shipTo = `${address.line1}, ${address.city} ${address.postcode}`;
    return {
      email,
      fullName,
      phone: random() < 0.7 ? `+44 7700 ${String(900000 + index * 37).slice(0, 6)}` : null,
      createdAt,
      addresses: [address],
      orders: Array.from({ length: Math.floor(random() * 5) }, () => ({
        placedAt: dayAfter(createdAt, 300),
        totalPence: 500 + Math.floor(random() * 20000),
        status: pick(statuses),
        shippingName: fullName,
        shippingAddress: shipTo,
      })),
      newsletterTopics: random() < 0.5 ? [{ email, topic: pick(topics), subscribedAt: dayAfter(createdAt, 30) }] : [],
      tickets:
        random() < 0.25
          ? [
              {
                subject: pick(ticketSubjects),
                body: 'Made-up support conversation for the demo shop.',
                openedAt: dayAfter(createdAt, 200),
                status: pick(['open', 'resolved']),
              },
            ]
          : [],
    };
  });
}

/** Ada, her neighbours and 37 more: 40 customers. */
export function demoPeople(): DemoPerson[] {
  return [ada, ...neighbours, ...generatedPeople(37)];
}

/** Newsletter subscribers who never bought anything: rows matched only by email. */
export const demoNewsletterOnly = [
  { email: 'charles.babbage@example.com', topic: 'repairs', subscribedAt: '2023-02-01T08:00:00Z' },
  { email: 'lovelace.fan@example.net', topic: 'new-arrivals', subscribedAt: '2023-05-05T17:00:00Z' },
];
