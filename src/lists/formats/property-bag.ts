import type { PropertyName } from '../../model/schemata.js';

/**
 * A record's property values while it is read. A Map, not an object: a record gets a dozen or so
 * property keys in varying order, which would push a plain object into V8's dictionary mode and
 * make every `add` a megamorphic keyed store. `Entity.create` takes the Map as it is.
 */
export type PropertyBag = Map<PropertyName, string[]>;

/** Appends a value; absent and empty values are skipped (`Entity.create` would drop them anyway). */
export function addValue(bag: PropertyBag, key: PropertyName, value: string | undefined): void {
  if (value === undefined || value === '') return;
  const values = bag.get(key);
  if (values === undefined) bag.set(key, [value]);
  else values.push(value);
}
