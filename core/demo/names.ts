/**
 * Word lists for the sample business: first names and surnames (with the accents real books
 * are full of, so search folding gets exercised), company words, trades and towns. Names are
 * grouped by where they are common, so a British book reads British with the mix of names a
 * British high street actually has, and an Irish, German or French book reads likewise.
 */

export type NamePool = { first: readonly string[]; last: readonly string[] };

/** The countries the sample book has addresses, phone numbers and tax ids for. */
export type DemoCountry = 'GB' | 'IE' | 'DE' | 'FR' | 'US';

export const BRITISH: NamePool = {
  first: [
    'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Thomas', 'Oscar', 'William',
    'James', 'Henry', 'Leo', 'Alfie', 'Joshua', 'Freddie', 'Archie', 'Ethan', 'Isaac', 'Alexander',
    'Daniel', 'Samuel', 'Joseph', 'Max', 'Lucas', 'Mohammed', 'Logan', 'Edward', 'Reuben', 'Toby',
    'Stephen', 'Paul', 'Mark', 'David', 'Richard', 'Gareth', 'Rhys', 'Dafydd', 'Callum', 'Hamish',
    'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophia', 'Grace', 'Mia', 'Poppy', 'Ella',
    'Lily', 'Evie', 'Isabella', 'Charlotte', 'Jessica', 'Daisy', 'Freya', 'Florence', 'Ruby', 'Phoebe',
    'Sarah', 'Emma', 'Rachel', 'Helen', 'Karen', 'Joanne', 'Nicola', 'Siân', 'Carys', 'Eilidh',
    'Zoë', 'Chloë', 'Naomi', 'Imogen', 'Harriet', 'Beth', 'Megan', 'Lauren', 'Hannah', 'Abigail',
  ],
  last: [
    'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
    'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
    'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill',
    'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen',
    'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths',
    'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy',
    'Campbell', 'MacDonald', 'McKenzie', 'Fraser', 'Ferguson', 'Llewellyn', 'ap Rhys', 'Brontë', 'Smith-Jones', 'Ashworth',
  ],
};

/** Names a British, Irish or French high street also has: South Asian, Polish, West African, Caribbean, Turkish… */
export const DIVERSE: NamePool = {
  first: [
    'Priya', 'Aisha', 'Fatima', 'Amira', 'Zainab', 'Anjali', 'Sunita', 'Deepak', 'Arjun', 'Rahul',
    'Imran', 'Bilal', 'Omar', 'Yusuf', 'Hassan', 'Kwame', 'Chidi', 'Ngozi', 'Adaeze', 'Tunde',
    'Oluwaseun', 'Femi', 'Kofi', 'Ama', 'Łukasz', 'Paweł', 'Agnieszka', 'Małgorzata', 'Krzysztof', 'Zofia',
    'Tomasz', 'Wojciech', 'Mehmet', 'Elif', 'Ayşe', 'Gökhan', 'Nguyễn', 'Mei', 'Wei', 'Hiroshi',
    'Dmitri', 'Ioana', 'Andrei', 'Marta', 'Lucía', 'José', 'Sofía', 'João', 'Inês', 'Chiara',
  ],
  last: [
    'Shah', 'Khan', 'Ahmed', 'Ali', 'Hussain', 'Begum', 'Singh', 'Kaur', 'Sharma', 'Chaudhry',
    'Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Nwosu', 'Balogun', 'Asante', 'Kowalski', 'Nowak', 'Wiśniewski',
    'Wójcik', 'Lewandowski', 'Zieliński', 'Yılmaz', 'Demir', 'Çelik', 'Öztürk', 'Nguyen', 'Tran', 'Chen',
    'Wang', 'Li', 'Tanaka', 'Popescu', 'Ionescu', 'García', 'Fernández', 'Gonçalves', 'Rossi', 'Russo',
  ],
};

