import { Entity } from './entity.js';
import type { PropertyName, SchemaName } from './schemata.js';

let counter = 0;

/**
 * Test factory: `e('Person', { name: 'John Doe', birthDate: '1975' })`. Single values may be given
 * without an array. Only for tests.
 */
export function e(
  schema: SchemaName,
  properties: Partial<Record<PropertyName, string | readonly string[]>>,
  id?: string,
): Entity {
  counter += 1;
  const props: Partial<Record<PropertyName, readonly string[]>> = {};
  for (const [key, value] of Object.entries(properties) as [
    PropertyName,
    string | readonly string[],
  ][]) {
    props[key] = typeof value === 'string' ? [value] : value;
  }
  return Entity.create({
    id: id ?? `test:${counter}`,
    schema,
    properties: props,
    datasets: ['test'],
    source: { file: 'test' },
  });
}
