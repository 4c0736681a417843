/**
 * Built-in name lists for demo customers: a mix common in the US and the UK, so no faker download is needed.
 * Emails use the reserved example.com/.net/.org domains and phones the ranges set aside for fiction
 * (555-01xx in North America, Ofcom's 07700 900xxx in the UK), so demo data can never reach a real person.
 */
import type { Random } from './random.js';

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'William',
  'Mia', 'Benjamin', 'Charlotte', 'Lucas', 'Harper', 'Henry', 'Evelyn', 'Theodore', 'Abigail', 'Jack', 'Emily',
  'Levi', 'Ella', 'Alexander', 'Elizabeth', 'Jackson', 'Camila', 'Mateo', 'Luna', 'Daniel', 'Sofia', 'Michael',
  'Avery', 'Mason', 'Mila', 'Sebastian', 'Aria', 'Ethan', 'Scarlett', 'Logan', 'Penelope', 'Owen', 'Layla', 'Samuel',
  'Chloe', 'Jacob', 'Victoria', 'Asher', 'Madison', 'Aiden', 'Eleanor', 'John', 'Grace', 'Joseph', 'Nora', 'Wyatt',
  'Riley', 'David', 'Zoey', 'Leo', 'Hannah', 'Luke', 'Hazel', 'Julian', 'Lily', 'Hudson', 'Ellie', 'Grayson', 'Violet',
  'Matthew', 'Lillian', 'Ezra', 'Zoe', 'Gabriel', 'Stella', 'Carter', 'Aurora', 'Isaac', 'Natalie', 'Jayden', 'Emilia',
  'Luca', 'Everly', 'Anthony', 'Leah', 'Dylan', 'Aubrey', 'Lincoln', 'Willow', 'Thomas', 'Addison', 'Maverick',
  'Lucy', 'Elias', 'Audrey', 'Josiah', 'Bella', 'Charles', 'Nova', 'Caleb', 'Brooklyn', 'Christopher', 'Paisley',
  'Ezekiel', 'Savannah', 'Miles', 'Claire', 'Jaxon', 'Skylar', 'Isaiah', 'Isla', 'Andrew', 'Genesis', 'Joshua',
  'Naomi', 'Nathan', 'Elena', 'Nolan', 'Caroline', 'Adrian', 'Eliana', 'Cameron', 'Anna', 'Santiago', 'Maya',
  'Eli', 'Valentina', 'Aaron', 'Ruby', 'Ryan', 'Kennedy', 'Angel', 'Ivy', 'Cooper', 'Ariana', 'Waylon', 'Aaliyah',
  'Jordan', 'Cora', 'Kai', 'Madelyn', 'Harry', 'Alice', 'George', 'Freya', 'Arthur', 'Poppy', 'Alfie', 'Isabelle',
  'Archie', 'Florence', 'Freddie', 'Evie', 'Oscar', 'Rosie', 'Alfred', 'Imogen', 'Reuben', 'Phoebe', 'Rory', 'Matilda',
  'Priya', 'Arjun', 'Aisha', 'Omar', 'Mei', 'Wei', 'Yuki', 'Hiroshi', 'Fatima', 'Yusuf', 'Zara', 'Tariq', 'Chidi',
  'Amara', 'Kwame', 'Ngozi', 'Diego', 'Lucia', 'Javier', 'Carmen', 'Siobhan', 'Niamh', 'Callum', 'Eilidh', 'Rhys', 'Cerys',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
  'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall',
  'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker',
  'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez',
  'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward',
  'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez', 'Powell',
  'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes', 'Gonzales', 'Fisher',
  'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham', 'Reynolds', 'Griffin',
  'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson', 'Ellis', 'Tran', 'Medina', 'Aguilar',
  'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall', 'Owens', 'Harrison', 'Fernandez', 'McDonald', 'Woods',
  'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen', 'Freeman', 'Webb', 'Tucker', 'Guzman', 'Burns',
  'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter', 'Gordon', 'Mendez', 'Silva', 'Shaw', 'Snyder', 'Mason',
  'Dixon', 'Munoz', 'Hunt', 'Hicks', 'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd', 'Rose', 'Stone',
  'Salazar', 'Fox', 'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson', 'Nichols',
  'Stephens', 'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley', 'Spencer', 'Hawkins',
  'Arnold', 'Pierce', 'Hansen', 'Peters', 'Santos', 'Hart', 'Bradley', 'Knight', 'Elliott', 'Cunningham', "O'Brien",
  'Khan', 'Shah', 'Singh', 'Ali', 'Okafor', 'Mensah', 'Tanaka', 'Wang', 'Zhang', 'Kowalski', 'Novak', 'MacLeod',
  'Fraser', 'Byrne', 'Doyle', 'Quinn', 'Walsh', 'Lloyd', 'Pritchard', 'Davies', 'Thorne', 'Ashworth', 'Whitaker',
] as const;

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

/** A demo customer's identity: name, a unique email and a phone in a fictional range for its home country. */
export interface Person {
  fullName: string;
  email: string;
  phone: string;
}

const plain = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** Makes a person whose email is not yet in `taken` (lower-cased) and adds it there. */
export function makePerson(rng: Random, country: 'US' | 'GB', taken: Set<string>): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const f = plain(first);
  const l = plain(last);
  const domain = rng.pick(EMAIL_DOMAINS);
  const styles = [`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}_${l}`, `${l}.${f}`, `${f}${l[0]}`];
  let local = rng.pick(styles);
  if (rng.chance(0.3)) local += String(rng.int(1, 99));
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  const phone =
    country === 'US'
      ? `+1 ${rng.pick(['212', '646', '718', '917', '347', '201'])} 555 01${String(rng.int(0, 99)).padStart(2, '0')}`
      : `+44 7700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
  return { fullName: `${first} ${last}`, email, phone };
}