export const IRISH: NamePool = {
  first: [
    'Seán', 'Conor', 'Cian', 'Darragh', 'Oisín', 'Pádraig', 'Eoin', 'Ciarán', 'Tadhg', 'Fionn',
    'Liam', 'Niall', 'Declan', 'Colm', 'Ruairí', 'Diarmuid', 'Donal', 'Brendan', 'Cathal', 'Rónán',
    'Siobhán', 'Aoife', 'Niamh', 'Saoirse', 'Caoimhe', 'Róisín', 'Orla', 'Gráinne', 'Síle', 'Clodagh',
    'Aisling', 'Méabh', 'Sinéad', 'Éabha', 'Ciara', 'Deirdre', 'Máire', 'Úna', 'Bríd', 'Nuala',
  ],
  last: [
    'Murphy', 'Kelly', "O'Sullivan", 'Walsh', "O'Brien", 'Byrne', 'Ryan', "O'Connor", "O'Neill", 'Doyle',
    'McCarthy', 'Gallagher', "O'Doherty", 'Kennedy', 'Lynch', 'Murray', 'Quinn', 'Moore', 'McLoughlin', 'Carroll',
    'Connolly', 'Daly', "O'Connell", 'Dunne', 'Brennan', 'Burke', 'Collins', 'Flanagan', 'Ó Súilleabháin', 'Mac Giolla Phádraig',
    'Ní Bhriain', 'Ó Murchú', 'Fitzgerald', 'Nolan', 'Costello', 'Power', 'Sheehan', 'Kavanagh', 'Moriarty', 'Keane',
  ],
};

export const GERMAN: NamePool = {
  first: [
    'Lukas', 'Leon', 'Finn', 'Jonas', 'Elias', 'Paul', 'Felix', 'Maximilian', 'Jürgen', 'Günther',
    'Klaus', 'Stefan', 'Matthias', 'Andreas', 'Thomas', 'Michael', 'Wolfgang', 'Uwe', 'Jörg', 'Björn',
    'Mia', 'Emma', 'Hannah', 'Lea', 'Lena', 'Sophie', 'Marie', 'Anna', 'Jana', 'Katrin',
    'Sabine', 'Ursula', 'Monika', 'Petra', 'Birgit', 'Gisela', 'Jördis', 'Anke', 'Franziska', 'Käthe',
  ],
  last: [
    'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
    'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
    'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann',
    'Köhler', 'Groß', 'Weiß', 'Jäger', 'Böhm', 'Günther', 'Vogel', 'Friedrich', 'Keller', 'von Bülow',
  ],
};

export const FRENCH: NamePool = {
  first: [
    'Gabriel', 'Louis', 'Raphaël', 'Jules', 'Adam', 'Lucas', 'Léo', 'Hugo', 'Arthur', 'Nathan',
    'Théo', 'Mathéo', 'Noé', 'Étienne', 'François', 'Jérôme', 'Sébastien', 'Frédéric', 'Benoît', 'Loïc',
    'Jade', 'Louise', 'Emma', 'Alice', 'Chloé', 'Léa', 'Manon', 'Inès', 'Léna', 'Zoé',
    'Camille', 'Élodie', 'Hélène', 'Cécile', 'Véronique', 'Amélie', 'Renée', 'Maëlle', 'Anaïs', 'Agnès',
  ],
  last: [
    'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
    'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
    'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Müller', 'Lefebvre', 'Faure', 'André',
    'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Légaré', "D'Aubigné", 'Hébert',
  ],
};

export const AMERICAN: NamePool = {
  first: [
    'Liam', 'Noah', 'Elijah', 'James', 'Benjamin', 'Mason', 'Ethan', 'Logan', 'Jackson', 'Aiden',
    'Carlos', 'Diego', 'Mateo', 'Dwayne', 'Tyrone', 'Brandon', 'Kevin', 'Ryan', 'Tyler', 'Austin',
    'Olivia', 'Emma', 'Ava', 'Sophia', 'Isabella', 'Madison', 'Abigail', 'Harper', 'Brianna', 'Jasmine',
    'Ashley', 'Jennifer', 'Megan', 'Kayla', 'Destiny', 'Guadalupe', 'Ximena', 'María', 'Valentina', 'Renée',
  ],
  last: [
    'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
    'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
    'Lee', 'Pérez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramírez', 'Lewis', 'Robinson',
    'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Nguyen', 'Kim', 'Washington', "O'Hara",
  ],
};

