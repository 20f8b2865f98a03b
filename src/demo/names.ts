/**
 * Name lists for Demodam's people, per name group (language area). Plausible, common names;
 * combinations are random, so any resemblance to a real person is chance.
 */
import type { NameGroup } from './origins.js';
import type { Random } from './random.js';

interface NameList { male: readonly string[]; female: readonly string[]; family: readonly string[] }

const DUTCH_FAMILY = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen',
  'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven',
  'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman', 'Peeters', 'Postma',
  'Kuipers', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten', 'van Wijk', 'Post', 'Martens', 'Vink', 'de Ruiter', 'Timmermans',
  'Groen', 'Gerritsen', 'Jonker', 'van Loon', 'Boer', 'van der Velde', 'Willemsen', 'Smeets', 'de Lange', 'de Vos', 'Bosch',
  'van Dongen', 'Schipper', 'de Koning', 'van der Laan', 'Koning', 'van der Veen', 'Driessen', 'van Doorn', 'Hermans', 'Evers',
  'van den Bosch', 'van der Meulen', 'Hofman', 'Bosman', 'Wolters', 'Sanders', 'van der Horst', 'Mol', 'Kuijpers', 'Molenaar',
  'van de Pol', 'de Leeuw', 'Verbeek', 'Wiersma', 'Bakx', 'Oosterhuis', 'Nijland', 'Haverkamp', 'Lammers', 'Stegeman',
];
const DUTCH_OLDER = {
  male: ['Johannes', 'Gerrit', 'Hendrik', 'Cornelis', 'Jan', 'Willem', 'Henk', 'Gerard', 'Peter', 'Kees', 'Frans', 'Theo',
    'Ton', 'Hans', 'Rob', 'Wim', 'Ruud', 'Marcel', 'Rene', 'Albert', 'Harry', 'Bert', 'Dirk', 'Jos'],
  female: ['Maria', 'Johanna', 'Cornelia', 'Anna', 'Wilhelmina', 'Ingrid', 'Monique', 'Marian', 'Petra', 'Annemiek', 'Els',
    'Yvonne', 'Anita', 'Linda', 'Ria', 'Gerda', 'Marja', 'Karin', 'Saskia', 'Hennie', 'Joke', 'Wilma', 'Tineke', 'Margriet'],
};
const DUTCH_MIDDLE = {
  male: ['Jeroen', 'Mark', 'Dennis', 'Martijn', 'Sander', 'Bas', 'Erik', 'Patrick', 'Michiel', 'Remco', 'Niels', 'Rick',
    'Wouter', 'Jasper', 'Tim', 'Kevin', 'Joost', 'Ronald', 'Stefan', 'Maarten', 'Vincent', 'Arjen', 'Roy', 'Robin'],
  female: ['Sandra', 'Marieke', 'Esther', 'Kim', 'Mirjam', 'Wendy', 'Nicole', 'Sanne', 'Anouk', 'Femke', 'Linda', 'Ilse',
    'Chantal', 'Manon', 'Debora', 'Marloes', 'Judith', 'Inge', 'Miranda', 'Danielle', 'Jolanda', 'Ellen', 'Kirsten', 'Suzanne'],
};
const DUTCH_YOUNG = {
  male: ['Daan', 'Lars', 'Sem', 'Thijs', 'Bram', 'Jesse', 'Luuk', 'Milan', 'Stijn', 'Ruben', 'Tom', 'Niek', 'Jelle', 'Sven',
    'Max', 'Tygo', 'Rens', 'Joep', 'Gijs', 'Koen', 'Dylan', 'Mees', 'Finn', 'Hidde'],
  female: ['Lisa', 'Emma', 'Sanne', 'Fleur', 'Lotte', 'Iris', 'Noa', 'Anna', 'Eva', 'Isa', 'Julia', 'Demi', 'Romy', 'Britt',
    'Lieke', 'Fenna', 'Sophie', 'Floor', 'Nina', 'Esmee', 'Jade', 'Naomi', 'Kiki', 'Merel'],
};

