/** The one shape of an id in content files: short, lower-case, stable (saved progress is keyed by ids). */
import { z } from 'zod';

export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (for example "p01")');