/** A trade: its name in a business name, by language, and the tag it gives its customers. */
export type Trade = { en: string; de: string; fr: string; tag: string };

export const TRADES: readonly Trade[] = [
  { en: 'Plumbing', de: 'Sanitär', fr: 'Plomberie', tag: 'plumbing' },
  { en: 'Heating', de: 'Heizungsbau', fr: 'Chauffage', tag: 'heating' },
  { en: 'Electrical', de: 'Elektro', fr: 'Électricité', tag: 'electrical' },
  { en: 'Joinery', de: 'Schreinerei', fr: 'Menuiserie', tag: 'joinery' },
  { en: 'Roofing', de: 'Dachdeckerei', fr: 'Couverture', tag: 'roofing' },
  { en: 'Building', de: 'Bau', fr: 'Bâtiment', tag: 'building' },
  { en: 'Decorating', de: 'Malerbetrieb', fr: 'Peinture', tag: 'decorating' },
  { en: 'Landscapes', de: 'Gartenbau', fr: 'Paysages', tag: 'landscaping' },
  { en: 'Catering', de: 'Catering', fr: 'Traiteur', tag: 'catering' },
  { en: 'Bakery', de: 'Bäckerei', fr: 'Boulangerie', tag: 'bakery' },
  { en: 'Florist', de: 'Blumen', fr: 'Fleurs', tag: 'florist' },
  { en: 'Hair & Beauty', de: 'Friseursalon', fr: 'Coiffure', tag: 'salon' },
  { en: 'Barbers', de: 'Barbier', fr: 'Barbier', tag: 'barber' },
  { en: 'Motors', de: 'Autohaus', fr: 'Garage', tag: 'garage' },
  { en: 'Tyres', de: 'Reifendienst', fr: 'Pneus', tag: 'garage' },
  { en: 'Print', de: 'Druckerei', fr: 'Imprimerie', tag: 'printing' },
  { en: 'Cleaning', de: 'Gebäudereinigung', fr: 'Nettoyage', tag: 'cleaning' },
  { en: 'Events', de: 'Veranstaltungen', fr: 'Événements', tag: 'events' },
  { en: 'Tiling', de: 'Fliesenleger', fr: 'Carrelage', tag: 'tiling' },
  { en: 'Locksmiths', de: 'Schlüsseldienst', fr: 'Serrurerie', tag: 'locksmith' },
  { en: 'IT Services', de: 'IT-Service', fr: 'Informatique', tag: 'it-support' },
  { en: 'Removals', de: 'Umzüge', fr: 'Déménagements', tag: 'removals' },
  { en: 'Dental', de: 'Zahnarztpraxis', fr: 'Cabinet dentaire', tag: 'dental' },
  { en: 'Veterinary', de: 'Tierarztpraxis', fr: 'Clinique vétérinaire', tag: 'vet' },
  { en: 'Café', de: 'Café', fr: 'Café', tag: 'hospitality' },
  { en: 'Kitchens', de: 'Küchenstudio', fr: 'Cuisines', tag: 'kitchens' },
  { en: 'Glazing', de: 'Glaserei', fr: 'Vitrerie', tag: 'glazing' },
  { en: 'Scaffolding', de: 'Gerüstbau', fr: 'Échafaudages', tag: 'scaffolding' },
  { en: 'Accountancy', de: 'Steuerberatung', fr: 'Expertise comptable', tag: 'accountancy' },
  { en: 'Photography', de: 'Fotostudio', fr: 'Photographie', tag: 'photography' },
];

