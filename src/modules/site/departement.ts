// What the legal pages say about each département that runs Relais.
export interface DepartementInfo {
  /** « le département d’Ille-et-Vilaine » (lower case, for use inside a sentence). */
  name: string;
  /** The council's postal address, where rights requests and accessibility reports can be sent. */
  address: string[];
  website: string;
  /** Who hosts the service; set by the département when it puts Relais in production. */
  host?: { name: string; address: string } | undefined;
}

export const departements: Record<'35' | '13', DepartementInfo> = {
  '35': {
    name: 'le département d’Ille-et-Vilaine',
    address: ['Département d’Ille-et-Vilaine', 'Hôtel du Département', '1 avenue de la Préfecture', 'CS 24218', '35042 Rennes Cedex'],
    website: 'https://www.ille-et-vilaine.fr',
  },
  '13': {
    name: 'le département des Bouches-du-Rhône',
    address: ['Département des Bouches-du-Rhône', 'Hôtel du Département', '52 avenue de Saint-Just', '13256 Marseille Cedex 20'],
    website: 'https://www.departement13.fr',
  },
};

/** « Le département … » at the start of a sentence. */
export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
