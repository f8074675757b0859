// What the exported site says around the records, in the languages adr-wizard writes ADRs in.
import type { Lang } from '../../core/types.js';

export interface SiteWords {
  title: string;
  records: string;
  graph: string;
  timeline: string;
  skip: string;
  siteNav: string;
  exported(version: string, generated: string): string;
  count(n: number): string;
  filterRecords: string;
  search: string;
  status: string;
  tree: string;
  tag: string;
  tags: string;
  date: string;
  titleCol: string;
  all: string;
  noTree: string;
  clear: string;
  noMatch: string;
  /** `{n}` and `{total}` are filled in by the page's script. */
  shown: string;
  links: string;
  missing(n: number): string;
  superseded: string;
  deprecated: string;
  replacedBy: string;
  supersededBy: string;
  previous: string;
  next: string;
  prevNext: string;
  diagramNotDrawn: string;
  graphNotDrawn: string;
  tooManyRelations: string;
  relationsLinked: string;
  noRelations: string;
  undated: string;
}

const EN: SiteWords = {
  title: 'Architecture decision records',
  records: 'Records',
  graph: 'Decision graph',
  timeline: 'Timeline',
  skip: 'Skip to content',
  siteNav: 'Site',
  exported: (v, d) => `Exported by adr-wizard ${v} on ${d}.`,
  count: (n) => `${n} record${n === 1 ? '' : 's'}`,
  filterRecords: 'Filter records',
  search: 'Search',
  status: 'Status',
  tree: 'Tree',
  tag: 'Tag',
  tags: 'Tags',
  date: 'Date',
  titleCol: 'Title',
  all: 'All',
  noTree: 'none',
  clear: 'Clear',
  noMatch: 'No record matches.',
  shown: '{n} of {total} records shown.',
  links: 'Links',
  missing: (n) => `${n} (no such file)`,
  superseded: 'Superseded.',
  deprecated: 'Deprecated.',
  replacedBy: 'Replaced by',
  supersededBy: 'superseded by',
  previous: 'Previous:',
  next: 'Next:',
  prevNext: 'Previous and next record',
  diagramNotDrawn: 'This diagram could not be drawn when the site was built; its Mermaid source follows.',
  graphNotDrawn: 'This part of the graph could not be drawn when the site was built; its relations:',
  tooManyRelations: 'Too many relations to draw in one diagram:',
  relationsLinked: 'Relations, with links to the records',
  noRelations: 'No record links to another.',
  undated: 'No date',
};

const ES: SiteWords = {
  title: 'Registros de decisiones de arquitectura',
  records: 'Registros',
  graph: 'Grafo de decisiones',
  timeline: 'Cronología',
  skip: 'Ir al contenido',
  siteNav: 'Sitio',
  exported: (v, d) => `Exportado por adr-wizard ${v} el ${d}.`,
  count: (n) => `${n} registro${n === 1 ? '' : 's'}`,
  filterRecords: 'Filtrar registros',
  search: 'Buscar',
  status: 'Estado',
  tree: 'Árbol',
  tag: 'Etiqueta',
  tags: 'Etiquetas',
  date: 'Fecha',
  titleCol: 'Título',
  all: 'Todos',
  noTree: 'ninguno',
  clear: 'Limpiar',
  noMatch: 'Ningún registro coincide.',
  shown: 'Se muestran {n} de {total} registros.',
  links: 'Enlaces',
  missing: (n) => `${n} (no existe el archivo)`,
  superseded: 'Reemplazada.',
  deprecated: 'Obsoleta.',
  replacedBy: 'La reemplaza',
  supersededBy: 'reemplazada por',
  previous: 'Anterior:',
  next: 'Siguiente:',
  prevNext: 'Registro anterior y siguiente',
  diagramNotDrawn: 'Este diagrama no se pudo dibujar al generar el sitio; sigue su código Mermaid.',
  graphNotDrawn: 'Esta parte del grafo no se pudo dibujar al generar el sitio; sus relaciones:',
  tooManyRelations: 'Demasiadas relaciones para un solo diagrama:',
  relationsLinked: 'Relaciones, con enlaces a los registros',
  noRelations: 'Ningún registro enlaza con otro.',
  undated: 'Sin fecha',
};

export function siteWords(lang: Lang): SiteWords {
  return lang === 'es' ? ES : EN;
}
