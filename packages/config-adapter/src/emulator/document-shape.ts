/**
 * The document a Guard policy sees for one proactive evaluation. `config-item` is the shape
 * Config custom policy rules are written against (the hypothesis the seed scenario supports);
 * `properties` is the CloudFormation `Properties` object as sent.
 */
export type DocumentShape = 'config-item' | 'properties';

export type ConfigItemProjector = (resourceType: string, logicalId: string, properties: unknown) => unknown;

export function buildDocument(shape: DocumentShape, projector: ConfigItemProjector, resourceType: string, resourceId: string, properties: unknown): unknown {
  return shape === 'properties' ? properties : projector(resourceType, resourceId, properties);
}
