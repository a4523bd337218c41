// @socialgouv/jours-feries ships no types: the 11 French public holidays of a year, keyed by name.
declare module '@socialgouv/jours-feries' {
  export default function joursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
}
