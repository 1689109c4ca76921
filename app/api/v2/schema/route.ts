import { handle, json } from '@/lib/api/http';
import { configSchema } from '@/lib/schema/schema';
import { UI_SECTIONS } from '@/lib/fieldgroups/ui-keys';
import ui from '@/schema/ui.json';

export const dynamic = 'force-static';

/** Quay's config JSON schema, the wizard's UI metadata and its sections. */
export const GET = handle(async () => json({ schema: configSchema, ui, sections: UI_SECTIONS }));