const LISTS: Readonly<Record<Exclude<NameGroup, 'nl'>, NameList>> = {
  ma: {
    male: ['Mohamed', 'Youssef', 'Khalid', 'Said', 'Hamid', 'Nordin', 'Mustapha', 'Rachid', 'Abdelkader', 'Ayoub', 'Bilal', 'Karim', 'Hicham', 'Anouar', 'Soufiane', 'Ilias'],
    female: ['Fatima', 'Khadija', 'Naima', 'Samira', 'Malika', 'Souad', 'Hanane', 'Latifa', 'Nadia', 'Loubna', 'Imane', 'Zineb', 'Ikram', 'Salma', 'Houda', 'Meryem'],
    family: ['El Amrani', 'Bouzid', 'El Idrissi', 'Benali', 'Ouali', 'Azzouzi', 'El Khattabi', 'Boukhari', 'Tahiri', 'Amrani', 'El Hamdaoui', 'Bouchtaoui', 'Achahbar', 'Ait Taleb', 'Ouchene', 'Haddouchi', 'El Ouardi', 'Bakkali'],
  },
  tr: {
    male: ['Mehmet', 'Ahmet', 'Mustafa', 'Hasan', 'Emre', 'Hüseyin', 'Ali', 'Murat', 'Kemal', 'Osman', 'Burak', 'Serkan', 'Yusuf', 'Volkan', 'Erkan', 'Cem'],
    female: ['Ayşe', 'Fatma', 'Elif', 'Zeynep', 'Emine', 'Hatice', 'Sevgi', 'Derya', 'Gül', 'Özlem', 'Esra', 'Büşra', 'Merve', 'Songül', 'Hülya', 'Sibel'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Koç', 'Kurt', 'Özdemir', 'Aksoy', 'Polat', 'Erdoğan', 'Karaca', 'Güneş'],
  },
  sr: {
    male: ['Ricardo', 'Marvin', 'Romano', 'Glenn', 'Rajesh', 'Anand', 'Sunil', 'Ashwin', 'Dennis', 'Rudi', 'Iwan', 'Errol', 'Ravi', 'Kenneth', 'Delano', 'Jermaine'],
    female: ['Shanti', 'Sharmila', 'Priya', 'Jennifer', 'Chantal', 'Sita', 'Kavita', 'Sandra', 'Rosita', 'Ingrid', 'Anjali', 'Natasha', 'Rachna', 'Gina', 'Sabitrie', 'Joyce'],
    family: ['Ramdin', 'Sewnarain', 'Kartosen', 'Pinas', 'Mangroe', 'Soekhoe', 'Balgobind', 'Jadnanansing', 'Ramlal', 'Biharie', 'Sitaldin', 'Kromodimedjo', 'Amatdjais', 'Lie A Fong', 'Nelom', 'Tjon', 'Redjosentono', 'Wongsodikromo'],
  },
  an: {
    male: ['Giovanni', 'Ryan', 'Jurgen', 'Shurandy', 'Raymond', 'Edsel', 'Rignald', 'Jeandrick', 'Orlando', 'Curtley', 'Eugene', 'Ruthmar'],
    female: ['Shirley', 'Jomaira', 'Giselle', 'Rosemary', 'Sharline', 'Lisette', 'Yanaisa', 'Chanella', 'Mildred', 'Jacqueline', 'Sherida', 'Roxanne'],
    family: ['Martina', 'Doran', 'Statia', 'Isenia', 'Girigorie', 'Leito', 'Rosario', 'Cijntje', 'Maduro', 'Koeiman', 'Wawoe', 'Francisca', 'Silberie', 'Constancia'],
  },
  ar: {
    male: ['Ahmad', 'Omar', 'Khaled', 'Mahmoud', 'Rami', 'Mohammad', 'Ali', 'Hassan', 'Yaser', 'Samer', 'Bashar', 'Abdullah', 'Firas', 'Tarek', 'Nizar', 'Mazen'],
    female: ['Hiba', 'Rania', 'Lina', 'Nour', 'Amal', 'Rasha', 'Fatima', 'Reem', 'Dima', 'Alaa', 'Yara', 'Maha', 'Ghada', 'Huda', 'Sara', 'Zeinab'],
    family: ['Al Hassan', 'Alkhalil', 'Haddad', 'Khatib', 'Mansour', 'Al Ali', 'Darwish', 'Hamdan', 'Ibrahim', 'Saleh', 'Al Masri', 'Youssef', 'Habib', 'Nasser', 'Othman', 'Al Ahmad', 'Suleiman', 'Kassem'],
  },
  er: {
    male: ['Yonas', 'Tesfay', 'Filmon', 'Dawit', 'Robel', 'Samuel', 'Mehari', 'Biniam', 'Amanuel', 'Henok', 'Yohannes', 'Kibrom'],
    female: ['Selam', 'Helen', 'Senait', 'Saba', 'Luwam', 'Ruta', 'Feven', 'Winta', 'Semhar', 'Hiwet', 'Eden', 'Tsega'],
    family: ['Tesfamariam', 'Ghebremedhin', 'Kidane', 'Berhe', 'Haile', 'Tekle', 'Gebremichael', 'Abraha', 'Woldu', 'Habte', 'Mebrahtu', 'Asmerom', 'Yemane', 'Negash'],
  },
  so: {
    male: ['Abdi', 'Mohamud', 'Abdirahman', 'Hassan', 'Ahmed', 'Yusuf', 'Abdullahi', 'Omar', 'Ismail', 'Mahad', 'Liban', 'Bashir'],
    female: ['Hodan', 'Faduma', 'Hawa', 'Sahra', 'Amina', 'Ifrah', 'Khadra', 'Halima', 'Ubah', 'Nasra', 'Ayan', 'Deeqa'],
    family: ['Abdullahi', 'Warsame', 'Farah', 'Osman', 'Hussein', 'Jama', 'Abdi', 'Nur', 'Ali', 'Mohamed', 'Aden', 'Elmi', 'Guled', 'Hirsi'],
  },
  af: {
    male: ['Ali', 'Reza', 'Hamid', 'Farid', 'Ahmad', 'Mehdi', 'Hossein', 'Jawad', 'Mansour', 'Navid', 'Omid', 'Sohrab', 'Karim', 'Nasir', 'Wahid', 'Behzad'],
    female: ['Zahra', 'Maryam', 'Fereshta', 'Parisa', 'Shirin', 'Roya', 'Nasrin', 'Leila', 'Mina', 'Soraya', 'Farzana', 'Nargis', 'Setareh', 'Homa', 'Mahsa', 'Azadeh'],
    family: ['Ahmadi', 'Hosseini', 'Rahimi', 'Karimi', 'Mohammadi', 'Sultani', 'Noori', 'Rezaei', 'Sadat', 'Hashemi', 'Jafari', 'Amiri', 'Azizi', 'Habibi', 'Rasuli', 'Naderi'],
  },
  pl: {
    male: ['Piotr', 'Krzysztof', 'Tomasz', 'Marek', 'Paweł', 'Michał', 'Andrzej', 'Łukasz', 'Grzegorz', 'Dariusz', 'Oleksandr', 'Serhii', 'Jakub', 'Mateusz'],
    female: ['Agnieszka', 'Katarzyna', 'Anna', 'Magdalena', 'Joanna', 'Monika', 'Ewa', 'Małgorzata', 'Olena', 'Iryna', 'Natalia', 'Justyna', 'Beata', 'Dorota'],
    family: ['Kowalski', 'Nowak', 'Wiśniewski', 'Lewandowski', 'Wójcik', 'Kamiński', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Mazur', 'Kovalenko', 'Shevchenko', 'Bondarenko', 'Krawczyk'],
  },
  ro: {
    male: ['Andrei', 'Ionuț', 'Mihai', 'Florin', 'Gheorghe', 'Marius', 'Cristian', 'Adrian', 'Bogdan', 'Vasile', 'Daniel', 'Alexandru'],
    female: ['Ioana', 'Elena', 'Maria', 'Andreea', 'Mihaela', 'Alina', 'Cristina', 'Gabriela', 'Daniela', 'Roxana', 'Florentina', 'Simona'],
    family: ['Popescu', 'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Stoica', 'Gheorghe', 'Matei', 'Ciobanu', 'Rusu', 'Munteanu', 'Constantin', 'Lungu', 'Marin'],
  },
  bg: {
    male: ['Ivan', 'Georgi', 'Nikolai', 'Dimitar', 'Stoyan', 'Petar', 'Hristo', 'Todor', 'Angel', 'Yordan', 'Emil', 'Plamen'],
    female: ['Maria', 'Elena', 'Ivanka', 'Desislava', 'Milena', 'Galina', 'Silvia', 'Rositsa', 'Teodora', 'Petya', 'Svetla', 'Yana'],
    family: ['Dimitrov', 'Georgiev', 'Petrov', 'Ivanov', 'Nikolov', 'Stoyanov', 'Todorov', 'Hristov', 'Angelov', 'Iliev', 'Kolev', 'Yordanov', 'Mehmedov', 'Asenov'],
  },
  de: {
    male: ['Thomas', 'Stefan', 'Lukas', 'Michael', 'Jürgen', 'Klaus', 'Andreas', 'Markus', 'Tobias', 'Christian', 'Uwe', 'Florian'],
    female: ['Julia', 'Sabine', 'Katrin', 'Claudia', 'Ursula', 'Stefanie', 'Anke', 'Birgit', 'Melanie', 'Jana', 'Heike', 'Laura'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Wolf', 'Neumann'],
  },
  en: {
    male: ['James', 'David', 'Daniel', 'Michael', 'Kwame', 'Kofi', 'Emmanuel', 'Richard', 'Paul', 'George', 'Samuel', 'Joseph'],
    female: ['Sarah', 'Emily', 'Grace', 'Akosua', 'Abena', 'Charlotte', 'Rebecca', 'Hannah', 'Esther', 'Patience', 'Victoria', 'Joanne'],
    family: ['Smith', 'Wilson', 'Brown', 'Taylor', 'Mensah', 'Owusu', 'Boateng', 'Asante', 'Evans', 'Walker', 'Appiah', 'Roberts', 'Osei', 'Clarke'],
  },
  id: {
    male: ['Hendrik', 'Rudy', 'Budi', 'Agus', 'Eddy', 'Robert', 'Frans', 'Wim', 'Hengky', 'Johnny'],
    female: ['Dewi', 'Sri', 'Yolanda', 'Ineke', 'Wati', 'Lies', 'Rita', 'Mieke', 'Tjitske', 'Intan'],
    family: ['Sutanto', 'Wijaya', 'Tan', 'Pattiasina', 'Latuheru', 'Soumokil', 'Manuputty', 'Hehanussa', 'van der Kroef', 'Siahaya', 'Tuhumury', 'Pesulima'],
  },
  cn: {
    male: ['Wei', 'Jun', 'Hao', 'Ming', 'Jian', 'Lei', 'Kai', 'Bo', 'Tao', 'Yong'],
    female: ['Mei', 'Li', 'Xiu', 'Hui', 'Yan', 'Ling', 'Fang', 'Jing', 'Ying', 'Xia'],
    family: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Lin', 'Huang', 'Wu', 'Zhou', 'Cheung', 'Yeung', 'Lam'],
  },
  west: {
    male: ['João', 'Pedro', 'Miguel', 'Carlos', 'José', 'Antonio', 'Javier', 'Luis', 'Rui', 'Pablo'],
    female: ['Ana', 'Maria', 'Sofia', 'Carmen', 'Lucia', 'Beatriz', 'Inês', 'Marta', 'Rosa', 'Teresa'],
    family: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'García', 'Fernández', 'López', 'Martínez', 'Rodrigues', 'Costa', 'Sánchez'],
  },
};

/** Polish and Bulgarian family names have a female form. */
function femaleForm(group: NameGroup, family: string): string {
  if (group === 'pl') return family.replace(/ski$/, 'ska').replace(/cki$/, 'cka').replace(/dzki$/, 'dzka');
  if (group === 'bg') return family.replace(/(ov|ev)$/, '$1a');
  return family;
}

function dutchGiven(rnd: Random, female: boolean, birthYear: number): string {
  const era = birthYear < 1972 ? DUTCH_OLDER : birthYear < 1993 ? DUTCH_MIDDLE : DUTCH_YOUNG;
  return rnd.pick(female ? era.female : era.male);
}

/** The name lists used for a country's people. */
export function nameGroupList(group: NameGroup): NameList {
  return group === 'nl' ? { male: DUTCH_MIDDLE.male, female: DUTCH_MIDDLE.female, family: DUTCH_FAMILY } : LISTS[group];
}

/**
 * A given name and family name. `familyGroup` gives the family name; the given name comes from
 * `givenGroup` (for the second generation often Dutch). Gender 'anders'/'onbekend' picks either list.
 */
export function drawName(rnd: Random, opts: { givenGroup: NameGroup; familyGroup: NameGroup; gender: string; birthYear: number }): {
  given: string; family: string;
} {
  const female = opts.gender === 'vrouw' || (opts.gender !== 'man' && rnd.bernoulli(0.5));
  const given = opts.givenGroup === 'nl' ? dutchGiven(rnd, female, opts.birthYear) : rnd.pick(female ? LISTS[opts.givenGroup].female : LISTS[opts.givenGroup].male);
  const familyList = opts.familyGroup === 'nl' ? DUTCH_FAMILY : LISTS[opts.familyGroup].family;
  let family = rnd.pick(familyList);
  if (female) family = femaleForm(opts.familyGroup, family);
  return { given, family };
}

/** A Dutch-style display name for a member of staff. */
export function staffName(rnd: Random): string {
  const group = rnd.weighted<NameGroup>([['nl', 70], ['ma', 8], ['tr', 8], ['sr', 6], ['de', 2], ['pl', 3], ['ar', 3]]);
  const female = rnd.bernoulli(0.65);
  const { given, family } = drawName(rnd, { givenGroup: group, familyGroup: group, gender: female ? 'vrouw' : 'man', birthYear: rnd.int(1965, 1998) });
  return `${given} ${family}`;
}