/** Words businesses name themselves with, before the trade: "Riverside Plumbing Ltd". */
export const COMPANY_WORDS: readonly string[] = [
  'Riverside', 'Oakwood', 'Northgate', 'Hillcrest', 'Greenway', 'Meadow', 'Kingfisher', 'Phoenix', 'Summit', 'Harbour',
  'Millbrook', 'Ashford', 'Beacon', 'Cornerstone', 'Crown', 'Evergreen', 'Fairview', 'Foxglove', 'Granite', 'Heron',
  'Ivy', 'Juniper', 'Keystone', 'Lakeside', 'Maple', 'Bluebell', 'Orchard', 'Pinnacle', 'Quayside', 'Redwood',
  'Silverline', 'Thistle', 'Unity', 'Valley', 'Willow', 'Yew Tree', 'Zenith', 'Alpha', 'Bright', 'Castle',
  'Premier', 'Swift', 'Express', 'Elite', 'Classic', 'Village', 'Market', 'Station', 'Bridge', 'Acorn',
];

/** Small things that make a note look like a real one. */
export const NOTES: readonly string[] = [
  'Prefers a call after 5pm.',
  'Always asks for a VAT receipt.',
  'Parking at the back; ring the side bell.',
  'Referred by a neighbour.',
  'Pays by bank transfer on Fridays.',
  'Allergic to latex — check products.',
  'Spouse also a customer.',
  'Wants quotes in writing before any work.',
  'Dog on site, friendly.',
  'Accounts dept handles invoices, not the owner.',
  'Likes early morning appointments.',
  'Has asked not to be contacted on Sundays.',
];

/** Streets, by the country whose addresses they make. */
export const STREETS: Readonly<Record<DemoCountry, readonly string[]>> = {
  GB: [
    'High Street', 'Station Road', 'Church Lane', 'Mill Lane', 'Victoria Road', 'Park Avenue', 'The Crescent', 'Queen Street',
    'Manor Road', 'Kingsway', 'Chapel Street', 'Orchard Close', 'London Road', 'Green Lane', 'Windsor Drive', 'Albert Terrace',
  ],
  IE: [
    'Main Street', 'Church Road', 'Bridge Street', 'Strand Road', 'Patrick Street', 'Castle Street', 'Bóthar na Trá', 'Sráid an Mhuilinn',
    'Dublin Road', 'Mary Street', 'Abbey Street', 'Sea Road',
  ],
  DE: [
    'Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Schulstraße', 'Kirchgasse', 'Lindenallee', 'Am Markt', 'Goethestraße',
    'Schillerplatz', 'Bergstraße', 'Mühlenweg', 'Friedrich-Ebert-Straße',
  ],
  FR: [
    'rue de la République', 'avenue Jean Jaurès', 'place du Marché', 'rue Victor Hugo', 'boulevard Pasteur', 'rue des Écoles',
    'chemin des Vignes', "rue de l'Église", 'allée des Tilleuls', 'quai de la Loire',
  ],
  US: [
    'Main St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Elm St', 'Washington Blvd', 'Park Pl', 'Lakeview Rd', 'Sunset Blvd', '2nd St',
  ],
};

/** Towns with the start of their postcodes: [town, postcode area / prefix, region]. */
export type Town = readonly [town: string, postcodePrefix: string, region: string];

