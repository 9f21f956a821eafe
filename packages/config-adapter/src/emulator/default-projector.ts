/**
 * The CloudFormation -> configuration item projection both sides of a comparison use by default:
 * the project's own (src/projection/), reduced to the document.
 */
import type { ConfigItemProjector } from './document-shape.js';
import type { JsonValue } from '../projection/json.js';
import { projectToConfigItem } from '../projection/project-config-item.js';

export const defaultProjector: ConfigItemProjector = (resourceType, logicalId, properties) =>
  projectToConfigItem(resourceType, logicalId, (properties ?? {}) as JsonValue).document;
