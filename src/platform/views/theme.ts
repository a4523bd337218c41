// The visual identity of each département Relais ships a demo for. Colours are checked for contrast
// (white text on the brand colour ≥ 4.5:1) in the theme test.
export interface Theme {
  departementCode: '35' | '13';
  departementName: string;
  /** « en Ille-et-Vilaine », « dans les Bouches-du-Rhône »: French needs the right preposition. */
  inDepartement: string;
  /** Shown in the header next to the service name, in place of a logo image. */
  logoText: string;
  serviceName: string;
  brandColour: string;
  /** Name of the compiled stylesheet in the asset manifest. */
  stylesheet: string;
}

export const themes: Record<'35' | '13', Theme> = {
  '35': {
    departementCode: '35',
    departementName: 'Ille-et-Vilaine',
    inDepartement: 'en Ille-et-Vilaine',
    logoText: 'Département d’Ille-et-Vilaine',
    serviceName: 'Relais',
    brandColour: '#00576b',
    stylesheet: 'relais-35.css',
  },
  '13': {
    departementCode: '13',
    departementName: 'Bouches-du-Rhône',
    inDepartement: 'dans les Bouches-du-Rhône',
    logoText: 'Département des Bouches-du-Rhône',
    serviceName: 'Relais',
    brandColour: '#1b4b8f',
    stylesheet: 'relais-13.css',
  },
};