export const TOWNS: Readonly<Record<DemoCountry, readonly Town[]>> = {
  GB: [
    ['Leeds', 'LS', 'West Yorkshire'], ['York', 'YO', 'North Yorkshire'], ['Bristol', 'BS', ''], ['Manchester', 'M', ''],
    ['Birmingham', 'B', 'West Midlands'], ['Sheffield', 'S', 'South Yorkshire'], ['Norwich', 'NR', 'Norfolk'], ['Exeter', 'EX', 'Devon'],
    ['Cardiff', 'CF', ''], ['Swansea', 'SA', ''], ['Aberystwyth', 'SY', 'Ceredigion'], ['Edinburgh', 'EH', ''],
    ['Glasgow', 'G', ''], ['Aberdeen', 'AB', ''], ['Inverness', 'IV', 'Highland'], ['Belfast', 'BT', 'County Antrim'],
    ['Oxford', 'OX', 'Oxfordshire'], ['Cambridge', 'CB', 'Cambridgeshire'], ['Brighton', 'BN', 'East Sussex'], ['Canterbury', 'CT', 'Kent'],
    ['Bath', 'BA', 'Somerset'], ['Chester', 'CH', 'Cheshire'], ['Durham', 'DH', 'County Durham'], ['Harrogate', 'HG', 'North Yorkshire'],
    ['Newcastle upon Tyne', 'NE', 'Tyne and Wear'], ['Nottingham', 'NG', 'Nottinghamshire'], ['Leicester', 'LE', 'Leicestershire'], ['Penzance', 'TR', 'Cornwall'],
    ['London', 'N', ''], ['London', 'SE', ''], ['London', 'E', ''], ['Milton Keynes', 'MK', 'Buckinghamshire'],
  ],
  IE: [
    ['Dublin 2', 'D02', 'County Dublin'], ['Dublin 8', 'D08', 'County Dublin'], ['Cork', 'T12', 'County Cork'], ['Galway', 'H91', 'County Galway'],
    ['Limerick', 'V94', 'County Limerick'], ['Waterford', 'X91', 'County Waterford'], ['Kilkenny', 'R95', 'County Kilkenny'], ['Sligo', 'F91', 'County Sligo'],
    ['Dún Laoghaire', 'A96', 'County Dublin'], ['Tralee', 'V92', 'County Kerry'], ['Athlone', 'N37', 'County Westmeath'], ['Drogheda', 'A92', 'County Louth'],
  ],
  DE: [
    ['Berlin', '10', 'Berlin'], ['Hamburg', '20', 'Hamburg'], ['München', '80', 'Bayern'], ['Köln', '50', 'Nordrhein-Westfalen'],
    ['Düsseldorf', '40', 'Nordrhein-Westfalen'], ['Frankfurt am Main', '60', 'Hessen'], ['Stuttgart', '70', 'Baden-Württemberg'], ['Freiburg im Breisgau', '79', 'Baden-Württemberg'],
    ['Nürnberg', '90', 'Bayern'], ['Leipzig', '04', 'Sachsen'], ['Dresden', '01', 'Sachsen'], ['Lübeck', '23', 'Schleswig-Holstein'],
    ['Münster', '48', 'Nordrhein-Westfalen'], ['Göttingen', '37', 'Niedersachsen'], ['Würzburg', '97', 'Bayern'], ['Bremen', '28', 'Bremen'],
  ],
  FR: [
    ['Paris', '75', 'Île-de-France'], ['Lyon', '69', 'Auvergne-Rhône-Alpes'], ['Marseille', '13', "Provence-Alpes-Côte d'Azur"], ['Nantes', '44', 'Pays de la Loire'],
    ['Besançon', '25', 'Bourgogne-Franche-Comté'], ['Orléans', '45', 'Centre-Val de Loire'], ['Rennes', '35', 'Bretagne'], ['Lille', '59', 'Hauts-de-France'],
    ['Bordeaux', '33', 'Nouvelle-Aquitaine'], ['Toulouse', '31', 'Occitanie'], ['Nîmes', '30', 'Occitanie'], ['Strasbourg', '67', 'Grand Est'],
    ['Angoulême', '16', 'Nouvelle-Aquitaine'], ['Saint-Étienne', '42', 'Auvergne-Rhône-Alpes'], ['Caen', '14', 'Normandie'], ['Grenoble', '38', 'Auvergne-Rhône-Alpes'],
  ],
  US: [
    ['Springfield', '627', 'IL'], ['Portland', '972', 'OR'], ['Austin', '787', 'TX'], ['Boston', '021', 'MA'],
    ['Denver', '802', 'CO'], ['Seattle', '981', 'WA'], ['Albuquerque', '871', 'NM'], ['Savannah', '314', 'GA'],
    ['Madison', '537', 'WI'], ['Burlington', '054', 'VT'], ['Santa Fe', '875', 'NM'], ['Asheville', '288', 'NC'],
  ],
};

/** Who runs the sample business when the caller brings no team. */
export const DEFAULT_TEAM: readonly { name: string; role: 'owner' | 'manager' | 'staff' }[] = [
  { name: 'Margaret Doyle', role: 'owner' },
  { name: 'Tomás Okafor', role: 'manager' },
  { name: 'Priya Shah', role: 'staff' },
];
