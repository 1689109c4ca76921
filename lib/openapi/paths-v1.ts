import { archiveResponse, bundleRequestBody } from './bundle-media';
import { jsonResponse, responseRef, schemaRef, type PathItem } from './types';

const tags = ['config-tool compatible (v1)'];

/** quay/config-tool's editor API (quay-config-tool.md §2), with its bugs fixed. */
export const v1Paths: Record<string, PathItem> = {
  '/api/v1/config': {
    get: {
      operationId: 'getConfigBundle',
      summary: 'The mounted bundle, or the setup defaults',
      description: "200 with the bundle preloaded with --config-dir; 202 with config-tool's 56 setup defaults when none is mounted.",
      tags,
      responses: {
        '200': jsonResponse('The mounted bundle.', 'ConfigBundle'),
        '202': jsonResponse('No bundle mounted: a setup session with the default keys.', 'ConfigBundle'),
        '401': responseRef('Unauthorized'),
        '422': responseRef('UnprocessableEntity'),
      },
    },
  },
  '/api/v1/config/validate': {
    post: {
      operationId: 'validateConfigBundleV1',
      summary: "Validate a bundle, config-tool's answer shape",
      description: 'The error findings only, as `[{FieldGroup, Tags, Message}]`; `[]` means valid. An invalid config is a 200.',
      tags,
      parameters: [
        {
          name: 'mode',
          in: 'query',
          description: 'config-tool modes: `online` (default) and `setup` run the probes; `offline` and `testing` only the rules.',
          schema: { type: 'string', enum: ['online', 'setup', 'offline', 'testing'], default: 'online' },
        },
      ],
      requestBody: bundleRequestBody('ConfigBundle', 'The bundle to validate.'),
      responses: {
        '200': jsonResponse('Error findings; empty when valid.', { type: 'array', items: schemaRef('ConfigToolError') }),
        '400': responseRef('BadRequest'),
        '401': responseRef('Unauthorized'),
        '413': responseRef('PayloadTooLarge'),
      },
    },
  },
  '/api/v1/config/download': {
    post: {
      operationId: 'downloadConfigBundleV1',
      summary: 'quay-config.tar.gz for a bundle (not validated, as in config-tool)',
      tags,
      requestBody: bundleRequestBody('ConfigBundle', 'The bundle to pack.'),
      responses: {
        '200': archiveResponse,
        '400': responseRef('BadRequest'),
        '401': responseRef('Unauthorized'),
        '413': responseRef('PayloadTooLarge'),
      },
    },
  },
  '/api/v1/config/operator': {
    post: {
      operationId: 'reconfigureThroughOperator',
      summary: "Hand the bundle to the Quay operator's /reconfigure",
      description:
        'Removes the keys of every group in `managedFieldGroups` (an array; HostSettings keys are kept), then POSTs ' +
        '`{"quayRegistryName", "namespace", "config.yaml", "certs"}` to `<--operator-endpoint>/reconfigure` with a 10 s deadline. ' +
        'The registry name comes from MY_POD_NAME (the part before `-quay-config-editor`), the namespace from MY_POD_NAMESPACE. ' +
        "The operator's status, body and content type are passed through.",
      tags,
      requestBody: {
        description: 'A JSON ConfigBundle with `managedFieldGroups`.',
        required: true,
        content: { 'application/json': { schema: schemaRef('ConfigBundle') } },
      },
      responses: {
        '200': { description: "The operator's answer, passed through (its status, body and content type).", content: { '*/*': { schema: {} } } },
        '400': responseRef('BadRequest'),
        '401': responseRef('Unauthorized'),
        '409': jsonResponse('No operator endpoint configured, or MY_POD_NAME / MY_POD_NAMESPACE missing.', 'Error'),
        '413': responseRef('PayloadTooLarge'),
        '502': jsonResponse('The operator cannot be reached (or answered more than 1 MiB); the message names the endpoint.', 'Error'),
        '504': jsonResponse('The operator did not answer within the deadline.', 'Error'),
      },
    },
  },
};
